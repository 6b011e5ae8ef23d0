package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/** Multiplexers: choose one of several buses by a select bit or a binary index (depth 2). */
public final class Multiplexer {
  private Multiplexer() {}

  /** s ? x : y, bit by bit. */
  public static int[] select(CircuitBuilder b, int s, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    int[] a = Bits.resize(x, n);
    int[] c = Bits.resize(y, n);
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = b.mux(s, a[i], c[i]);
    }
    return r;
  }

  /** choices[index] (0 when index ≥ choices.length): OR_v ([index = v] ∧ choices_v). */
  public static int[] select(CircuitBuilder b, int[] index, int[][] choices) {
    int n = 0;
    for (int[] c : choices) {
      n = Math.max(n, c.length);
    }
    int count = (int) Math.min(choices.length, index.length >= 31 ? Integer.MAX_VALUE
        : 1L << index.length);
    int[] out = new int[n];
    int[] terms = new int[count];
    int[] lits = new int[index.length + 1];
    for (int i = 0; i < n; i++) {
      int nt = 0;
      for (int v = 0; v < count; v++) {
        if (i >= choices[v].length || choices[v][i] == CircuitBuilder.FALSE) {
          continue;
        }
        for (int j = 0; j < index.length; j++) {
          lits[j] = (v >>> j & 1) != 0 ? index[j] : b.not(index[j]);
        }
        lits[index.length] = choices[v][i];
        terms[nt++] = b.and(lits, index.length + 1);
      }
      out[i] = b.or(terms, nt);
    }
    return out;
  }
}
