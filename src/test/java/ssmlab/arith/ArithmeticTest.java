package ssmlab.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

final class ArithmeticTest {
  private static final FloatPArithmetic F4 = new FloatPArithmetic(FloatFormat.of(4, 4));

  @Test
  void sum_inFloatP_roundsOnceWhereTheChainRoundsTwice() {
    // p = 24: 1e8 + 1 - 1e8 is 0 as a chain (1e8 + 1 rounds to 1e8) and 1 rounded once.
    var f = new FloatPArithmetic(FloatFormat.of(24, 8));
    FloatP big = f.constant(1e8);
    FloatP chain = f.subtract(f.add(big, f.one()), big);
    FloatP once = f.sum(List.of(big, f.one(), f.negate(big)));
    assertThat(f.toDouble(chain)).isZero();
    assertThat(f.toDouble(once)).isEqualTo(1.0);
  }

  @Test
  void product_inFloatP_roundsOnce() {
    // p = 4: 1.125 * 1.125 * 1.25 = 1.58203125 rounds once to 1.625; the chain gives 1.5.
    FloatP a = F4.constant(1.125);
    FloatP b = F4.constant(1.25);
    assertThat(F4.toDouble(F4.product(List.of(a, a, b)))).isEqualTo(1.625);
    assertThat(F4.toDouble(F4.multiply(F4.multiply(a, a), b))).isEqualTo(1.5);
  }

  @Test
  void dot_isProductsRoundedThenOneSum() {
    // p = 4: 1.125 * 1.625 = 1.828125 rounds to 1.875; 1 + 1.875 = 2.875 is a tie between 2.75
    // and 3 and goes to the even significand, 3. The exact 1 + 1.828125 would round to 2.75.
    List<FloatP> a = List.of(F4.one(), F4.constant(1.125));
    List<FloatP> b = List.of(F4.one(), F4.constant(1.625));
    assertThat(F4.toDouble(F4.dot(a, b))).isEqualTo(3.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void floatP53_agreesWithDouble_onEveryBinaryOperation(long seed) {
    var f = new FloatPArithmetic(FloatFormat.of(53, 11));
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      double x = r.nextDouble(-4, 4);
      double y = r.nextDouble(0.25, 4);
      var d = DoubleArithmetic.INSTANCE;
      String msg = "seed " + seed + " x=" + x + " y=" + y;
      assertThat(f.toDouble(f.add(f.constant(x), f.constant(y)))).as(msg).isEqualTo(d.add(x, y));
      assertThat(f.toDouble(f.multiply(f.constant(x), f.constant(y))))
          .as(msg)
          .isEqualTo(d.multiply(x, y));
      assertThat(f.toDouble(f.divide(f.constant(x), f.constant(y))))
          .as(msg)
          .isEqualTo(d.divide(x, y));
      assertThat(f.toDouble(f.sqrt(f.constant(y)))).as(msg).isEqualTo(d.sqrt(y));
      assertThat(f.toDouble(f.silu(f.constant(x)))).as(msg).isCloseTo(d.silu(x), within(x));
      assertThat(f.toDouble(f.softplus(f.constant(x)))).as(msg).isCloseTo(d.softplus(x), within(1));
    }
  }

  private static Offset<Double> within(double scale) {
    return Offset.offset(Math.max(Math.abs(scale), 1) * 0x1p-50);
  }
}
