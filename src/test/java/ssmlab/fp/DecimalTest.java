package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decimal and double conversions: parsing rounds once, rendering is exact. */
final class DecimalTest {
  private static final FloatFormat F53 = FloatFormat.of(53, 11);

  static LongStream seeds() {
    return LongStream.range(1, 6);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void parse_randomDecimals_matchesJavaDoubleParsing(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      String s = switch (r.nextInt(3)) {
        case 0 -> Double.toString(Double.longBitsToDouble(
            r.nextLong() & ~(0x7FFL << 52) | ((long) r.nextInt(1, 2046) << 52)));
        case 1 -> r.nextLong(1, Long.MAX_VALUE) + "e" + r.nextInt(-300, 290);
        // halfway between two doubles: 2^53 + 1 scaled, and its decimal neighbours
        default -> new BigDecimal(BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(
            2L * r.nextInt(0, 1000) + 1))).scaleByPowerOfTen(-r.nextInt(0, 5)).toString();
      };
      double want = Double.parseDouble(s);
      if (Math.abs(want) < Double.MIN_NORMAL || Double.isInfinite(want)) {
        continue;
      }
      assertThat(F53.parse(s).toDouble()).as("seed=%d %s", seed, s).isEqualTo(want);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void roundTrip_randomFloats_exactDecimalAndDouble(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 1000; i++) {
      FloatFormat f = RationalAgreementTest.randomFormat(r);
      FloatP x = RationalAgreementTest.randomFloat(f, r);
      assertThat(f.parse(x.toExactString())).as("seed=%d %s", seed, x).isEqualTo(x);
      assertThat(f.round(x.toBigDecimal())).isEqualTo(x);
      double d = Double.longBitsToDouble(r.nextLong() & ~(0x7FFL << 52)
          | ((long) r.nextInt(1, 2046) << 52));
      assertThat(F53.fromDouble(d).toDouble()).isEqualTo(d);
      assertThat(F53.fromDouble(d).toBigDecimal()).isEqualByComparingTo(new BigDecimal(d));
    }
  }

  @Test
  void exactString_handComputed() {
    assertThat(F53.parse("0.1").toExactString())
        .isEqualTo("0.1000000000000000055511151231257827021181583404541015625");
    assertThat(F53.parse("0.1")).isEqualTo(F53.fromDouble(0.1));
    assertThat(FloatFormat.of(8, 8).parse("1e3").toExactString()).isEqualTo("1000");
    assertThat(FloatFormat.of(4, 8).parse("-1.5e-07").toExactString())
        .isEqualTo(new BigDecimal(-0x1.4p-23).toPlainString()); // 1.5e-7 ~ 1.25 * 2^-23 at 4 bits
    assertThat(F53.zero().toExactString()).isEqualTo("0");
  }

  @Test
  void parse_outOfRange_saturatesOrFlushes() {
    FloatFormat f = FloatFormat.of(24, 8);
    assertThat(f.parse("1e1000")).isEqualTo(f.max());
    assertThat(f.parse("-1e1000")).isEqualTo(f.max().negated());
    assertThat(f.parse("1e-1000")).isEqualTo(f.zero());
    assertThatThrownBy(() -> F53.parse("1e-x")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> F53.fromDouble(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
