package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * Unsigned comparison in depth 3 (AND/OR, NOT free) and equality in depth 2.
 *
 * <p>{@code a > b = OR_i (a_i ∧ ¬b_i ∧ AND_{j>i} (a_j ∨ ¬b_j))}: term i fires exactly at the
 * highest bit where a and b differ, if a has the 1 there.
 */
public final class Comparison {
  private Comparison() {}

  public static int greaterThan(CircuitBuilder b, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    int[] a = Bits.resize(x, n);
    int[] c = Bits.resize(y, n);
    int[] noLess = new int[n]; // a_j ∨ ¬b_j
    for (int j = 0; j < n; j++) {
      noLess[j] = b.or(a[j], b.not(c[j]));
    }
    int[] terms = new int[n];
    for (int i = 0; i < n; i++) {
      int[] lits = new int[n - i + 1];
      lits[0] = a[i];
      lits[1] = b.not(c[i]);
      System.arraycopy(noLess, i + 1, lits, 2, n - i - 1);
      terms[i] = b.and(lits);
    }
    return b.or(terms);
  }

  public static int lessThan(CircuitBuilder b, int[] x, int[] y) {
    return greaterThan(b, y, x);
  }

  public static int greaterOrEqual(CircuitBuilder b, int[] x, int[] y) {
    return b.not(greaterThan(b, y, x));
  }

  public static int equal(CircuitBuilder b, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    int[] a = Bits.resize(x, n);
    int[] c = Bits.resize(y, n);
    int[] clauses = new int[2 * n];
    for (int j = 0; j < n; j++) {
      clauses[2 * j] = b.or(a[j], b.not(c[j]));
      clauses[2 * j + 1] = b.or(b.not(a[j]), c[j]);
    }
    return b.and(clauses);
  }
}
