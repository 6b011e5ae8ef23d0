package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Addition of wide numbers by two-level carry-lookahead, depth 9 (NOT free), about n² wires
 * instead of {@link Adder}'s n³/6: the bits are cut into blocks of k ≈ √n.
 *
 * <p>With {@code g_i = a_i ∧ b_i}, {@code p_i = a_i ∨ b_i}, block t (bits s..s+k−1) generates
 * {@code G_t = OR_j (g_j ∧ AND_{j<m<s+k} p_m)} and propagates {@code P_t = AND_m p_m}; the carry
 * into block t is {@code C_t = OR_{u<t} (G_u ∧ AND_{u<r<t} P_r)} (the carry-in as G_{−1}), and
 * the carry into bit i of block t is {@code OR_{s≤j<i} (g_j ∧ AND_{j<m<i} p_m) ∨ (C_t ∧
 * AND_{s≤m<i} p_m)}.
 */
public final class BlockAdder {
  private BlockAdder() {}

  /** x + y + cin, max(|x|, |y|) + 1 bits. */
  public static int[] add(CircuitBuilder b, int[] x, int[] y, int cin) {
    int n = Math.max(1, Math.max(x.length, y.length));
    int[] a = Bits.resize(x, n);
    int[] c = Bits.resize(y, n);
    int k = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    int blocks = (n + k - 1) / k;
    int[] g = new int[n];
    int[] p = new int[n];
    int[] h = new int[n];
    for (int i = 0; i < n; i++) {
      g[i] = b.and(a[i], c[i]);
      p[i] = b.or(a[i], c[i]);
      h[i] = b.xor(a[i], c[i]);
    }
    // index 0 is the carry-in as a block that generates; block t is index t + 1
    int[] bg = new int[blocks + 1];
    int[] bp = new int[blocks + 1];
    bg[0] = cin;
    bp[0] = CircuitBuilder.FALSE;
    for (int t = 0; t < blocks; t++) {
      int s = t * k;
      int e = Math.min(n, s + k);
      bg[t + 1] = carryWithin(b, g, p, s, e, CircuitBuilder.FALSE);
      bp[t + 1] = b.and(java.util.Arrays.copyOfRange(p, s, e));
    }
    int[] blockCarry = new int[blocks + 1]; // into block t, and out of the last
    int[] terms = new int[blocks + 1];
    int[] lits = new int[blocks + 2];
    for (int t = 0; t <= blocks; t++) {
      int nt = 0;
      for (int u = -1; u < t; u++) {
        int nl = 0;
        lits[nl++] = bg[u + 1];
        for (int r = u + 1; r < t; r++) {
          lits[nl++] = bp[r + 1];
        }
        terms[nt++] = b.and(lits, nl);
      }
      blockCarry[t] = b.or(terms, nt);
    }
    int[] sum = new int[n + 1];
    for (int i = 0; i < n; i++) {
      int s = i / k * k;
      sum[i] = b.xor(h[i], carryWithin(b, g, p, s, i, blockCarry[i / k]));
    }
    sum[n] = blockCarry[blocks];
    return sum;
  }

  /** x − y over max(|x|, |y|) bits; bit n is 1 exactly when x ≥ y (as {@link Adder#subtract}). */
  public static int[] subtract(CircuitBuilder b, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    return add(b, Bits.resize(x, n), Bits.not(b, Bits.resize(y, n)), CircuitBuilder.TRUE);
  }

  /** The carry into bit {@code to} from bits [from, to) with {@code in} entering at bit from. */
  private static int carryWithin(CircuitBuilder b, int[] g, int[] p, int from, int to, int in) {
    int[] terms = new int[to - from + 1];
    int[] lits = new int[to - from + 1];
    int nt = 0;
    for (int j = from - 1; j < to; j++) {
      int nl = 0;
      lits[nl++] = j < from ? in : g[j];
      for (int m = j + 1; m < to; m++) {
        lits[nl++] = p[m];
      }
      terms[nt++] = b.and(lits, nl);
    }
    return b.or(terms, nt);
  }
}
