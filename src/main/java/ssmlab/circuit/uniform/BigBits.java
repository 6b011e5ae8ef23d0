package ssmlab.circuit.uniform;

import java.math.BigInteger;

/**
 * The bits of one big nonnegative constant as words, for {@link Crt#someMultipleHasBit} in O(1)
 * word operations where a window of log₂ maxA + 2 bits below bit c decides it (almost always),
 * exactly by {@link BigInteger} otherwise.
 */
final class BigBits {
  private final BigInteger value;
  private final long[] words;

  BigBits(BigInteger value) {
    this.value = value;
    byte[] be = value.toByteArray();
    this.words = new long[(be.length + 7) / 8];
    for (int i = 0; i < be.length; i++) {
      int fromLow = be.length - 1 - i;
      words[fromLow >>> 3] |= (be[i] & 0xffL) << 8 * (fromLow & 7);
    }
  }

  /** Bits lo..lo+len−1 (len ≤ 62) as a number. */
  private long window(int lo, int len) {
    long r = 0;
    for (int k = len - 1; k >= 0; k--) {
      int i = lo + k;
      r = r << 1 | (i >>> 6 < words.length ? words[i >>> 6] >>> (i & 63) & 1 : 0);
    }
    return r;
  }

  /** Whether bit c of A·value is 1 for some 0 ≤ A ≤ maxA (maxA &lt; 2^31). */
  boolean someMultipleHasBit(long maxA, int c) {
    int s = Stage.bitLength(maxA) + 1; // window bits c−s+1..c
    if (c < s) {
      long x = window(0, c + 1); // x mod 2^{c+1}, exactly
      return BigInteger.valueOf(x).multiply(BigInteger.valueOf(maxA)).bitLength() > c;
    }
    long w = window(c - s + 1, s);
    // maxA·X ≥ 2^c with X = w·2^{c−s+1} + low, 0 ≤ low < 2^{c−s+1}
    if (maxA * w >= 1L << (s - 1)) {
      return true;
    }
    if (maxA * (w + 1) <= 1L << (s - 1)) {
      return false;
    }
    return Crt.someMultipleHasBit(value, maxA, c);
  }

  /**
   * Bit c of A·value (0 ≤ A &lt; 2^31): from the window w of bitLength(A) + 8 bits ending at bit
   * c, A·value mod 2^{c+1} = w·A·2^{c−s+1} + ε·2^{c−s+1} with ε &lt; A, so the bit is bit s − 1 of
   * w·A unless adding ε can carry into it (below one case in 2^8), then exactly by
   * {@link BigInteger}.
   */
  boolean bitOfMultiple(long a, int c) {
    int s = Stage.bitLength(a) + 8;
    if (c < s) {
      return BigInteger.valueOf(window(0, c + 1)).multiply(BigInteger.valueOf(a)).testBit(c);
    }
    long lo = window(c - s + 1, s) * a; // bits below 64 are exact
    long mask = (1L << (s - 1)) - 1;
    if ((lo & mask) + a <= 1L << (s - 1)) {
      return (lo >>> (s - 1) & 1) != 0;
    }
    return value.multiply(BigInteger.valueOf(a)).testBit(c);
  }
}
