package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Shifts by a variable amount in depth 2 (NOT free): bit k of {@code x << s} is
 * {@code OR_v ([s = v] ∧ x_{k−v})}, the test {@code s = v} and the data bit in one AND gate.
 */
public final class Shifter {
  private Shifter() {}

  /** (x · 2^s) mod 2^width. */
  public static int[] shiftLeft(CircuitBuilder b, int[] x, int[] s, int width) {
    return shift(b, x, s, width, true);
  }

  /** ⌊x / 2^s⌋, |x| bits. */
  public static int[] shiftRight(CircuitBuilder b, int[] x, int[] s) {
    return shift(b, x, s, x.length, false);
  }

  private static int[] shift(CircuitBuilder b, int[] x, int[] s, int width, boolean left) {
    long maxShift = s.length >= 31 ? Integer.MAX_VALUE : (1L << s.length) - 1;
    int vs = (int) Math.min(maxShift, Math.max(width, x.length));
    int[] out = new int[width];
    int[] terms = new int[vs + 1];
    int[] lits = new int[s.length + 1];
    for (int k = 0; k < width; k++) {
      int nt = 0;
      for (int v = 0; v <= vs; v++) {
        int src = left ? k - v : k + v;
        if (src < 0 || src >= x.length) {
          continue;
        }
        for (int i = 0; i < s.length; i++) {
          lits[i] = (v >>> i & 1) != 0 ? s[i] : b.not(s[i]);
        }
        lits[s.length] = x[src];
        terms[nt++] = b.and(lits, s.length + 1);
      }
      out[k] = b.or(terms, nt);
    }
    return out;
  }
}
