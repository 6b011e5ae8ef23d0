package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Leading-one detection: the one-hot {@code f_k = x_k ∧ AND_{j>k} ¬x_j} (depth 1, NOT free) and
 * the position of the highest set bit in binary (depth 2).
 */
public final class LeadingOne {
  private LeadingOne() {}

  /** f[k] = 1 exactly when bit k is the highest set bit of x. */
  public static int[] oneHot(CircuitBuilder b, int[] x) {
    int n = x.length;
    int[] f = new int[n];
    int[] lits = new int[n];
    for (int k = 0; k < n; k++) {
      lits[0] = x[k];
      for (int j = k + 1; j < n; j++) {
        lits[j - k] = b.not(x[j]);
      }
      f[k] = b.and(lits, n - k);
    }
    return f;
  }

  /** The index of the highest set bit of x (0 when x = 0), ⌈log₂ |x|⌉ bits. */
  public static int[] position(CircuitBuilder b, int[] x) {
    return Encoder.binary(b, oneHot(b, x));
  }
}
