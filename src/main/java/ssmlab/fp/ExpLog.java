package ssmlab.fp;

import java.math.BigInteger;

/**
 * Enclosures of exp and ln at a dyadic point: fixed-point series with W fraction bits and a
 * counted error bound, so that the true value provably lies in the returned interval.
 */
final class ExpLog {
  private ExpLog() {}

  /*
   * Notation: a fixed-point number X stands for X * 2^-W; an "ulp" is 2^-W. floor divisions and
   * shifts each lose less than one ulp.
   *
   * ln 2 (the paper's series is sum 1/(i 2^i); we use the faster 2 atanh(1/3) =
   * 2 sum 1/((2j+1) 9^j 3)): computed at B + g bits, g = bitlength(B) + 8, the error is below
   * 2.2 ulp per term over about B/3 terms, far below 2^(g-2); so ln2(B) is within 2 ulps of the
   * truth at any B' <= B after a shift.
   *
   * exp(x): k = round(x / ln 2), r = x - k ln 2, |r| <= 1/2. R has error <= 3 ulps (x truncated:
   * 1, ln 2 taken with bitlength(k) + 3 extra bits: 1/4, the shift: 1). Taylor terms
   * t_0 = 2^W, t_i = trunc(floor(t_(i-1) R / 2^W) / i) (two roundings: < 2 ulps). With a_i the
   * error of t_i and |t_(i-1)| <= 2^W: a_i <= a_(i-1) (1/2 + 3 2^-W) / i + 3 / i + 2, so a_i <= 5.
   * Summing until t_N = 0, the sum errs by at most 5N and the tail by at most 2 * 6:
   * |S - exp(r) 2^W| <= 6N + 16.
   *
   * ln(x): x = r 2^k with r in [3/4, 3/2), u = (r - 1) / (r + 1), |u| <= 1/5,
   * ln r = 2 atanh u = 2 sum u^(2j+1) / (2j+1). U errs by < 1, U2 = U^2 by < 1.4, the powers
   * by < 3, each term by < 4; with the tail, |2S - 2^W ln r| <= 8N + 10, and k ln 2 adds 1.5.
   */

  /** ln 2 * 2^(bits + guard), within 2^(guard - 2) units. */
  private record Ln2(int bits, int guard, BigInteger value) {}

  private static volatile Ln2 ln2Cache = new Ln2(0, 0, BigInteger.ZERO);

  /** ln 2 * 2^bits, within 2 ulps. */
  static BigInteger ln2(int bits) {
    Ln2 c = ln2Cache;
    if (c.bits() < bits) {
      synchronized (ExpLog.class) {
        c = ln2Cache;
        if (c.bits() < bits) {
          int b = Math.max(bits, 2 * c.bits());
          int g = 32 - Integer.numberOfLeadingZeros(b) + 8;
          c = new Ln2(b, g, atanhInverse(3, b + g).shiftLeft(1));
          ln2Cache = c;
        }
      }
    }
    return c.value().shiftRight(c.bits() + c.guard() - bits);
  }

  /** atanh(1/n) * 2^bits, truncated series. */
  private static BigInteger atanhInverse(int n, int bits) {
    BigInteger nn = BigInteger.valueOf((long) n * n);
    BigInteger pw = BigInteger.ONE.shiftLeft(bits).divide(BigInteger.valueOf(n));
    BigInteger sum = BigInteger.ZERO;
    for (long j = 1; pw.signum() != 0; j += 2) {
      sum = sum.add(pw.divide(BigInteger.valueOf(j)));
      pw = pw.divide(nn);
    }
    return sum;
  }

  /** x * 2^w, floored, for a dyadic x. */
  private static BigInteger fixed(Dyadic x, int w) {
    long s = x.e() + w;
    if (s >= 0) {
      return x.m().shiftLeft((int) s);
    }
    return -s > Integer.MAX_VALUE - 1 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0)
        : x.m().shiftRight((int) -s);
  }

  /** The fixed-point exp kernel at a point: exp(x) lies in [lo, hi]. */
  static Enclosure exp(Dyadic x, int bits) {
    if (x.signum() == 0) {
      return Enclosure.exact(Dyadic.ONE);
    }
    if (x.top() > 62) {
      // |x| >= 2^62: e^x is beyond every format (q <= 61); the clamp rounds like the true value.
      return x.signum() > 0 ? Enclosure.exact(Dyadic.of(1, 1L << 62))
          : new Enclosure(Dyadic.ZERO, Dyadic.of(1, -(1L << 62)));
    }
    long k = Math.round(x.toDouble() / Math.log(2));
    int w = bits + 12;
    BigInteger xw = fixed(x, w);
    BigInteger r;
    while (true) {
      int kb = 64 - Long.numberOfLeadingZeros(Math.abs(k)) + 3;
      BigInteger kl = BigInteger.valueOf(k).multiply(ln2(w + kb)).shiftRight(kb);
      r = xw.subtract(kl);
      if (r.abs().bitLength() <= w - 1) {
        break;
      }
      k += Math.round(new Dyadic(r, -w).toDouble() / Math.log(2));
    }
    BigInteger one = BigInteger.ONE.shiftLeft(w);
    BigInteger term = one;
    BigInteger sum = one;
    int n = 0;
    for (int i = 1; term.signum() != 0; i++) {
      term = term.multiply(r).shiftRight(w).divide(BigInteger.valueOf(i));
      sum = sum.add(term);
      n++;
    }
    BigInteger err = BigInteger.valueOf(6L * n + 16);
    return new Enclosure(new Dyadic(sum.subtract(err), k - w), new Dyadic(sum.add(err), k - w));
  }

  /** The fixed-point ln kernel at a point x > 0: ln(x) lies in [lo, hi]. */
  static Enclosure log(Dyadic x, int bits) {
    BigInteger m = x.m();
    int b = m.bitLength();
    int c = b - 1; // r = m / 2^c in [1, 2)
    if (b >= 2 && m.testBit(b - 2)) {
      c = b; // r >= 3/2: use r/2 in [3/4, 1)
    }
    long k = x.e() + c;
    BigInteger pow = BigInteger.ONE.shiftLeft(c);
    BigInteger num = m.subtract(pow);
    if (k == 0 && num.signum() == 0) {
      return Enclosure.exact(Dyadic.ZERO);
    }
    BigInteger den = m.add(pow);
    int near1 = num.signum() == 0 ? 0 : Math.max(0, den.bitLength() - num.abs().bitLength());
    int kb = 64 - Long.numberOfLeadingZeros(Math.abs(k)) + 3;
    int w = bits + 12 + (k == 0 ? near1 : 0);
    // atanh is odd: sum the series for |u| (non-negative, so floors truncate and it ends).
    BigInteger u = num.abs().shiftLeft(w).divide(den);
    BigInteger u2 = u.multiply(u).shiftRight(w);
    BigInteger sum = BigInteger.ZERO;
    BigInteger pw = u;
    int n = 0;
    for (long j = 1; pw.signum() != 0; j += 2) {
      sum = sum.add(pw.divide(BigInteger.valueOf(j)));
      pw = pw.multiply(u2).shiftRight(w);
      n++;
    }
    if (num.signum() < 0) {
      sum = sum.negate();
    }
    BigInteger kl = BigInteger.valueOf(k).multiply(ln2(w + kb)).shiftRight(kb);
    BigInteger value = sum.shiftLeft(1).add(kl);
    BigInteger err = BigInteger.valueOf(8L * n + 16);
    return new Enclosure(new Dyadic(value.subtract(err), -w), new Dyadic(value.add(err), -w));
  }
}
