package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Multiplication in depth 10: the partial products {@code x_i ∧ y_j} (one AND level) summed by
 * column with {@link IteratedAddition}.
 */
public final class Multiplication {
  private Multiplication() {}

  /** x · y, |x| + |y| bits. */
  public static int[] multiply(CircuitBuilder b, int[] x, int[] y) {
    int w = x.length + y.length;
    int[][] cols = new int[Math.max(w, 1)][];
    int[] fill = new int[cols.length];
    for (int j = 0; j < cols.length; j++) {
      int h = 0;
      for (int i = 0; i < x.length; i++) {
        if (j - i >= 0 && j - i < y.length) {
          h++;
        }
      }
      cols[j] = new int[h];
    }
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < y.length; k++) {
        cols[i + k][fill[i + k]++] = b.and(x[i], y[k]);
      }
    }
    return Bits.resize(IteratedAddition.sumColumns(b, cols), Math.max(w, 1));
  }
}
