package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/** One-hot to binary (one OR level) and binary to one-hot (one AND level). */
public final class Encoder {
  private Encoder() {}

  /** Bit t of the index of the true wire of a one-hot bus (0 if none is true). */
  public static int[] binary(CircuitBuilder b, int[] oneHot) {
    int width = Math.max(1, Bits.bitLength(oneHot.length - 1));
    int[] out = new int[width];
    int[] terms = new int[oneHot.length];
    for (int t = 0; t < width; t++) {
      int n = 0;
      for (int k = 0; k < oneHot.length; k++) {
        if ((k >>> t & 1) != 0) {
          terms[n++] = oneHot[k];
        }
      }
      out[t] = b.or(terms, n);
    }
    return out;
  }

  /** D[v] = [s = v] for v = 0..count−1. */
  public static int[] oneHot(CircuitBuilder b, int[] s, int count) {
    int[] d = new int[count];
    for (int v = 0; v < count; v++) {
      d[v] = Bits.equalsConstant(b, s, v);
    }
    return d;
  }

  /** The bus whose bit i is OR over v of ([index = v] ∧ constant_v bit i): a table lookup. */
  public static int[] lookup(CircuitBuilder b, int[] oneHot, java.math.BigInteger[] table,
      int width) {
    int[] out = new int[width];
    int[] terms = new int[oneHot.length];
    for (int i = 0; i < width; i++) {
      int n = 0;
      for (int v = 0; v < oneHot.length; v++) {
        if (table[v].testBit(i)) {
          terms[n++] = oneHot[v];
        }
      }
      out[i] = b.or(terms, n);
    }
    return out;
  }
}
