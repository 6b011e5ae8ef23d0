package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation against exact rational arithmetic rounded half-to-even by {@link
 * RationalOracle}, for random p in 3..200 and random q, on operands chosen to hit exact ties,
 * cancellation, wide exponent gaps and the ends of the range.
 */
final class RationalAgreementTest {
  private static final int TRIES = Integer.getInteger("props.tries", 300);

  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  static FloatFormat randomFormat(SplittableRandom r) {
    int p = r.nextInt(4) == 0 ? r.nextInt(3, 201) : r.nextInt(3, 70);
    return FloatFormat.of(p, r.nextInt(3, 13));
  }

  static FloatP randomFloat(FloatFormat f, SplittableRandom r) {
    if (r.nextInt(30) == 0) {
      return f.zero();
    }
    BigInteger m;
    if (r.nextInt(4) == 0) {
      // few significant bits: products and quotients land on ties and exact values
      int t = r.nextInt(1, Math.min(f.p(), 6) + 1);
      m = BigInteger.valueOf(r.nextLong(1L << (t - 1), 1L << t)).shiftLeft(f.p() - t);
    } else {
      m = new BigInteger(f.p() - 1, new java.util.Random(r.nextLong())).setBit(f.p() - 1);
    }
    long e = r.nextInt(8) == 0 ? r.nextLong(f.minExponent(), f.maxExponent() + 1)
        : Math.clamp(r.nextLong(-f.p() - 8, 9), f.minExponent(), f.maxExponent());
    return f.of(r.nextBoolean() ? m.negate() : m, e);
  }

