package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * F_53 with q = 11 against Java's double and F_24 with q = 8 against float: + - * / and sqrt of
 * random operands agree bit for bit wherever the IEEE result is normal. (IEEE's exponent E of
 * 1.f * 2^E is the paper's e + p - 1; binary64's normal range is e in [-1074, 971].)
 */
final class IeeeAgreementTest {
  private static final FloatFormat F53 = FloatFormat.of(53, 11);
  private static final FloatFormat F24 = FloatFormat.of(24, 8);
  private static final int TRIES = Integer.getInteger("props.tries", 4000);

  static LongStream seeds() {
    return LongStream.range(1, 6);
  }

  /** Random doubles: wide exponents, near neighbours (cancellation) and half-ulp offsets (ties). */
  private static double[] operands(SplittableRandom r) {
    double a = randomDouble(r);
    double b = switch (r.nextInt(4)) {
      case 0 -> randomDouble(r);
      case 1 -> -a + Math.ulp(a) * r.nextInt(-8, 9); // cancellation
      case 2 -> Math.scalb(1.0, Math.getExponent(a) - 53) * (r.nextBoolean() ? 1 : -1); // tie
      default -> a * (1 + r.nextDouble()) * Math.scalb(1.0, r.nextInt(-70, 71));
    };
    if (!Double.isFinite(b) || (b != 0 && Math.abs(b) < Double.MIN_NORMAL)) {
      b = randomDouble(r);
    }
    return new double[] {a, b};
  }

  /** A normal double with a uniformly random exponent field. */
  private static double randomDouble(SplittableRandom r) {
    long bits = r.nextLong() & ~(0x7FFL << 52) | ((long) r.nextInt(1, 2046) << 52);
    return Double.longBitsToDouble(bits);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void binary64_randomOperands_bitForBit(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      double[] ab = operands(r);
      double a = ab[0];
      double b = ab[1];
      FloatP x = F53.fromDouble(a);
      FloatP y = F53.fromDouble(b);
      check(seed, "+", a, b, a + b, F53.add(x, y));
      check(seed, "-", a, b, a - b, F53.subtract(x, y));
      check(seed, "*", a, b, a * b, F53.multiply(x, y));
      if (b != 0) {
        check(seed, "/", a, b, a / b, F53.divide(x, y));
      }
      check(seed, "sqrt", Math.abs(a), 0, Math.sqrt(Math.abs(a)), F53.sqrt(F53.abs(x)));
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void binary32_randomOperands_bitForBit(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      float a = Float.intBitsToFloat(r.nextInt() & ~(0xFF << 23) | (r.nextInt(1, 254) << 23));
      float b = switch (r.nextInt(3)) {
        case 0 -> Float.intBitsToFloat(r.nextInt() & ~(0xFF << 23) | (r.nextInt(1, 254) << 23));
        case 1 -> -a + Math.ulp(a) * r.nextInt(-8, 9);
        default -> Math.scalb(1.0f, Math.getExponent(a) - 24) * (r.nextBoolean() ? 1 : -1);
      };
      FloatP x = F24.fromDouble(a);
      FloatP y = F24.fromDouble(b);
      checkFloat(seed, "+", a, b, a + b, F24.add(x, y));
      checkFloat(seed, "-", a, b, a - b, F24.subtract(x, y));
      checkFloat(seed, "*", a, b, a * b, F24.multiply(x, y));
      if (b != 0) {
        checkFloat(seed, "/", a, b, a / b, F24.divide(x, y));
      }
      float root = (float) Math.sqrt(Math.abs(a)); // double rounding is exact for sqrt here
      checkFloat(seed, "sqrt", Math.abs(a), 0, root, F24.sqrt(F24.abs(x)));
    }
  }

  /**
   * IEEE infinities and subnormals have no F_p counterpart, and a zero product or quotient is an
   * underflow (a zero sum is exact). The smallest normal is left out too: IEEE may reach it by
   * rounding a subnormal-range value with the subnormal ulp.
   */
  private static boolean normalOrExactZero(String op, double want, boolean belowNormal) {
    if (want == 0) {
      return op.equals("+") || op.equals("-");
    }
    return Double.isFinite(want) && !belowNormal;
  }

  private static void check(long seed, String op, double a, double b, double want, FloatP got) {
    if (!normalOrExactZero(op, want, Math.abs(want) <= Double.MIN_NORMAL)) {
      return;
    }
    assertThat(got.toDouble()).as("seed=%d %s %s %s", seed, a, op, b)
        .isEqualTo(want == 0 ? 0.0 : want);
    assertThat(got).as("seed=%d %s %s %s", seed, a, op, b).isEqualTo(F53.fromDouble(want));
  }

  private static void checkFloat(long seed, String op, float a, float b, float want, FloatP got) {
    if (!normalOrExactZero(op, want, Math.abs(want) <= Float.MIN_NORMAL)) {
      return;
    }
    assertThat(got).as("seed=%d %s %s %s", seed, a, op, b).isEqualTo(F24.fromDouble(want));
  }
}
