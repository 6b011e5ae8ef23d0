package ssmlab.fp;

import java.math.BigInteger;

/**
 * round_p (Definition A.2): the nearest float of a format to an exact value, ties to the even
 * significand, saturating at the largest float and flushing below half the smallest one.
 */
final class Rounder {
  private Rounder() {}

  /*
   * Every operation hands over its exact result as magnitude * 2^exp plus a sticky flag: sticky
   * means the true value lies strictly between magnitude * 2^exp and (magnitude + 1) * 2^exp.
   * Callers set sticky only when the magnitude has at least p + 1 bits, so the guard bit is in
   * the magnitude and the sticky flag only breaks ties (Boldo-Melquiond round-to-odd).
   *
   * Range: let min = 2^(p-1) * 2^emin. Values in [min/2, min) go to min except min/2 itself
   * (a tie between <0, .> and <2^(p-1), emin>: we pick zero); values below min/2 go to zero.
   * Results whose exponent after rounding exceeds emax saturate to the largest float.
   */

  static FloatP bits(FloatFormat f, boolean neg, long mag, boolean sticky, long exp) {
    if (!f.isLong()) {
      return big(f, neg, BigInteger.valueOf(mag).and(LOW64), sticky, exp);
    }
    long[] slot = new long[2];
    bits(f, neg, mag, sticky, exp, slot, 0, 1);
    return new FloatP(f, slot[0], null, slot[1]);
  }

  /**
   * The long path's rounding core (p <= 62): the float nearest to the exact value, stored as its
   * signed significand in {@code out[mAt]} and its exponent in {@code out[eAt]}. Allocates
   * nothing (a {@link FloatPArray} passes its own storage).
   */
  static void bits(FloatFormat f, boolean neg, long mag, boolean sticky, long exp, long[] out,
      int mAt, int eAt) {
    if (mag < 0) {
      // 64 bits: drop the last into the sticky bit, so that the rounding below cannot overflow.
      sticky |= (mag & 1) != 0;
      mag >>>= 1;
      exp++;
    }
    int p = f.p();
    int len = 64 - Long.numberOfLeadingZeros(mag);
    long top = exp + len - 1;
    if (len == 0 || top < f.minExponent() + p - 1) {
      belowMin(f, neg, mag, sticky, top, out, mAt, eAt);
      return;
    }
    int s = len - p;
    long kept;
    if (s <= 0) {
      kept = mag << -s;
    } else {
      // Round half to even without a branch: adding (half - 1) + (lsb or sticky) carries into
      // the kept bits exactly when the dropped bits exceed half, or equal it with an odd lsb or
      // a sticky remainder.
      long half = 1L << (s - 1);
      long lsbOrSticky = ((mag >>> s) & 1) | (sticky ? 1 : 0);
      kept = (mag + half - 1 + lsbOrSticky) >>> s;
    }
    int carry = (int) (kept >>> p); // 1 when rounding up reached 2^p
    long e = exp + s + carry;
    if (e > f.maxExponent()) {
      long largest = (1L << p) - 1;
      store(out, mAt, eAt, neg ? -largest : largest, f.maxExponent());
      return;
    }
    kept >>>= carry;
    store(out, mAt, eAt, neg ? -kept : kept, e);
  }

  private static void belowMin(FloatFormat f, boolean neg, long mag, boolean sticky, long top,
      long[] out, int mAt, int eAt) {
    if (mag == 0 || underflowsToZero(f, top, Long.bitCount(mag) == 1 && !sticky)) {
      store(out, mAt, eAt, 0, 0);
    } else {
      long min = 1L << (f.p() - 1);
      store(out, mAt, eAt, neg ? -min : min, f.minExponent());
    }
  }

  private static void store(long[] out, int mAt, int eAt, long m, long e) {
    out[mAt] = m;
    out[eAt] = e;
  }

  /** The rounding core for the unsigned 128-bit magnitude hi:lo. */
  static void wide(FloatFormat f, boolean neg, long hi, long lo, boolean sticky, long exp,
      long[] out, int mAt, int eAt) {
    if (hi == 0) {
      bits(f, neg, lo, sticky, exp, out, mAt, eAt);
      return;
    }
    int s = 64 - Long.numberOfLeadingZeros(hi);
    if (s == 64) {
      bits(f, neg, hi, sticky || lo != 0, exp + 64, out, mAt, eAt);
      return;
    }
    boolean lost = (lo & ((1L << s) - 1)) != 0;
    bits(f, neg, (hi << (64 - s)) | (lo >>> s), sticky || lost, exp + s, out, mAt, eAt);
  }

  /** An exact signed value m * 2^exp. */
  static FloatP big(FloatFormat f, BigInteger m, long exp) {
    return big(f, m.signum() < 0, m.abs(), false, exp);
  }

  static FloatP big(FloatFormat f, boolean neg, BigInteger mag, boolean sticky, long exp) {
    int p = f.p();
    int len = mag.bitLength();
    if (len == 0) {
      return f.zero();
    }
    if (f.isLong()) {
      if (len <= 63) {
        return bits(f, neg, mag.longValue(), sticky, exp);
      }
      int s = len - 63;
      boolean lost = mag.getLowestSetBit() < s;
      return bits(f, neg, mag.shiftRight(s).longValue(), sticky || lost, exp + s);
    }
    long top = exp + len - 1;
    if (top < f.minExponent() + p - 1) {
      return underflow(f, neg, top, mag.getLowestSetBit() == len - 1 && !sticky);
    }
    int s = len - p;
    BigInteger kept;
    long e = exp + s;
    if (s <= 0) {
      kept = mag.shiftLeft(-s);
    } else {
      kept = mag.shiftRight(s);
      boolean guard = mag.testBit(s - 1);
      boolean rest = sticky || mag.getLowestSetBit() < s - 1;
      if (guard && (rest || kept.testBit(0))) {
        kept = kept.add(BigInteger.ONE);
        if (kept.bitLength() > p) {
          kept = kept.shiftRight(1);
          e++;
        }
      }
    }
    if (e > f.maxExponent()) {
      return max(f, neg);
    }
    return new FloatP(f, 0, neg ? kept.negate() : kept, e);
  }

  /** Nearest of 0 and ±min to a value of floor(log2) {@code top} below min. */
  private static FloatP underflow(FloatFormat f, boolean neg, long top, boolean powerOfTwo) {
    return underflowsToZero(f, top, powerOfTwo) ? f.zero() : minPositive(f, neg);
  }

  /** Whether a value of floor(log2) {@code top} below min rounds to zero (min/2 itself does). */
  private static boolean underflowsToZero(FloatFormat f, long top, boolean powerOfTwo) {
    long half = f.minExponent() + f.p() - 2;
    return top < half || (top == half && powerOfTwo);
  }

  static FloatP max(FloatFormat f, boolean neg) {
    long e = f.maxExponent();
    if (f.isLong()) {
      long m = (1L << f.p()) - 1;
      return new FloatP(f, neg ? -m : m, null, e);
    }
    BigInteger m = BigInteger.ONE.shiftLeft(f.p()).subtract(BigInteger.ONE);
    return new FloatP(f, 0, neg ? m.negate() : m, e);
  }

  static FloatP minPositive(FloatFormat f, boolean neg) {
    long e = f.minExponent();
    if (f.isLong()) {
      long m = 1L << (f.p() - 1);
      return new FloatP(f, neg ? -m : m, null, e);
    }
    BigInteger m = BigInteger.ONE.shiftLeft(f.p() - 1);
    return new FloatP(f, 0, neg ? m.negate() : m, e);
  }

  private static final BigInteger LOW64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
}