  /** A second operand related to the first: equal-magnitude, half-ulp, nearby or random. */
  static FloatP partner(FloatFormat f, FloatP x, SplittableRandom r) {
    if (x.isZero()) {
      return randomFloat(f, r);
    }
    return switch (r.nextInt(5)) {
      case 0 -> f.add(x.negated(), f.round(BigInteger.valueOf(r.nextInt(-4, 5)), x.exponent()));
      case 1 -> f.round(BigInteger.valueOf(r.nextBoolean() ? 1 : -1), x.exponent() - 1); // tie
      case 2 -> f.round(BigInteger.valueOf(r.nextInt(1, 8)), x.exponent() - r.nextInt(f.p() + 8));
      default -> randomFloat(f, r);
    };
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void binaryOps_randomFormats_matchExactRounding(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      FloatFormat f = randomFormat(r);
      FloatP x = randomFloat(f, r);
      FloatP y = partner(f, x, r);
      RationalOracle a = RationalOracle.of(x);
      RationalOracle b = RationalOracle.of(y);
      String what = "seed=" + seed + " " + f + " x=" + x + " y=" + y;
      assertThat(f.add(x, y)).as("+ " + what).isEqualTo(a.add(b).round(f));
      assertThat(f.subtract(x, y)).as("- " + what).isEqualTo(a.add(b.negate()).round(f));
      assertThat(f.multiply(x, y)).as("* " + what).isEqualTo(a.multiply(b).round(f));
      if (!y.isZero()) {
        assertThat(f.divide(x, y)).as("/ " + what).isEqualTo(a.divide(b).round(f));
      }
      assertThat(f.compare(x, y)).as("cmp " + what).isEqualTo(Integer.signum(a.compareTo(b)));
      assertThat(PaperOps.lessOrEqual(x, y)).as("<= " + what).isEqualTo(a.compareTo(b) <= 0);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void sqrtAndFloor_randomFormats_matchDefinitions(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES; i++) {
      FloatFormat f = randomFormat(r);
      FloatP x = f.abs(randomFloat(f, r));
      FloatP s = f.sqrt(x);
      String what = "seed=" + seed + " " + f + " x=" + x + " sqrt=" + s;
      // s = round(sqrt x) iff sqrt x lies between the midpoints to s's neighbours, i.e. x between
      // their squares (sqrt of a float is never a midpoint).
      RationalOracle xs = RationalOracle.of(x);
      boolean inRange = !s.isZero() && !s.equals(f.max()) && !s.equals(f.minPositive());
      if (inRange) {
        RationalOracle up = midpoint(s, next(f, s, true));
        assertThat(xs.compareTo(up.multiply(up))).as(what).isNegative();
      }
      if (inRange) {
        RationalOracle down = midpoint(s, next(f, s, false));
        assertThat(xs.compareTo(down.multiply(down))).as(what).isPositive();
      }
      FloatP y = randomFloat(f, r);
      FloatP fl = f.floor(y);
      RationalOracle ys = RationalOracle.of(y);
      RationalOracle fls = RationalOracle.of(fl);
      assertThat(fls.num().mod(fls.den())).as("floor integer " + what).isZero();
      assertThat(fls.compareTo(ys)).as("floor <= y " + y).isLessThanOrEqualTo(0);
      assertThat(fls.add(new RationalOracle(BigInteger.ONE, BigInteger.ONE)).compareTo(ys))
          .as("floor + 1 > y " + y).isPositive();
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void iteratedOps_randomTerms_matchExactRoundedOnce(long seed) {
    var r = new SplittableRandom(seed);
    for (int i = 0; i < TRIES / 3; i++) {
      FloatFormat f = randomFormat(r);
      int n = r.nextInt(0, 12);
      List<FloatP> xs = new ArrayList<>();
      RationalOracle sum = new RationalOracle(BigInteger.ZERO, BigInteger.ONE);
      RationalOracle prod = new RationalOracle(BigInteger.ONE, BigInteger.ONE);
      for (int k = 0; k < n; k++) {
        FloatP x = k > 0 && r.nextInt(3) == 0 ? partner(f, xs.get(r.nextInt(k)), r)
            : randomFloat(f, r);
        xs.add(x);
        sum = sum.add(RationalOracle.of(x));
        prod = prod.multiply(RationalOracle.of(x));
      }
      String what = "seed=" + seed + " " + f + " xs=" + xs;
      assertThat(f.iteratedSum(xs)).as("sum " + what).isEqualTo(sum.round(f));
      assertThat(f.iteratedProduct(xs)).as("prod " + what).isEqualTo(prod.round(f));
    }
  }

  @ParameterizedTest(name = "p={0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1000, 4096})
  void wideFormats_randomOperands_matchExactRounding(int p) {
    var r = new SplittableRandom(p);
    FloatFormat f = FloatFormat.of(p, 16);
    for (int i = 0; i < 40; i++) {
      FloatP x = randomFloat(f, r);
      FloatP y = partner(f, x, r);
      RationalOracle a = RationalOracle.of(x);
      RationalOracle b = RationalOracle.of(y);
      String what = "p=" + p + " i=" + i;
      assertThat(f.add(x, y)).as("+ " + what).isEqualTo(a.add(b).round(f));
      assertThat(f.multiply(x, y)).as("* " + what).isEqualTo(a.multiply(b).round(f));
      if (!y.isZero()) {
        assertThat(f.divide(x, y)).as("/ " + what).isEqualTo(a.divide(b).round(f));
      }
      assertThat(f.iteratedSum(x, y, x)).as("sum " + what)
          .isEqualTo(a.add(b).add(a).round(f));
    }
  }

  /** The neighbour of a positive float s above or below it. */
  static FloatP next(FloatFormat f, FloatP s, boolean up) {
    BigInteger m = s.significand();
    long e = s.exponent();
    BigInteger n = up ? m.add(BigInteger.ONE) : m.subtract(BigInteger.ONE);
    if (n.bitLength() > f.p()) {
      return f.of(n.shiftRight(1), e + 1);
    }
    if (n.bitLength() < f.p()) {
      return f.of(n.shiftLeft(1).setBit(0), e - 1);
    }
    return f.of(n, e);
  }

  private static RationalOracle midpoint(FloatP a, FloatP b) {
    return RationalOracle.of(a).add(RationalOracle.of(b))
        .multiply(new RationalOracle(BigInteger.ONE, BigInteger.TWO));
  }
}
