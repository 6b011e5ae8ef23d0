package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exp, ln, sqrt, sigmoid, softplus and SiLU against a BigDecimal oracle of 4p + 64 bits: the
 * result is the oracle value rounded to nearest, and so within 2^-p relative error in range.
 */
final class TranscendentalTest {
  private static final int TRIES = Integer.getInteger("props.tries", 25);

  static LongStream seeds() {
    return LongStream.range(1, 9);
  }

  /** A float of magnitude about 2^t with t uniform over [-p - 8, q + 1], or near 1. */
  private static FloatP argument(FloatFormat f, SplittableRandom r) {
    BigInteger m = new BigInteger(f.p() - 1, new java.util.Random(r.nextLong())).setBit(f.p() - 1);
    if (r.nextInt(6) == 0) {
      return f.add(f.valueOf(1), f.round(BigInteger.valueOf(r.nextInt(-9, 10)), 1 - f.p()));
    }
    long t = r.nextLong(-f.p() - 8, f.q() + 2);
    long e = Math.clamp(t - f.p(), f.minExponent(), f.maxExponent());
    return f.of(r.nextBoolean() ? m : m.negate(), e);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void functions_randomArguments_correctlyRoundedWithinBound(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      int p = r.nextInt(5) == 0 ? r.nextInt(64, 130) : r.nextInt(3, 64);
      int minQ = 33 - Integer.numberOfLeadingZeros(p + 16); // 2^q > p + 16: |x| < 2^(q+2) exists
      FloatFormat f = FloatFormat.of(p, r.nextInt(Math.max(4, minQ), 12));
      FloatP x = argument(f, r);
      var oracle = new BigDecimalOracle(4 * p + 64);
      BigDecimal xd = x.toBigDecimal();
      String what = "seed=" + seed + " " + f + " x=" + x;
      check(f, "exp " + what, f.exp(x), oracle.exp(xd));
      check(f, "sigmoid " + what, f.sigmoid(x), oracle.sigmoid(xd));
      check(f, "softplus " + what, f.softplus(x), oracle.softplus(xd));
      check(f, "silu " + what, f.silu(x), oracle.silu(xd));
      FloatP ax = f.abs(x);
      if (!ax.isZero()) {
        check(f, "log " + what, f.log(ax), oracle.log(ax.toBigDecimal()));
        check(f, "sqrt " + what, f.sqrt(ax), ax.toBigDecimal().sqrt(oracle.mathContext()));
      }
    }
  }

