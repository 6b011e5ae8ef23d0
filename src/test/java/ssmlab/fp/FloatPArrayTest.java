package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The array operations against the scalar ones, element by element. */
final class FloatPArrayTest {
  static LongStream seeds() {
    return LongStream.range(1, 6);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void elementwise_randomFormats_equalScalarOperations(long seed) {
    var r = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      FloatFormat f = FloatFormat.of(round % 4 == 0 ? r.nextInt(63, 300) : r.nextInt(3, 63),
          r.nextInt(3, 16));
      compare(f, r.nextInt(0, 64), r, "seed=" + seed);
    }
  }

  /** The formats at and around the edges of FloatPVectors' lane paths. */
  @ParameterizedTest(name = "p={0}")
  @ValueSource(ints = {3, 4, 11, 24, 26, 27, 52, 53, 54, 60, 61, 63, 64, 65, 96, 113, 256, 300})
  void elementwise_laneFormats_equalScalarOperations(int p) {
    var r = new SplittableRandom(p);
    for (int round = 0; round < 2; round++) {
      // Lanes run from FloatPArray.LANES_FROM elements on.
      compare(FloatFormat.of(p, r.nextInt(2, 12)), FloatPArray.LANES_FROM + r.nextInt(60), r,
          "round " + round);
    }
  }

