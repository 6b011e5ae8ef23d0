package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Definition A.3 taken literally ({@link PaperOps}) against the exact-then-round operations. */
final class PaperOpsTest {

  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  @Test
  void slashSlash_handComputed() {
    // 7 // 2 = 3.5 exactly; 1 // 3 = 0.25 + 1/8; -1 // 3 = -0.5 + 1/8 (floor to quarters)
    assertThat(PaperOps.slashSlashTimes8(BigInteger.valueOf(7), BigInteger.TWO)).isEqualTo(28);
    assertThat(PaperOps.slashSlashTimes8(BigInteger.ONE, BigInteger.valueOf(3))).isEqualTo(3);
    assertThat(PaperOps.slashSlashTimes8(BigInteger.ONE.negate(), BigInteger.valueOf(3)))
        .isEqualTo(-3);
    assertThat(PaperOps.slashSlashTimes8(BigInteger.ONE, BigInteger.valueOf(-3))).isEqualTo(-3);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void roundSlashSlash_unitAtLeastHalf_equalsRoundingTheExactQuotient(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      FloatFormat f = FloatFormat.of(r.nextInt(2, 40), 10);
      BigInteger b = BigInteger.valueOf(r.nextLong(1, 1L << r.nextInt(1, 40)));
      // |a / b| >= 2^(p-2): the rounding unit of the quotient is at least 1/2
      BigInteger a = b.shiftLeft(f.p() - 2).add(BigInteger.valueOf(r.nextLong(0, 1L << 50)))
          .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
      long e = r.nextInt(-20, 20);
      FloatP exact = new RationalOracle(a, b).multiply(RationalOracle.dyadic(BigInteger.ONE, e))
          .round(f);
      assertThat(PaperOps.roundSlashSlash(f, a, b, e))
          .as("seed=%d %s a=%s b=%s e=%d", seed, f, a, b, e).isEqualTo(exact);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void literalDefinition_randomOperands_equalsFastOperations(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      FloatFormat f = RationalAgreementTest.randomFormat(r);
      FloatP x = RationalAgreementTest.randomFloat(f, r);
      FloatP y = RationalAgreementTest.partner(f, x, r);
      String what = "seed=" + seed + " " + f + " x=" + x + " y=" + y;
      assertThat(PaperOps.add(f, x, y)).as("+ " + what).isEqualTo(f.add(x, y));
      assertThat(PaperOps.multiply(f, x, y)).as("* " + what).isEqualTo(f.multiply(x, y));
      if (!y.isZero()) {
        assertThat(PaperOps.divide(f, x, y)).as("/ " + what).isEqualTo(f.divide(x, y));
      }
    }
  }
}
