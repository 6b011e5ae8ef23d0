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

  /** present[i] = some entry of {@code table} has bit i: where {@link #lookup} makes a gate. */
  public static boolean[] present(java.math.BigInteger[] table, int width) {
    boolean[] r = new boolean[width];
    for (java.math.BigInteger t : table) {
      for (int i = 0; i < width; i++) {
        r[i] |= t.testBit(i);
      }
    }
    return r;
  }

  /**
   * The bus whose bit i is OR over v of ([index = v] ∧ constant_v bit i): a table lookup. Bit i
   * is the OR of all the one-hot wires, wire v replaced by false where bit i of table[v] is 0
   * (a simplifying builder drops those), and the constant false where no entry has bit i: a
   * choice made by the table, never by what the builder simplified, so a verbatim build has the
   * same shape as a simplified one (the addressed int-prod family relies on it).
   */
  public static int[] lookup(CircuitBuilder b, int[] oneHot, java.math.BigInteger[] table,
      int width) {
    int[] out = new int[width];
    int[] terms = new int[oneHot.length];
    for (int i = 0; i < width; i++) {
      boolean any = false;
      for (int v = 0; v < oneHot.length; v++) {
        boolean set = table[v].testBit(i);
        terms[v] = set ? oneHot[v] : CircuitBuilder.FALSE;
        any |= set;
      }
      out[i] = any ? b.or(terms, oneHot.length) : CircuitBuilder.FALSE;
    }
    return out;
  }
}