  /**
   * The scalar narrow paths (p <= 31) at the edges of their fast cases: exponent gaps around
   * 62 - p (beyond it the sum leaves the long), results at the top and bottom of the exponent
   * range, exact cancellation and ties.
   */
  @ParameterizedTest(name = "p={0}")
  @ValueSource(ints = {4, 5, 8, 12, 16, 24, 30, 31, 32})
  void addAndMultiply_narrowEdges_equalScalarOperations(int p) {
    var r = new SplittableRandom(500 + p);
    FloatFormat f = FloatFormat.of(p, 6);
    List<FloatP> xs = new ArrayList<>();
    List<FloatP> ys = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      FloatP x = RationalAgreementTest.randomFloat(f, r);
      long gap = switch (r.nextInt(4)) {
        case 0 -> 62 - p + r.nextInt(-2, 3);
        case 1 -> r.nextInt(-p - 3, p + 4);
        default -> r.nextInt(-70, 71);
      };
      FloatP y = x.isZero() ? x : f.round(RationalAgreementTest.randomFloat(f, r).significand(),
          Math.clamp(x.exponent() - gap, f.minExponent(), f.maxExponent()));
      if (r.nextInt(8) == 0) {
        y = f.negate(x);
      }
      xs.add(x);
      ys.add(r.nextInt(8) == 0 ? RationalAgreementTest.partner(f, x, r) : y);
    }
    FloatPArray a = FloatPArray.of(f, xs);
    FloatPArray b = FloatPArray.of(f, ys);
    FloatPArray out = FloatPArray.zeros(f, xs.size());
    FloatPArray.add(a, b, out);
    assertThat(out.toList()).as("+ p=%d", p).isEqualTo(map(xs, ys, f::add));
    FloatPArray.subtract(a, b, out);
    assertThat(out.toList()).as("- p=%d", p).isEqualTo(map(xs, ys, f::subtract));
    FloatPArray.multiply(a, b, out);
    assertThat(out.toList()).as("* p=%d", p).isEqualTo(map(xs, ys, f::multiply));
  }

  /**
   * Significands built from the digits 0, 1, 2^31 − 1, 2^31 and 2^32 − 1 make Knuth's quotient
   * digit estimates too large, including the rare add-back step.
   */
  @ParameterizedTest(name = "p={0}")
  @ValueSource(ints = {64, 96, 128, 256})
  void divide_extremeDigits_equalsScalar(int p) {
    var r = new SplittableRandom(p);
    FloatFormat f = FloatFormat.of(p, 12);
    long[] digits = {0, 1, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
    List<FloatP> xs = new ArrayList<>();
    List<FloatP> ys = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      for (List<FloatP> list : List.of(xs, ys)) {
        java.math.BigInteger m = java.math.BigInteger.ONE;
        for (int d = 0; d < (p + 31) / 32; d++) {
          m = m.shiftLeft(32).or(java.math.BigInteger.valueOf(digits[r.nextInt(digits.length)]));
        }
        list.add(f.round(m, r.nextInt(-20, 20)));
      }
    }
    FloatPArray out = FloatPArray.zeros(f, xs.size());
    FloatPArray.divide(FloatPArray.of(f, xs), FloatPArray.of(f, ys), out);
    assertThat(out.toList()).isEqualTo(map(xs, ys, f::divide));
  }

  /**
   * A power of two minus a far smaller float with a long significand: the exact difference rounds
   * back to the power of two, although the floats just below it lie only half an ulp away. A
   * lane path that let the smaller operand count for more than 1/8 ulp would round down.
   */
  @ParameterizedTest(name = "p={0}")
  @ValueSource(ints = {3, 11, 24, 26, 40, 53, 60, 100})
  void subtract_farSmallerFromPowerOfTwo_staysThePowerOfTwo(int p) {
    FloatFormat f = FloatFormat.of(p, 11);
    java.math.BigInteger longest = java.math.BigInteger.ONE.shiftLeft(p).subtract(
        java.math.BigInteger.ONE);
    List<FloatP> ones = new ArrayList<>();
    List<FloatP> tiny = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ones.add(f.valueOf(1));
      tiny.add(f.round(longest, -2L * p - 10 - i)); // below 2^(-p-10)
    }
    FloatPArray out = FloatPArray.zeros(f, 16);
    FloatPArray.subtract(FloatPArray.of(f, ones), FloatPArray.of(f, tiny), out);
    assertThat(out.toList()).containsOnly(f.valueOf(1));
  }

  /** Random operands with ties, cancellations, zeros and the whole exponent range. */
  private static void compare(FloatFormat f, int n, SplittableRandom r, String context) {
    List<FloatP> xs = new ArrayList<>();
    List<FloatP> ys = new ArrayList<>();
    List<FloatP> divisors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FloatP x = RationalAgreementTest.randomFloat(f, r);
      FloatP y = RationalAgreementTest.partner(f, x, r);
      xs.add(x);
      ys.add(y);
      divisors.add(y.isZero() ? f.minPositive() : y);
    }
    FloatPArray a = FloatPArray.of(f, xs);
    FloatPArray b = FloatPArray.of(f, ys);
    FloatPArray out = FloatPArray.zeros(f, n);
    String what = context + " " + f;
    FloatPArray.add(a, b, out);
    assertThat(out.toList()).as("+ " + what).isEqualTo(map(xs, ys, f::add));
    FloatPArray.subtract(a, b, out);
    assertThat(out.toList()).as("- " + what).isEqualTo(map(xs, ys, f::subtract));
    FloatPArray.multiply(a, b, out);
    assertThat(out.toList()).as("* " + what).isEqualTo(map(xs, ys, f::multiply));
    FloatPArray.divide(a, FloatPArray.of(f, divisors), out);
    assertThat(out.toList()).as("/ " + what).isEqualTo(map(xs, divisors, f::divide));
    FloatPArray.add(a, b, a);
    assertThat(a.toList()).as("in place + " + what).isEqualTo(map(xs, ys, f::add));
  }

  private static List<FloatP> map(List<FloatP> xs, List<FloatP> ys,
      BinaryOperator<FloatP> op) {
    List<FloatP> zs = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      zs.add(op.apply(xs.get(i), ys.get(i)));
    }
    return zs;
  }

  @Test
  void setAndGet_handComputed_roundTrip() {
    FloatFormat f = FloatFormat.of(4, 3);
    FloatPArray a = FloatPArray.zeros(f, 3);
    a.set(1, f.parse("2.5"));
    assertThat(a.get(0)).isEqualTo(f.zero());
    assertThat(a.get(1).toExactString()).isEqualTo("2.5");
    FloatPArray.multiply(a, a, a);
    assertThat(a.get(1).toExactString()).isEqualTo("6"); // 6.25 rounds to 4 bits: 6
  }

  @Test
  void misuse_isRejected() {
    FloatFormat f = FloatFormat.of(8, 4);
    FloatPArray a = FloatPArray.of(f, List.of(f.valueOf(1), f.valueOf(2)));
    FloatPArray zeros = FloatPArray.zeros(f, 2);
    assertThatThrownBy(() -> FloatPArray.divide(a, zeros, FloatPArray.zeros(f, 2)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> FloatPArray.add(a, FloatPArray.zeros(f, 3), zeros))
        .hasMessageContaining("lengths");
    assertThatThrownBy(() -> FloatPArray.add(a, FloatPArray.zeros(FloatFormat.of(9, 4), 2), zeros))
        .hasMessageContaining("formats");
    assertThatThrownBy(() -> a.set(0, FloatFormat.of(9, 4).valueOf(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
