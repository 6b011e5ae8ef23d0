package ssmlab.fp;

import java.math.BigInteger;

/**
 * The storage of a {@link FloatPArray} for p > 62: each element's significand magnitude as
 * L = ⌈p/64⌉ little-endian 64-bit limbs, its exponent and its sign. Zero is all-zero limbs with
 * exponent 0 and a plus sign.
 */
final class LimbStore {
  private static final BigInteger LIMB_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  final int width; // L
  final long[] limbs;
  final long[] exps;
  final boolean[] negs;

  LimbStore(FloatFormat format, int length) {
    width = (format.p() + 63) / 64;
    limbs = new long[width * length];
    exps = new long[length];
    negs = new boolean[length];
  }

  /** A non-zero significand has bit p − 1 set, which lies in the top limb. */
  boolean isZero(int i) {
    return limbs[i * width + width - 1] == 0;
  }

  FloatP get(FloatFormat format, int i) {
    if (isZero(i)) {
      return format.zero();
    }
    BigInteger m = BigInteger.ZERO;
    for (int d = width - 1; d >= 0; d--) {
      m = m.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i * width + d])));
    }
    return new FloatP(format, 0, negs[i] ? m.negate() : m, exps[i]);
  }

  void set(int i, FloatP x) {
    BigInteger m = x.significand().abs();
    for (int d = 0; d < width; d++) {
      limbs[i * width + d] = m.shiftRight(64 * d).and(LIMB_MASK).longValue();
    }
    exps[i] = x.exponent();
    negs[i] = x.signum() < 0;
  }

  void copy(LimbStore from, int j, boolean negate, int i) {
    System.arraycopy(from.limbs, j * width, limbs, i * width, width);
    exps[i] = from.exps[j];
    negs[i] = from.negs[j] != negate && !from.isZero(j);
  }
}
