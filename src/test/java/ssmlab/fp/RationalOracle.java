package ssmlab.fp;

import java.math.BigInteger;

/**
 * The test oracle for round_p: an exact rational {@code num / den} rounded by exact comparisons
 * (no bit tricks shared with {@link Rounder}), with the documented range rules.
 */
record RationalOracle(BigInteger num, BigInteger den) {

  RationalOracle {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
  }

  static RationalOracle of(FloatP x) {
    return dyadic(x.significand(), x.exponent());
  }

  static RationalOracle dyadic(BigInteger m, long e) {
    return e >= 0 ? new RationalOracle(m.shiftLeft((int) e), BigInteger.ONE)
        : new RationalOracle(m, BigInteger.ONE.shiftLeft((int) -e));
  }

  RationalOracle add(RationalOracle o) {
    return new RationalOracle(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  RationalOracle multiply(RationalOracle o) {
    return new RationalOracle(num.multiply(o.num), den.multiply(o.den));
  }

  RationalOracle divide(RationalOracle o) {
    return new RationalOracle(num.multiply(o.den), den.multiply(o.num));
  }

  RationalOracle negate() {
    return new RationalOracle(num.negate(), den);
  }

  /** sign(this - o). */
  int compareTo(RationalOracle o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  /** round_p: nearest float, ties to the even significand, saturating, flushing below min/2. */
  FloatP round(FloatFormat f) {
    if (num.signum() == 0) {
      return f.zero();
    }
    boolean neg = num.signum() < 0;
    RationalOracle a = new RationalOracle(num.abs(), den);
    int p = f.p();
    // Find e with 2^(p-1) <= a / 2^e < 2^p.
    long e = (long) a.num.bitLength() - a.den.bitLength() - p;
    while (a.compareTo(dyadic(BigInteger.ONE.shiftLeft(p - 1), e)) < 0) {
      e--;
    }
    while (a.compareTo(dyadic(BigInteger.ONE.shiftLeft(p), e)) >= 0) {
      e++;
    }
    RationalOracle min = dyadic(BigInteger.ONE.shiftLeft(p - 1), f.minExponent());
    if (e < f.minExponent()) {
      RationalOracle half = dyadic(BigInteger.ONE, f.minExponent() + p - 2);
      return a.compareTo(half) <= 0 ? f.zero() : sign(min.round(f), neg);
    }
    // m = floor(a / 2^e); compare the remainder with one half.
    RationalOracle scaled = a.multiply(dyadic(BigInteger.ONE, -e));
    BigInteger m = scaled.num.divide(scaled.den);
    RationalOracle frac = scaled.add(new RationalOracle(m.negate(), BigInteger.ONE));
    int c = frac.compareTo(new RationalOracle(BigInteger.ONE, BigInteger.TWO));
    if (c > 0 || (c == 0 && m.testBit(0))) {
      m = m.add(BigInteger.ONE);
    }
    if (m.bitLength() > p) {
      m = m.shiftRight(1);
      e++;
    }
    if (e > f.maxExponent()) {
      return neg ? f.max().negated() : f.max();
    }
    return f.of(neg ? m.negate() : m, e);
  }

  private static FloatP sign(FloatP x, boolean neg) {
    return neg ? x.negated() : x;
  }
}
