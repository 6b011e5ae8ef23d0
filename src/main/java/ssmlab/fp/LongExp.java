package ssmlab.fp;

import java.math.BigInteger;

/**
 * A first try at exp for p <= 53 in 64-bit fixed point: an enclosure about 2^-57 wide, rounded
 * at both ends; when the ends round differently the caller falls back to the general path.
 */
final class LongExp {
  private LongExp() {}

  /*
   * Fixed point Q62: a long V stands for V * 2^-62; a "unit" is 2^-62.
   * Reduction: k = round(x / ln 2) (from a double estimate), R = X - k ln2, with X = x 2^62
   * floored (error < 1) and k ln 2 from ln 2 in Q127 (error < 2 after the shifts): |R - r| < 3
   * units, |r| <= 0.375 (checked; otherwise give up).
   * Horner on sum_{i<=16} r^i / i! with c_i = floor(2^62 / i!): a step h = c_j + floor(h R / 2^62)
   * adds < 1 + 1 (coefficient, floor) + H * 3 <= 6.37 units, where H <= e^0.375 bounds the exact
   * inner Horner value; earlier errors shrink by |R| 2^-62 <= 0.375, so the total is
   * < 6.37 / 0.625 < 10.2; the tail sum_{i>16} 0.375^i / i! is below 10^-3 units. Hence exp(r)
   * lies within 11 units of h, and exp(x) in [(h - 11) 2^(k-62), (h + 11) 2^(k-62)].
   */
  private static final int TERMS = 16;
  private static final long ERR = 11;
  private static final long[] INV_FACT = new long[TERMS + 1];
  private static final long LN2_HI; // floor(ln 2 * 2^127) = LN2_HI * 2^64 + LN2_LO (unsigned)
  private static final long LN2_LO;
  private static final double INV_LN2 = 1.4426950408889634;
  private static final long R_LIMIT = 3L << 59; // 0.375 in Q62

  static {
    BigInteger one = BigInteger.ONE.shiftLeft(62);
    BigInteger fact = BigInteger.ONE;
    for (int i = 0; i <= TERMS; i++) {
      fact = i == 0 ? fact : fact.multiply(BigInteger.valueOf(i));
      INV_FACT[i] = one.divide(fact).longValueExact();
    }
    BigInteger ln2 = ExpLog.ln2(127);
    LN2_HI = ln2.shiftRight(64).longValueExact();
    LN2_LO = ln2.longValue();
  }

  /** round_p(exp(m * 2^e)) for p <= 53, or null when this path cannot decide it. */
  static FloatP exp(FloatFormat f, long m, long e) {
    if (m == 0 || e + f.p() > 10) {
      return null; // exp(0) is exact elsewhere; |x| >= 2^10 goes to the general path
    }
    double xd = e < -1100 ? 0 : Math.scalb((double) m, (int) e);
    long k = (long) Math.rint(xd * INV_LN2);
    // X = x * 2^62 as a signed 128-bit xh:xl (floored)
    long sh = e + 62;
    long xh;
    long xl;
    if (sh >= 64) {
      xh = m << (sh - 64);
      xl = 0;
    } else if (sh > 0) {
      xh = m >> (64 - sh);
      xl = m << sh;
    } else if (sh == 0) {
      xh = m >> 63;
      xl = m;
    } else {
      xl = sh <= -63 ? (m < 0 ? -1 : 0) : m >> -sh;
      xh = xl >> 63;
    }
    // KL = |k| ln 2 * 2^62 = (|k| LN2_HI) / 2 + (|k| LN2_LO) / 2^65, as 128 bits kh:kl
    long ak = Math.abs(k);
    long ph = Math.multiplyHigh(ak, LN2_HI);
    long pl = ak * LN2_HI;
    long kl = (pl >>> 1) | (ph << 63);
    long kh = ph >> 1;
    long add = Math.unsignedMultiplyHigh(ak, LN2_LO) >>> 1;
    long sum = kl + add;
    if (Long.compareUnsigned(sum, kl) < 0) {
      kh++;
    }
    kl = sum;
    if (k < 0) { // negate kh:kl
      kl = -kl;
      kh = ~kh + (kl == 0 ? 1 : 0);
    }
    long rl = xl - kl;
    long rh = xh - kh - (Long.compareUnsigned(xl, kl) < 0 ? 1 : 0);
    if (rh != (rl >> 63) || Math.abs(rl) > R_LIMIT) {
      return null;
    }
    long h = INV_FACT[TERMS];
    for (int i = TERMS - 1; i >= 0; i--) {
      h = INV_FACT[i] + mulShift62(h, rl);
    }
    FloatP lo = Rounder.bits(f, false, h - ERR, false, k - 62);
    FloatP hi = Rounder.bits(f, false, h + ERR, false, k - 62);
    return lo.equals(hi) ? lo : null;
  }

  /** floor(a * b / 2^62) for |a * b| < 2^125. */
  private static long mulShift62(long a, long b) {
    return (Math.multiplyHigh(a, b) << 2) | ((a * b) >>> 62);
  }
}