  /** y must be the oracle value v rounded to nearest, and within 2^-p of v when v is in range. */
  private static void check(FloatFormat f, String what, FloatP y, BigDecimal v) {
    FloatP want = new RationalOracle(v.unscaledValue(), BigInteger.TEN.pow(Math.max(0, v.scale())))
        .multiply(new RationalOracle(BigInteger.TEN.pow(Math.max(0, -v.scale())), BigInteger.ONE))
        .round(f);
    assertThat(y).as(what + " oracle=" + v.round(new java.math.MathContext(30))).isEqualTo(want);
    BigDecimal absV = v.abs();
    boolean inRange = absV.compareTo(f.minPositive().toBigDecimal()) >= 0
        && absV.compareTo(f.max().toBigDecimal()) <= 0;
    if (inRange) {
      // |y - v| <= 2^-p |v|
      BigDecimal err = y.toBigDecimal().subtract(v).abs();
      assertThat(err.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f.p()))))
          .as(what + " relative error").isLessThanOrEqualTo(absV);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void longExp_randomArguments_agreesWithGeneralPath(long seed) {
    var r = new SplittableRandom(seed);
    int decided = 0;
    for (int i = 0; i < 2000; i++) {
      FloatFormat f = FloatFormat.of(r.nextInt(2, 54), r.nextInt(8, 12));
      BigInteger m = BigInteger.valueOf(r.nextLong(1L << (f.p() - 1), 1L << f.p()));
      FloatP x = f.of(r.nextBoolean() ? m : m.negate(), r.nextLong(-80, 11 - f.p()));
      FloatP fast = LongExp.exp(f, x.m, x.e);
      if (fast != null) {
        decided++;
        assertThat(fast).as("seed=%d %s x=%s", seed, f, x)
            .isEqualTo(Transcendental.expGeneral(f, x));
      }
    }
    assertThat(decided).as("the fast path decides most cases").isGreaterThan(1800);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void doubleEnclosure_randomArguments_agreesWithTheExactEnclosures(long seed) {
    var r = new SplittableRandom(seed);
    int decided = 0;
    int tried = 0;
    for (int i = 0; i < 400; i++) {
      FloatFormat f = FloatFormat.of(r.nextInt(2, DoubleEnclosure.MAX_P + 1), r.nextInt(6, 12));
      BigInteger m = BigInteger.valueOf(r.nextLong(1L << (f.p() - 1), 1L << f.p()));
      FloatP x = f.of(r.nextBoolean() ? m : m.negate(), r.nextLong(-40, 8 - f.p()));
      String what = "seed=" + seed + " " + f + " x=" + x;
      FloatP[] fast = {DoubleEnclosure.round(f, x, DoubleEnclosure::sigmoid),
          DoubleEnclosure.round(f, x, DoubleEnclosure::silu),
          DoubleEnclosure.round(f, x, DoubleEnclosure::softplus),
          x.signum() > 0 ? DoubleEnclosure.round(f, x, Math::log) : null};
      FloatP[] exact = {Transcendental.sigmoidExact(f, x), Transcendental.siluExact(f, x),
          Transcendental.softplusExact(f, x),
          x.signum() > 0 ? Transcendental.logExact(f, x) : null};
      for (int k = 0; k < fast.length; k++) {
        if (exact[k] == null) {
          continue;
        }
        tried++;
        if (fast[k] != null) {
          decided++;
          assertThat(fast[k]).as(what + " function " + k).isEqualTo(exact[k]);
        }
      }
    }
    assertThat(decided).as("the double enclosure decides most cases").isGreaterThan(tried * 9 / 10);
  }

  @Test
  void doubleFormat_randomArguments_withinOneUlpOfStrictMath() {
    FloatFormat f = FloatFormat.of(53, 11);
    var r = new SplittableRandom(7);
    check53(f, r, f::exp, StrictMath::exp, -700, 700);
    check53(f, r, f::log, StrictMath::log, 1e-300, 1e300);
  }

  private static void check53(FloatFormat f, SplittableRandom r, Function<FloatP, FloatP> ours,
      Function<Double, Double> theirs, double lo, double hi) {
    for (int i = 0; i < 300; i++) {
      double x = lo > 0 ? Math.exp(r.nextDouble(Math.log(lo), Math.log(hi))) : r.nextDouble(lo, hi);
      double got = ours.apply(f.fromDouble(x)).toDouble();
      double want = theirs.apply(x);
      assertThat(Math.abs(got - want)).as("x=%s", x).isLessThanOrEqualTo(Math.ulp(want));
    }
  }

  @Test
  void exactCases_areExact() {
    FloatFormat f = FloatFormat.of(24, 8);
    assertThat(f.exp(f.zero())).isEqualTo(f.valueOf(1));
    assertThat(f.log(f.valueOf(1))).isEqualTo(f.zero());
    assertThat(f.sigmoid(f.zero())).isEqualTo(f.parse("0.5"));
    assertThat(f.silu(f.zero())).isEqualTo(f.zero());
    assertThat(f.sqrt(f.valueOf(9))).isEqualTo(f.valueOf(3));
  }

  @Test
  void hugeArguments_saturateOrFlush() {
    FloatFormat f = FloatFormat.of(24, 8);
    assertThat(f.exp(f.parse("1e30"))).isEqualTo(f.max());
    assertThat(f.exp(f.parse("-1e30"))).isEqualTo(f.zero());
    assertThat(f.sigmoid(f.parse("-1e30"))).isEqualTo(f.zero());
    assertThat(f.sigmoid(f.parse("1e30"))).isEqualTo(f.valueOf(1));
    assertThat(f.softplus(f.parse("1e30"))).isEqualTo(f.parse("1e30"));
    assertThat(f.softplus(f.parse("-1e30"))).isEqualTo(f.zero());
    assertThat(f.silu(f.parse("-1e30"))).isEqualTo(f.zero());
    // x in [-2^62, -2^61): e^x is not clamped, its exponent is about -2^62.5 (once squared, out
    // of a long); found by circuit model's softplus table at p = q = 8
    for (FloatFormat h : new FloatFormat[] {FloatFormat.of(8, 8), f}) {
      for (String x : new String[] {"-4e18", "-2.4e18", "-4.6e18"}) {
        assertThat(h.softplus(h.parse(x))).as("softplus(%s)", x).isEqualTo(h.zero());
        assertThat(h.sigmoid(h.parse(x))).as("sigmoid(%s)", x).isEqualTo(h.zero());
        assertThat(h.silu(h.parse(x)).isZero()).as("silu(%s)", x).isTrue();
        assertThat(h.exp(h.parse(x))).as("exp(%s)", x).isEqualTo(h.zero());
      }
    }
    // softplus(-100) = e^-100 (1 - e^-100 / 2 ...): relative accuracy despite 1 + tiny
    FloatFormat g = FloatFormat.of(53, 11);
    assertThat(g.softplus(g.parse("-100")).toDouble()).isEqualTo(Math.exp(-100));
  }

  @Test
  void domainErrors_throwArithmeticException() {
    FloatFormat f = FloatFormat.of(24, 8);
    assertThatThrownBy(() -> f.log(f.zero())).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("non-positive");
    assertThatThrownBy(() -> f.log(f.valueOf(-1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> f.sqrt(f.valueOf(-1))).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> f.divide(f.valueOf(1), f.zero()))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("division by zero");
  }
}
