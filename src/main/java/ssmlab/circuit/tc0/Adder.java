package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Addition and subtraction by AC0 carry-lookahead, depth 5 (NOT free).
 *
 * <p>Level 1: generate {@code g_i = a_i ∧ b_i}, propagate {@code p_i = a_i ∨ b_i}; level 2:
 * {@code T_{j,i} = g_j ∧ AND_{j<k<i} p_k}; level 3: carry into bit i {@code c_i = OR_{j<i}
 * T_{j,i}} (a carry-in is {@code g_{-1}}); the half sum {@code h_i = a_i ⊕ b_i} as a DNF (levels
 * 1–2); levels 4–5: {@code s_i = h_i ⊕ c_i}. About n²/2 + 7n gates and n³/6 wires.
 */
public final class Adder {
  private Adder() {}

  /** x + y, max(|x|, |y|) + 1 bits. */
  public static int[] add(CircuitBuilder b, int[] x, int[] y) {
    return add(b, x, y, CircuitBuilder.FALSE);
  }

  /** x + y + cin, max(|x|, |y|) + 1 bits. */
  public static int[] add(CircuitBuilder b, int[] x, int[] y, int cin) {
    int n = Math.max(x.length, y.length);
    int[] a = Bits.resize(x, n);
    int[] c = Bits.resize(y, n);
    // index 0 is the carry-in as g_{-1}; index k+1 is bit k
    int[] g = new int[n + 1];
    int[] p = new int[n + 1];
    g[0] = cin;
    p[0] = CircuitBuilder.FALSE;
    int[] h = new int[n];
    for (int i = 0; i < n; i++) {
      g[i + 1] = b.and(a[i], c[i]);
      p[i + 1] = b.or(a[i], c[i]);
      h[i] = b.xor(a[i], c[i]);
    }
    int[] sum = new int[n + 1];
    int[] lits = new int[n + 1];
    int[] terms = new int[n + 1];
    for (int i = 0; i <= n; i++) { // carry into bit i
      int nt = 0;
      for (int j = -1; j < i; j++) {
        int k = 0;
        lits[k++] = g[j + 1];
        for (int m = j + 1; m < i; m++) {
          lits[k++] = p[m + 1];
        }
        terms[nt++] = b.and(lits, k);
      }
      int carry = b.or(terms, nt);
      sum[i] = i < n ? b.xor(h[i], carry) : carry;
    }
    return sum;
  }

  /**
   * x − y as x + ¬y + 1 over n = max(|x|, |y|) bits: bits 0..n−1 are (x − y) mod 2^n, bit n is
   * 1 exactly when x ≥ y.
   */
  public static int[] subtract(CircuitBuilder b, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    return add(b, Bits.resize(x, n), Bits.not(b, Bits.resize(y, n)), CircuitBuilder.TRUE);
  }
}
