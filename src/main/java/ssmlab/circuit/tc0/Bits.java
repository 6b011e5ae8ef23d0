package ssmlab.circuit.tc0;

import java.math.BigInteger;
import java.util.Arrays;

import ssmlab.circuit.CircuitBuilder;

/** Small bus utilities: constants, padding, constant shifts. */
public final class Bits {
  private Bits() {}

  /** The constant bus holding the low {@code width} bits of {@code value}. */
  public static int[] constant(BigInteger value, int width) {
    int[] r = new int[width];
    for (int i = 0; i < width; i++) {
      r[i] = CircuitBuilder.constant(value.testBit(i));
    }
    return r;
  }

  public static int[] constant(long value, int width) {
    return constant(BigInteger.valueOf(value), width);
  }

  /** {@code x} zero-extended (or truncated) to {@code width} bits. */
  public static int[] resize(int[] x, int width) {
    int[] r = Arrays.copyOf(x, width);
    for (int i = x.length; i < width; i++) {
      r[i] = CircuitBuilder.FALSE;
    }
    return r;
  }

  /** {@code x · 2^k}: k zero bits below x. */
  public static int[] shiftLeft(int[] x, int k) {
    int[] r = new int[x.length + k];
    System.arraycopy(x, 0, r, k, x.length);
    return r; // the new low bits are 0 = FALSE
  }

  /** Bits {@code [from, to)} of x, zero beyond its width. */
  public static int[] slice(int[] x, int from, int to) {
    int[] r = new int[Math.max(0, to - from)];
    for (int i = from; i < to; i++) {
      r[i - from] = i < x.length ? x[i] : CircuitBuilder.FALSE;
    }
    return r;
  }

  /** Bitwise NOT. */
  public static int[] not(CircuitBuilder b, int[] x) {
    int[] r = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = b.not(x[i]);
    }
    return r;
  }

  /** The number of bits of {@code v ≥ 0} (0 for 0). */
  public static int bitLength(long v) {
    return 64 - Long.numberOfLeadingZeros(v);
  }

  /** AND of the literals that say "bus {@code s} equals {@code v}". */
  public static int equalsConstant(CircuitBuilder b, int[] s, long v) {
    if (Bits.bitLength(v) > s.length) {
      return CircuitBuilder.FALSE;
    }
    int[] lits = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      lits[i] = (v >>> i & 1) != 0 ? s[i] : b.not(s[i]);
    }
    return b.and(lits);
  }
}
