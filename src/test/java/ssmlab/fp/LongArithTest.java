package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The long path against BigInteger: 128/64 division, 128-bit square root, and every operation. */
final class LongArithTest {
  private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

  static LongStream seeds() {
    return LongStream.range(1, 6);
  }

  private static BigInteger unsigned(long hi, long lo) {
    return new BigInteger(Long.toUnsignedString(hi)).multiply(TWO64)
        .add(new BigInteger(Long.toUnsignedString(lo)));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void divluAndIsqrt_random_matchBigInteger(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 5000; i++) {
      long d = r.nextLong() >>> r.nextInt(64);
      if (d == 0) {
        continue;
      }
      long hi = Long.remainderUnsigned(r.nextLong(), d);
      long lo = r.nextLong();
      BigInteger n = unsigned(hi, lo);
      long q = LongArith.divlu(hi, lo, d);
      assertThat(new BigInteger(Long.toUnsignedString(q)))
          .as("seed=%d %s / %s", seed, n, Long.toUnsignedString(d))
          .isEqualTo(n.divide(new BigInteger(Long.toUnsignedString(d))));
      long shi = (r.nextLong() >>> 2) >>> r.nextInt(62); // below 2^126
      BigInteger sn = unsigned(shi, lo);
      assertThat(BigInteger.valueOf(LongArith.isqrt(shi, lo)))
          .as("seed=%d sqrt %s", seed, sn).isEqualTo(sn.sqrt());
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void longPath_randomOperands_equalsBigIntegerPath(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      // Every other format is narrow: the division's double estimate serves p <= 53.
      int p = i % 2 == 0 ? r.nextInt(50, 63) : r.nextInt(3, 50);
      FloatFormat f = FloatFormat.of(p, r.nextInt(6, 20));
      FloatP x = RationalAgreementTest.randomFloat(f, r);
      FloatP y = RationalAgreementTest.partner(f, x, r);
      String what = "seed=" + seed + " " + f + " x=" + x + " y=" + y;
      assertThat(f.add(x, y)).as("+ " + what).isEqualTo(BigArith.add(f, x, y, false));
      assertThat(f.subtract(x, y)).as("- " + what).isEqualTo(BigArith.add(f, x, y, true));
      assertThat(f.multiply(x, y)).as("* " + what).isEqualTo(BigArith.multiply(f, x, y));
      if (!y.isZero()) {
        assertThat(f.divide(x, y)).as("/ " + what).isEqualTo(BigArith.divide(f, x, y));
      }
      FloatP ax = f.abs(x);
      assertThat(f.sqrt(ax)).as("sqrt " + what).isEqualTo(BigArith.sqrt(f, ax));
    }
  }
}
