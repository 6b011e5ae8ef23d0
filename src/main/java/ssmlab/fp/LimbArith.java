package ssmlab.fp;

import java.util.Arrays;

/**
 * {@link FloatPArray}'s arithmetic for p > 62: + − × ÷ on significands of L 64-bit limbs
 * ({@link LimbStore}), each exact result rounded once exactly as {@link Rounder} rounds it. The
 * scratch limbs are allocated once per array operation and reused for every element.
 */
final class LimbArith {
  private final FloatFormat f;
  private final int p;
  private final int l; // limbs of a significand
  private final int w; // limbs of an aligned sum: one more
  private final long[] sumX;
  private final long[] sumY;
  private final long[] wide; // a product, or a quotient
  private final long[] dividend;
  private final long[] un; // Knuth's normalised dividend, then remainder
  private final long[] vn; // Knuth's normalised divisor

  LimbArith(FloatFormat f) {
    this.f = f;
    p = f.p();
    l = (p + 63) / 64;
    w = l + 1;
    sumX = new long[w];
    sumY = new long[w];
    int m = (2 * p + 1 + 63) / 64; // limbs of ua * 2^k < 2^(2p+1)
    wide = new long[Math.max(2 * l, m)];
    dividend = new long[m];
    un = new long[m + 1];
    vn = new long[l];
  }

  /*
   * Addition, as on the long path: x has the larger exponent and d its lead. With
   * g = 64w − 2 − p >= 62 guard bits, x is shifted left by min(d, g) and y right by the rest t;
   * y's lost bits become a sticky bit, which in a difference also takes one unit off (the true
   * value then lies strictly above the result). When t > 0 the sum keeps more than p + 1 bits.
   */
  void add(LimbStore a, int i, LimbStore b, int j, boolean subtract, LimbStore out, int k) {
    if (b.isZero(j)) {
      out.copy(a, i, false, k);
      return;
    }
    if (a.isZero(i)) {
      out.copy(b, j, subtract, k);
      return;
    }
    boolean swap = a.exps[i] < b.exps[j];
    LimbStore x = swap ? b : a;
    LimbStore y = swap ? a : b;
    int xi = swap ? j : i;
    int yi = swap ? i : j;
    boolean nx = x.negs[xi] != (swap && subtract);
    boolean ny = y.negs[yi] != (!swap && subtract);
    long lead = x.exps[xi] - y.exps[yi];
    int shift = (int) Math.min(lead, 64 * w - 2 - p);
    long t = lead - shift;
    shiftLeft(x.limbs, xi * l, l, shift, sumX, 0, w);
    boolean sticky = anyBelow(y.limbs, yi * l, l, t);
    shiftRight(y.limbs, yi * l, l, t, sumY, 0, w);
    boolean neg = nx;
    if (nx == ny) {
      addInto(sumX, sumY, w);
    } else if (t == 0 && compare(sumX, 0, sumY, 0, w) < 0) {
      subtractInto(sumY, sumX, w, 0);
      System.arraycopy(sumY, 0, sumX, 0, w);
      neg = !neg;
    } else {
      subtractInto(sumX, sumY, w, sticky ? 1 : 0);
    }
    round(sumX, w, neg, sticky, x.exps[xi] - shift, out, k);
  }

  void multiply(LimbStore a, int i, LimbStore b, int j, LimbStore out, int k) {
    if (a.isZero(i) || b.isZero(j)) {
      zero(out, k);
      return;
    }
    Arrays.fill(wide, 0);
    for (int r = 0; r < l; r++) {
      long ar = a.limbs[i * l + r];
      long carry = 0;
      for (int c = 0; c < l; c++) {
        long bc = b.limbs[j * l + c];
        long lo = ar * bc;
        long hi = Math.unsignedMultiplyHigh(ar, bc);
        long s = lo + wide[r + c];
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long s2 = s + carry;
        hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        wide[r + c] = s2;
        carry = hi;
      }
      wide[r + l] = carry;
    }
    round(wide, 2 * l, a.negs[i] != b.negs[j], false, a.exps[i] + b.exps[j], out, k);
  }

  /** Q = floor(ua · 2^k / ub) in [2^p, 2^(p+1)), the remainder's being non-zero the sticky bit. */
  void divide(LimbStore a, int i, LimbStore b, int j, LimbStore out, int k) {
    if (b.isZero(j)) {
      throw new ArithmeticException("division by zero");
    }
    if (a.isZero(i)) {
      zero(out, k);
      return;
    }
    int shift = compare(a.limbs, i * l, b.limbs, j * l, l) >= 0 ? p : p + 1;
    int m = (p + shift + 63) / 64;
    shiftLeft(a.limbs, i * l, l, shift, dividend, 0, m);
    boolean sticky = knuth(dividend, m, b.limbs, j * l, wide);
    round(wide, m - l + 1, a.negs[i] != b.negs[j], sticky, a.exps[i] - b.exps[j] - shift, out,
        k);
  }

