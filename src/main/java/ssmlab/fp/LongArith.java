package ssmlab.fp;

/**
 * The fast path for p <= 62: + - * / and sqrt on significands held in longs, with 128-bit
 * intermediates in two longs and no BigInteger.
 */
final class LongArith {
  private LongArith() {}

  private static final long MASK32 = 0xFFFF_FFFFL;
  private static final long B32 = 1L << 32;

  /*
   * Addition (a has the larger exponent, d = ea - eb). For d <= 64 the exact sum
   * ua * 2^d ± ub fits in 127 bits and is rounded once. For d >= 65 >= p + 3, |b| < 2^(ea-3)
   * while every rounding breakpoint near a is a multiple of 2^(ea-2): b may be replaced by
   * sign(b) * 2^(ea-3) without changing round_p. That is the paper's m1 + m2 // 2^d
   * (Definition A.3): truncation to quarters plus a sticky 1/8.
   */
  static FloatP add(FloatFormat f, long ma, long ea, long mb, long eb) {
    if (mb == 0) {
      return ma == 0 ? f.zero() : new FloatP(f, ma, null, ea);
    }
    if (ma == 0) {
      return new FloatP(f, mb, null, eb);
    }
    if (ea < eb) {
      long t = ma;
      ma = mb;
      mb = t;
      t = ea;
      ea = eb;
      eb = t;
    }
    long d = ea - eb;
    boolean na = ma < 0;
    boolean same = na == (mb < 0);
    long ua = Math.abs(ma);
    long ub = Math.abs(mb);
    if (d >= 65) {
      long hi = ua >>> 61;
      long lo = ua << 3;
      if (same) {
        lo |= 1;
      } else {
        if (lo == 0) {
          hi--;
        }
        lo--;
      }
      return Rounder.wide(f, na, hi, lo, false, ea - 3);
    }
    long hi;
    long lo;
    if (d == 0) {
      hi = 0;
      lo = ua;
    } else if (d < 64) {
      hi = ua >>> (64 - d);
      lo = ua << d;
    } else {
      hi = ua;
      lo = 0;
    }
    if (same) {
      long s = lo + ub;
      if (Long.compareUnsigned(s, lo) < 0) {
        hi++;
      }
      return Rounder.wide(f, na, hi, s, false, eb);
    }
    if (hi == 0 && Long.compareUnsigned(lo, ub) <= 0) {
      return lo == ub ? f.zero() : Rounder.bits(f, !na, ub - lo, false, eb);
    }
    if (Long.compareUnsigned(lo, ub) < 0) {
      hi--;
    }
    return Rounder.wide(f, na, hi, lo - ub, false, eb);
  }

  static FloatP multiply(FloatFormat f, long ma, long ea, long mb, long eb) {
    if (ma == 0 || mb == 0) {
      return f.zero();
    }
    long ua = Math.abs(ma);
    long ub = Math.abs(mb);
    return Rounder.wide(f, (ma ^ mb) < 0, Math.multiplyHigh(ua, ub), ua * ub, false, ea + eb);
  }

  /*
   * Division: Q = floor(ua * 2^k / ub) with k chosen so that Q lies in [2^p, 2^(p+1)): p + 1
   * bits, the last one the guard bit; a non-zero remainder is the sticky bit.
   */
  static FloatP divide(FloatFormat f, long ma, long ea, long mb, long eb) {
    if (ma == 0) {
      return f.zero();
    }
    int p = f.p();
    long ua = Math.abs(ma);
    long ub = Math.abs(mb);
    int k = ua >= ub ? p : p + 1;
    long hi = ua >>> (64 - k);
    long lo = ua << k;
    long q = hi == 0 ? Long.divideUnsigned(lo, ub) : divlu(hi, lo, ub);
    boolean inexact = lo - q * ub != 0;
    return Rounder.bits(f, (ma ^ mb) < 0, q, inexact, ea - eb - k);
  }

  /*
   * Square root: make the exponent even, scale the significand by 4^k so that N = M * 4^k lies
   * in [2^(2p), 2^(2p+2)); S = floor(sqrt(N)) then has p + 1 bits and N != S^2 is the sticky bit.
   */
  static FloatP sqrt(FloatFormat f, long ma, long ea) {
    if (ma == 0) {
      return f.zero();
    }
    int p = f.p();
    long m = ma;
    long e = ea;
    if ((e & 1) != 0) {
      m <<= 1;
      e--;
    }
    int len = 64 - Long.numberOfLeadingZeros(m);
    int k = (2 * p + 2 - len) / 2;
    int sh = 2 * k;
    long hi = sh == 0 ? 0 : (sh >= 64 ? m << (sh - 64) : m >>> (64 - sh));
    long lo = sh >= 64 ? 0 : m << sh;
    long s = isqrt(hi, lo);
    boolean inexact = Math.unsignedMultiplyHigh(s, s) != hi || s * s != lo;
    return Rounder.bits(f, false, s, inexact, e / 2 - k);
  }

  /** floor(sqrt(hi:lo)) for an unsigned 128-bit value below 2^126. */
  static long isqrt(long hi, long lo) {
    double approx = unsignedToDouble(hi) * 0x1p64 + unsignedToDouble(lo);
    long s = (long) Math.sqrt(approx);
    if (s > 0 && Long.compareUnsigned(hi, s) < 0) {
      // One Newton step from the double estimate leaves an error below one.
      long q = hi == 0 ? Long.divideUnsigned(lo, s) : divlu(hi, lo, s);
      s = (s + q) >>> 1;
    }
    while (s > 0 && greater(Math.unsignedMultiplyHigh(s, s), s * s, hi, lo)) {
      s--;
    }
    while (!greater(Math.unsignedMultiplyHigh(s + 1, s + 1), (s + 1) * (s + 1), hi, lo)) {
      s++;
    }
    return s;
  }

  private static boolean greater(long ahi, long alo, long bhi, long blo) {
    int c = Long.compareUnsigned(ahi, bhi);
    return c != 0 ? c > 0 : Long.compareUnsigned(alo, blo) > 0;
  }

  private static double unsignedToDouble(long x) {
    double d = (double) (x >>> 1) * 2.0;
    return d + (x & 1);
  }

  /**
   * The unsigned quotient floor((hi * 2^64 + lo) / d) for hi < d (unsigned): long division in
   * 32-bit digits with the divisor normalised (Knuth's algorithm D for a two-digit divisor).
   */
  static long divlu(long hi, long lo, long d) {
    int s = Long.numberOfLeadingZeros(d);
    long v = d << s;
    long vn1 = v >>> 32;
    long vn0 = v & MASK32;
    long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
    long un10 = lo << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & MASK32;
    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = un32 - q1 * vn1;
    while (Long.compareUnsigned(q1, B32) >= 0
        || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, B32) >= 0) {
        break;
      }
    }
    long un21 = (un32 << 32) + un1 - q1 * v;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, B32) >= 0
        || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, B32) >= 0) {
        break;
      }
    }
    return (q1 << 32) + q0;
  }
}
