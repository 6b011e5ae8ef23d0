package ssmlab.fp;

import java.math.BigInteger;

/**
 * The BigInteger path: + - * / and sqrt for any p (used for p > 62), exact quotients, floor.
 * Each builds an exact integer (or a p+1-bit truncation plus sticky bit) and rounds it once.
 */
final class BigArith {
  private BigArith() {}

  /** round_p(a ± b); for exponent gaps above p + 2 the smaller term is only a sticky bit. */
  static FloatP add(FloatFormat f, FloatP a, FloatP b, boolean subtract) {
    BigInteger ma = a.significand();
    BigInteger mb = subtract ? b.significand().negate() : b.significand();
    long ea = a.e;
    long eb = b.e;
    if (mb.signum() == 0) {
      return ma.signum() == 0 ? f.zero() : Rounder.big(f, ma, ea);
    }
    if (ma.signum() == 0) {
      return Rounder.big(f, mb, eb);
    }
    if (ea < eb) {
      BigInteger t = ma;
      ma = mb;
      mb = t;
      long u = ea;
      ea = eb;
      eb = u;
    }
    long d = ea - eb;
    if (d >= f.p() + 3) {
      // Same argument as LongArith.add: b becomes sign(b) * 2^(ea-3).
      BigInteger sticky = BigInteger.valueOf(mb.signum());
      return Rounder.big(f, ma.shiftLeft(3).add(sticky), ea - 3);
    }
    return Rounder.big(f, ma.shiftLeft((int) d).add(mb), eb);
  }

  static FloatP multiply(FloatFormat f, FloatP a, FloatP b) {
    return Rounder.big(f, a.significand().multiply(b.significand()), a.e + b.e);
  }

  static FloatP divide(FloatFormat f, FloatP a, FloatP b) {
    BigInteger ma = a.significand();
    BigInteger mb = b.significand();
    return quotient(f, ma.signum() * mb.signum() < 0, ma.abs(), mb.abs(), a.e - b.e);
  }

  /**
   * round_p(num / den * 2^exp) for num >= 0, den > 0: Q = floor(num * 2^k / den) with at least
   * p + 1 bits, and a non-zero remainder as the sticky bit.
   */
  static FloatP quotient(FloatFormat f, boolean neg, BigInteger num, BigInteger den, long exp) {
    if (num.signum() == 0) {
      return f.zero();
    }
    int k = Math.max(0, f.p() + 2 - (num.bitLength() - den.bitLength()));
    BigInteger[] qr = num.shiftLeft(k).divideAndRemainder(den);
    return Rounder.big(f, neg, qr[0], qr[1].signum() != 0, exp - k);
  }

  /** Square root with the exponent made even and the significand scaled to 2p+1 or 2p+2 bits. */
  static FloatP sqrt(FloatFormat f, FloatP a) {
    if (a.isZero()) {
      return f.zero();
    }
    BigInteger m = a.significand();
    long e = a.e;
    if ((e & 1) != 0) {
      m = m.shiftLeft(1);
      e--;
    }
    int k = (2 * f.p() + 2 - m.bitLength()) / 2;
    BigInteger n = m.shiftLeft(2 * k);
    BigInteger[] sr = n.sqrtAndRemainder();
    return Rounder.big(f, false, sr[0], sr[1].signum() != 0, e / 2 - k);
  }

  /** floor(a): exact, since an integer below 2^p in magnitude or a float with e >= 0. */
  static FloatP floor(FloatFormat f, FloatP a) {
    if (a.e >= 0 || a.isZero()) {
      return a;
    }
    long shift = -a.e;
    BigInteger m = a.significand();
    BigInteger fl = shift > f.p() + 1
        ? BigInteger.valueOf(m.signum() < 0 ? -1 : 0)
        : m.shiftRight((int) shift); // shiftRight rounds toward minus infinity
    return Rounder.big(f, fl, 0);
  }
}
