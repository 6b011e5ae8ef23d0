package ssmlab.fp;

import java.math.BigInteger;

/**
 * An exact dyadic rational {@code m * 2^e}, the endpoint type of the interval enclosures that the
 * transcendental functions compute; rounding to a number of bits is directed (floor or ceiling).
 */
record Dyadic(BigInteger m, long e) implements Comparable<Dyadic> {

  static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);
  static final Dyadic ONE = new Dyadic(BigInteger.ONE, 0);

  static Dyadic of(FloatP x) {
    return new Dyadic(x.significand(), x.exponent());
  }

  static Dyadic of(long m, long e) {
    return new Dyadic(BigInteger.valueOf(m), e);
  }

  int signum() {
    return m.signum();
  }

  /** floor(log2 |x|) + 1: |x| < 2^top(). Undefined for zero. */
  long top() {
    return e + m.abs().bitLength();
  }

  Dyadic negate() {
    return new Dyadic(m.negate(), e);
  }

  Dyadic multiply(Dyadic o) {
    return new Dyadic(m.multiply(o.m), e + o.e);
  }

  /** The exact sum; callers keep exponent gaps moderate (see {@link #addRounded}). */
  Dyadic add(Dyadic o) {
    if (m.signum() == 0) {
      return o;
    }
    if (o.m.signum() == 0) {
      return this;
    }
    long lo = Math.min(e, o.e);
    return new Dyadic(m.shiftLeft((int) (e - lo)).add(o.m.shiftLeft((int) (o.e - lo))), lo);
  }

  /**
   * this + o rounded to {@code bits} bits, down or up. When one term is below 2^-(bits+8) of the
   * other it only nudges the larger one by that amount in its direction.
   */
  Dyadic addRounded(Dyadic o, int bits, boolean up) {
    if (m.signum() == 0 || o.m.signum() == 0) {
      return add(o).round(bits, up);
    }
    Dyadic big = this;
    Dyadic small = o;
    if (big.top() < small.top()) {
      big = o;
      small = this;
    }
    long limit = big.top() - bits - 8;
    if (small.top() < limit && small.e < big.e) {
      Dyadic eps = Dyadic.of(small.signum(), limit);
      return small.signum() > 0 == up ? big.add(eps).round(bits, up) : big.round(bits, up);
    }
    return big.add(small).round(bits, up);
  }

  /** This value rounded to at most {@code bits} significant bits, toward +inf (up) or -inf. */
  Dyadic round(int bits, boolean up) {
    int len = m.abs().bitLength();
    if (len <= bits) {
      return this;
    }
    int s = len - bits;
    BigInteger q = m.shiftRight(s); // floor
    if (up && m.getLowestSetBit() < s) {
      q = q.add(BigInteger.ONE);
    }
    return new Dyadic(q, e + s);
  }

  /** 1 / this for this > 0, with {@code bits} bits, down or up. */
  Dyadic reciprocal(int bits, boolean up) {
    int k = bits + m.bitLength();
    BigInteger[] qr = BigInteger.ONE.shiftLeft(k).divideAndRemainder(m);
    BigInteger q = up && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    return new Dyadic(q, -k - e);
  }

  /** The value rounded once into a format. */
  FloatP toFloat(FloatFormat f) {
    return Rounder.big(f, m, e);
  }

  double toDouble() {
    long t = top();
    if (m.signum() == 0) {
      return 0;
    }
    if (t > 1100) {
      return m.signum() * Double.MAX_VALUE;
    }
    if (t < -1100) {
      return 0;
    }
    int s = Math.max(0, m.abs().bitLength() - 60);
    return Math.scalb(m.shiftRight(s).doubleValue(), (int) (e + s));
  }

  @Override
  public int compareTo(Dyadic o) {
    int s = signum();
    int t = o.signum();
    if (s != t || s == 0) {
      return Integer.compare(s, t);
    }
    long a = top();
    long b = o.top();
    if (a != b) {
      return Long.compare(a, b) * s;
    }
    long lo = Math.min(e, o.e);
    return m.shiftLeft((int) (e - lo)).compareTo(o.m.shiftLeft((int) (o.e - lo)));
  }
}