  /*
   * Knuth's algorithm D (TAOCP 4.3.1) in 64-bit limbs: divisor and dividend are shifted so that
   * the divisor's top bit is set; each quotient limb is estimated from the top two limbs of the
   * partial remainder and the divisor's top limb (LongArith.divlu), corrected at most twice by
   * the next limb, and once more (add back) if the multiply-and-subtract goes negative. The
   * divisor is the l limbs of v at vo. Returns whether the remainder is non-zero; q gets
   * m − l + 1 limbs.
   */
  private boolean knuth(long[] u, int m, long[] v, int vo, long[] q) {
    int n = l;
    if (n == 1) { // p = 63, 64: short division
      long rem = 0;
      for (int j = m - 1; j >= 0; j--) {
        q[j] = LongArith.divlu(rem, u[j], v[vo]);
        rem = u[j] - q[j] * v[vo];
      }
      return rem != 0;
    }
    int s = Long.numberOfLeadingZeros(v[vo + n - 1]);
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (v[vo + i] << s) | (s == 0 ? 0 : v[vo + i - 1] >>> (64 - s));
    }
    vn[0] = v[vo] << s;
    un[m] = s == 0 ? 0 : u[m - 1] >>> (64 - s);
    for (int i = m - 1; i > 0; i--) {
      un[i] = (u[i] << s) | (s == 0 ? 0 : u[i - 1] >>> (64 - s));
    }
    un[0] = u[0] << s;
    long top = vn[n - 1];
    long next = vn[n - 2];
    for (int j = m - n; j >= 0; j--) {
      long uhi = un[j + n];
      long ulo = un[j + n - 1];
      long qhat;
      long rhat;
      boolean rhatOverflow;
      if (uhi == top) { // the estimate would be 2^64 or more: start from 2^64 − 1
        qhat = -1L;
        rhat = ulo + top;
        rhatOverflow = Long.compareUnsigned(rhat, top) < 0;
      } else {
        qhat = LongArith.divlu(uhi, ulo, top);
        rhat = ulo - qhat * top;
        rhatOverflow = false;
      }
      while (!rhatOverflow && greater(Math.unsignedMultiplyHigh(qhat, next), qhat * next, rhat,
          un[j + n - 2])) {
        qhat--;
        rhat += top;
        rhatOverflow = Long.compareUnsigned(rhat, top) < 0;
      }
      long carry = 0;
      for (int i = 0; i < n; i++) {
        long lo = qhat * vn[i] + carry;
        long hi = Math.unsignedMultiplyHigh(qhat, vn[i])
            + (Long.compareUnsigned(lo, carry) < 0 ? 1 : 0);
        long ui = un[i + j];
        un[i + j] = ui - lo;
        carry = hi + (Long.compareUnsigned(ui, lo) < 0 ? 1 : 0);
      }
      long ut = un[j + n];
      un[j + n] = ut - carry;
      if (Long.compareUnsigned(ut, carry) < 0) {
        qhat--;
        long c = 0;
        for (int i = 0; i < n; i++) {
          long sum = un[i + j] + vn[i];
          long c1 = Long.compareUnsigned(sum, vn[i]) < 0 ? 1 : 0;
          long sum2 = sum + c;
          c = c1 | (Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0);
          un[i + j] = sum2;
        }
        un[j + n] += c;
      }
      q[j] = qhat;
    }
    for (int i = 0; i < n; i++) {
      if (un[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /** hi1:lo1 > hi2:lo2, unsigned 128-bit. */
  private static boolean greater(long hi1, long lo1, long hi2, long lo2) {
    int c = Long.compareUnsigned(hi1, hi2);
    return c != 0 ? c > 0 : Long.compareUnsigned(lo1, lo2) > 0;
  }

  /**
   * round_p(±(mag + sticky) · 2^exp) into element k of out, mag being wn limbs; the same rules as
   * Rounder's (ties to even, saturation, flush below half the smallest float).
   */
  private void round(long[] mag, int wn, boolean neg, boolean sticky, long exp, LimbStore out,
      int k) {
    int len = bitLength(mag, wn);
    if (len == 0) {
      zero(out, k);
      return;
    }
    int base = k * l;
    long top = exp + len - 1;
    if (top < f.minExponent() + p - 1) {
      boolean powerOfTwo = !sticky && !anyBelow(mag, 0, wn, len - 1);
      long half = f.minExponent() + p - 2;
      if (top < half || (top == half && powerOfTwo)) {
        zero(out, k);
      } else {
        powerOfTwo(out.limbs, base, p - 1);
        out.exps[k] = f.minExponent();
        out.negs[k] = neg;
      }
      return;
    }
    int s = len - p;
    long e = exp + s;
    if (s <= 0) {
      shiftLeft(mag, 0, wn, -s, out.limbs, base, l);
    } else {
      boolean guard = (mag[(s - 1) >>> 6] >>> (s - 1) & 1) != 0;
      boolean rest = sticky || anyBelow(mag, 0, wn, s - 1);
      shiftRight(mag, 0, wn, s, out.limbs, base, l);
      if (guard && (rest || (out.limbs[base] & 1) != 0) && increment(out.limbs, base)) {
        powerOfTwo(out.limbs, base, p - 1); // rounding up reached 2^p
        e++;
      }
    }
    if (e > f.maxExponent()) {
      for (int i = 0; i < l; i++) {
        out.limbs[base + i] = i < p / 64 ? -1L : (1L << (p % 64)) - 1;
      }
      e = f.maxExponent();
    }
    out.exps[k] = e;
    out.negs[k] = neg;
  }

  /** Adds one to the p-bit significand at base; true when the sum reached 2^p. */
  private boolean increment(long[] a, int base) {
    for (int i = 0; i < l; i++) {
      if (++a[base + i] != 0) {
        return p % 64 != 0 && (a[base + l - 1] >>> (p % 64)) != 0;
      }
    }
    return true;
  }

  private void powerOfTwo(long[] a, int base, int bit) {
    Arrays.fill(a, base, base + l, 0);
    a[base + bit / 64] = 1L << (bit % 64);
  }

  private void zero(LimbStore out, int k) {
    Arrays.fill(out.limbs, k * l, k * l + l, 0);
    out.exps[k] = 0;
    out.negs[k] = false;
  }

  // ---------------------------------------------------------------- limb strings

  private static int bitLength(long[] a, int n) {
    for (int i = n - 1; i >= 0; i--) {
      if (a[i] != 0) {
        return 64 * i + 64 - Long.numberOfLeadingZeros(a[i]);
      }
    }
    return 0;
  }

  /** Whether any of the bits [0, bits) of the n limbs at off is set. */
  private static boolean anyBelow(long[] a, int off, int n, long bits) {
    int full = (int) Math.min(bits >>> 6, n);
    for (int i = 0; i < full; i++) {
      if (a[off + i] != 0) {
        return true;
      }
    }
    int rest = (int) (bits & 63);
    return full < n && rest != 0 && (a[off + full] & ((1L << rest) - 1)) != 0;
  }

  /** dst (dn limbs) = src (sn limbs) · 2^s, truncated to dn limbs. */
  private static void shiftLeft(long[] src, int so, int sn, int s, long[] dst, int doff, int dn) {
    int ds = Math.min(s >>> 6, dn);
    int bs = s & 63;
    Arrays.fill(dst, doff, doff + ds, 0);
    long below = 0; // the source limb below the current one
    int n = Math.min(sn, dn - ds);
    for (int i = 0; i < n; i++) {
      long cur = src[so + i];
      dst[doff + ds + i] = bs == 0 ? cur : (cur << bs) | (below >>> (64 - bs));
      below = cur;
    }
    if (ds + n < dn) {
      dst[doff + ds + n] = bs == 0 ? 0 : below >>> (64 - bs);
      Arrays.fill(dst, doff + ds + n + 1, doff + dn, 0);
    }
  }

  /** dst (dn limbs) = floor(src (sn limbs) / 2^s). */
  private static void shiftRight(long[] src, int so, int sn, long s, long[] dst, int doff,
      int dn) {
    int ds = (int) Math.min(s >>> 6, sn);
    int bs = (int) (s & 63);
    int n = Math.min(sn - ds, dn); // destination limbs that get source bits
    for (int i = 0; i < n; i++) {
      long lo = src[so + ds + i] >>> bs;
      long hi = bs == 0 || ds + i + 1 >= sn ? 0 : src[so + ds + i + 1] << (64 - bs);
      dst[doff + i] = lo | hi;
    }
    Arrays.fill(dst, doff + n, doff + dn, 0);
  }

  private static void addInto(long[] x, long[] y, int n) {
    long carry = 0;
    for (int i = 0; i < n; i++) {
      long s = x[i] + y[i];
      long c = Long.compareUnsigned(s, x[i]) < 0 ? 1 : 0;
      long s2 = s + carry;
      carry = c | (Long.compareUnsigned(s2, s) < 0 ? 1 : 0);
      x[i] = s2;
    }
  }

  /** x −= y + borrowIn, for x >= y + borrowIn. */
  private static void subtractInto(long[] x, long[] y, int n, long borrowIn) {
    long borrow = borrowIn;
    for (int i = 0; i < n; i++) {
      long d = x[i] - y[i];
      long b = Long.compareUnsigned(x[i], y[i]) < 0 ? 1 : 0;
      long d2 = d - borrow;
      borrow = b | (Long.compareUnsigned(d, borrow) < 0 ? 1 : 0);
      x[i] = d2;
    }
  }

  private static int compare(long[] x, int xo, long[] y, int yo, int n) {
    for (int i = n - 1; i >= 0; i--) {
      if (x[xo + i] != y[yo + i]) {
        return Long.compareUnsigned(x[xo + i], y[yo + i]);
      }
    }
    return 0;
  }
}
