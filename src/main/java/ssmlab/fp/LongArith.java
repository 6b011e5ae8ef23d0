package ssmlab.fp;

/**
 * The fast path for p <= 62: + - * / and sqrt on significands held in longs, with 128-bit
 * intermediates in two longs and no BigInteger.
 */
final class LongArith {
  private LongArith() {}

  /** A binary operation of the long path, storing significand and exponent into out. */
  @FunctionalInterface
  interface Op {
    void apply(FloatFormat f, long ma, long ea, long mb, long eb, long[] out, int mAt, int eAt);
  }

  private static final long MASK32 = 0xFFFF_FFFFL;
  private static final long B32 = 1L << 32;

  /*
   * Each operation stores round_p of its exact result in out[mAt] (significand) and out[eAt]
   * (exponent), as Rounder's core does, and allocates nothing.
   *
   * Addition (a has the larger exponent, d = ea - eb). For d <= 64 the exact sum
   * ua * 2^d ± ub fits in 127 bits and is rounded once. For d >= 65 >= p + 3, |b| < 2^(ea-3)
   * while every rounding breakpoint near a is a multiple of 2^(ea-2): b may be replaced by
   * sign(b) * 2^(ea-3) without changing round_p. That is the paper's m1 + m2 // 2^d
   * (Definition A.3): truncation to quarters plus a sticky 1/8.
   */
  static void add(FloatFormat f, long ma, long ea, long mb, long eb, long[] out, int mAt, int eAt) {
    if (mb == 0 || ma == 0) {
      out[mAt] = ma == 0 ? mb : ma;
      out[eAt] = ma == 0 ? (mb == 0 ? 0 : eb) : ea;
      return;
    }
    // Conditional moves, not a branch: which operand is larger is a coin flip on random data.
    boolean swap = ea < eb;
    long mx = swap ? mb : ma;
    long my = swap ? ma : mb;
    long ex = swap ? eb : ea;
    long ey = swap ? ea : eb;
    long d = ex - ey;
    boolean na = mx < 0;
    long ua = Math.abs(mx);
    long sign = (mx ^ my) >> 63; // -1 when the signs differ
    long ub = Math.abs(my);
    if (d < Long.numberOfLeadingZeros(ua) - 1) {
      // ua * 2^d < 2^62 and ub < 2^62: the sum (or difference) fits in a long.
      long sum = (ua << d) + ((ub ^ sign) - sign);
      long neg = sum >> 63;
      Rounder.bits(f, na ^ (neg != 0), (sum ^ neg) - neg, false, ey, out, mAt, eAt);
      return;
    }
    boolean same = sign == 0;
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
      Rounder.wide(f, na, hi, lo, false, ex - 3, out, mAt, eAt);
      return;
    }
    long hi = d < 64 ? ua >>> (64 - d) : ua;
    long lo = d < 64 ? ua << d : 0;
    if (same) {
      long s = lo + ub;
      if (Long.compareUnsigned(s, lo) < 0) {
        hi++;
      }
      Rounder.wide(f, na, hi, s, false, ey, out, mAt, eAt);
      return;
    }
    // Here d >= 1 (ua has at most 62 bits), so ua * 2^d >= 2^p > ub: the difference is positive.
    if (Long.compareUnsigned(lo, ub) < 0) {
      hi--;
    }
    Rounder.wide(f, na, hi, lo - ub, false, ey, out, mAt, eAt);
  }

  static void multiply(FloatFormat f, long ma, long ea, long mb, long eb, long[] out, int mAt, int eAt) {
    if (ma == 0 || mb == 0) {
      out[mAt] = 0;
      out[eAt] = 0;
      return;
    }
    long ua = Math.abs(ma);
    long ub = Math.abs(mb);
    Rounder.wide(f, (ma ^ mb) < 0, Math.multiplyHigh(ua, ub), ua * ub, false, ea + eb, out, mAt, eAt);
  }

  /** Up to this p a product of two significands is exact in a long ({@link #multiplyNarrow}). */
  static final int NARROW_P = 31;

  /*
   * round_p(a * b) for p <= 31, as Rounder.bits rounds the exact product P = |ma| |mb| (2p - 1 or
   * 2p bits, so at least p - 1 >= 1 of them are dropped): half to even by integer addition, the
   * carry of a round-up to 2^p taken into the exponent. A result that leaves the exponent range
   * (saturation, underflow) goes to multiply.
   */
  static void multiplyNarrow(FloatFormat f, long ma, long ea, long mb, long eb, long[] out,
      int mAt, int eAt) {
    if (ma == 0 || mb == 0) {
      out[mAt] = 0;
      out[eAt] = 0;
      return;
    }
    int p = f.p();
    long prod = Math.abs(ma) * Math.abs(mb);
    int s = 64 - Long.numberOfLeadingZeros(prod) - p;
    long kept = (prod + (1L << (s - 1)) - 1 + ((prod >>> s) & 1)) >>> s;
    int carry = (int) (kept >>> p);
    long exp = ea + eb;
    long e = exp + s + carry;
    if (exp + s < f.minExponent() || e > f.maxExponent()) {
      multiply(f, ma, ea, mb, eb, out, mAt, eAt);
      return;
    }
    kept >>>= carry;
    out[mAt] = (ma ^ mb) < 0 ? -kept : kept;
    out[eAt] = e;
  }

  /*
   * a + b for p <= 31 when the exponents differ by at most 62 - p: the larger-exponent operand
   * shifted onto the other's exponent stays below 2^62, so the signed sum is exact in a long and
   * rounds once, as Rounder.bits rounds it. A wider gap, or a result outside the exponent range,
   * goes to add.
   */
  static void addNarrow(FloatFormat f, long ma, long ea, long mb, long eb, long[] out, int mAt,
      int eAt) {
    int p = f.p();
    long d = ea - eb;
    if (ma == 0 || mb == 0 || d > 62 - p || d < p - 62) {
      add(f, ma, ea, mb, eb, out, mAt, eAt);
      return;
    }
    long sum = d >= 0 ? (ma << d) + mb : ma + (mb << -d);
    long e0 = d >= 0 ? eb : ea;
    long sgn = sum >> 63;
    long mag = (sum ^ sgn) - sgn;
    int s = 64 - Long.numberOfLeadingZeros(mag) - p;
    long kept = s <= 0 ? mag << -s
        : (mag + (1L << (s - 1)) - 1 + ((mag >>> s) & 1)) >>> s;
    int carry = (int) (kept >>> p);
    long e = e0 + s + carry;
    if (mag == 0 || e0 + s < f.minExponent() || e > f.maxExponent()) {
      Rounder.bits(f, sgn != 0, mag, false, e0, out, mAt, eAt);
      return;
    }
    kept >>>= carry;
    out[mAt] = (kept ^ sgn) - sgn;
    out[eAt] = e;
  }

  /*
   * Division: Q = floor(ua * 2^k / ub) with k chosen so that Q lies in [2^p, 2^(p+1)): p + 1
   * bits, the last one the guard bit; a non-zero remainder is the sticky bit.
   *
   * For p <= 53 both significands are exact doubles. Their quotient rounded to 53 bits, times
   * 2^k, is within 2 of T = ua * 2^k / ub < 2^54, so Q0 = trunc(that) - 2 is at most floor(T)
   * and the remainder R0 = ua * 2^k - Q0 * ub lies in (0, 5 ub): computed modulo 2^64 it is
   * exact, and Q = Q0 + #{j in 1..4 : R0 >= j ub}, counted without a branch.
   */
  static void divide(FloatFormat f, long ma, long ea, long mb, long eb, long[] out, int mAt, int eAt) {
    if (mb == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (ma == 0) {
      out[mAt] = 0;
      out[eAt] = 0;
      return;
    }
    int p = f.p();
    long ua = Math.abs(ma);
    long ub = Math.abs(mb);
    int k = ua >= ub ? p : p + 1;
    long q;
    long r;
    if (p <= 53) {
      long q0 = (long) ((double) ua / (double) ub * (double) (1L << k)) - 2;
      long r0 = (ua << k) - q0 * ub;
      long steps = (r0 >= ub ? 1 : 0) + (r0 >= 2 * ub ? 1 : 0) + (r0 >= 3 * ub ? 1 : 0)
          + (r0 >= 4 * ub ? 1 : 0);
      q = q0 + steps;
      r = r0 - steps * ub;
    } else {
      long hi = ua >>> (64 - k);
      long lo = ua << k;
      q = hi == 0 ? Long.divideUnsigned(lo, ub) : divlu(hi, lo, ub);
      r = lo - q * ub;
    }
    Rounder.bits(f, (ma ^ mb) < 0, q, r != 0, ea - eb - k, out, mAt, eAt);
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
