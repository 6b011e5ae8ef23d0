package ssmlab.fp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The iterated operations of {@link FloatFormat} (Lemma 3.12) in bulk over {@link FloatPArray}s:
 * matrix-vector products whose entries are each one iterated sum of rounded products, elementwise
 * iterated sums and products. Every result is bit for bit what {@link FloatFormat#multiply},
 * {@link FloatFormat#iteratedSum} and {@link FloatFormat#iteratedProduct} give on the same
 * floats; for p <= 62 they run on the arrays' longs and allocate nothing in the common case.
 */
public final class FloatPIterated {
  private FloatPIterated() {}

  /**
   * {@code out[i] = round_p(sum_j round_p(m[i * cols + j] * x[j]) + bias[i])} with
   * {@code cols = x.length()}: each entry the paper's matrix product entry, one iterated sum of
   * the rounded products (and the bias, when not null). {@code out} must not be x or m.
   */
  public static void matVec(FloatPArray m, FloatPArray x, FloatPArray bias, FloatPArray out) {
    FloatFormat f = out.format();
    int rows = out.length();
    int cols = x.length();
    if (m.length() != rows * cols || bias != null && bias.length() != rows) {
      throw new IllegalArgumentException("matVec of a " + m.length() + "-element matrix, "
          + cols + " inputs, " + rows + " outputs" + (bias == null ? "" : ", bias "
          + bias.length()));
    }
    sameFormat(f, m, x, bias);
    if (out == x || out == m) {
      throw new IllegalArgumentException("matVec's output may not be its input");
    }
    long[] z = out.slots();
    if (z == null) {
      for (int i = 0; i < rows; i++) {
        List<FloatP> terms = new ArrayList<>(cols + 1);
        for (int j = 0; j < cols; j++) {
          terms.add(f.multiply(m.get(i * cols + j), x.get(j)));
        }
        if (bias != null) {
          terms.add(bias.get(i));
        }
        out.set(i, f.iteratedSum(terms));
      }
      return;
    }
    long[] a = m.slots();
    long[] v = x.slots();
    long[] c = bias == null ? null : bias.slots();
    int mn = m.length();
    int cap = cols + 1;
    long[] t = null;
    boolean narrow = f.p() <= LongArith.NARROW_P;
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      if (narrow && NarrowRow.sum(f, a, mn, row, v, cols, c, rows, i, z)) {
        continue;
      }
      if (t == null) {
        t = new long[2 * cap];
      }
      for (int j = 0; j < cols; j++) {
        if (narrow) {
          LongArith.multiplyNarrow(f, a[row + j], a[mn + row + j], v[j], v[cols + j], t, j,
              cap + j);
        } else {
          LongArith.multiply(f, a[row + j], a[mn + row + j], v[j], v[cols + j], t, j, cap + j);
        }
      }
      int k = cols;
      if (c != null) {
        t[k] = c[i];
        t[cap + k] = c[rows + i];
        k++;
      }
      LongSum.sum(f, t, cap, k, z, i, rows + i);
    }
  }

  /** {@code out[i] = round_p(terms[0][i] + ... + terms[k-1][i])}, one rounding per entry. */
  public static void sum(List<FloatPArray> terms, FloatPArray out) {
    FloatFormat f = out.format();
    int n = out.length();
    for (FloatPArray a : terms) {
      sameFormat(f, a);
      if (a.length() != n) {
        throw new IllegalArgumentException("sum of arrays of lengths " + a.length() + " and " + n);
      }
    }
    int k = terms.size();
    long[] z = out.slots();
    if (z == null) {
      for (int i = 0; i < n; i++) {
        List<FloatP> xs = new ArrayList<>(k);
        for (FloatPArray a : terms) {
          xs.add(a.get(i));
        }
        out.set(i, f.iteratedSum(xs));
      }
      return;
    }
    long[][] s = new long[k][];
    for (int j = 0; j < k; j++) {
      s[j] = terms.get(j).slots();
    }
    long[] t = new long[2 * Math.max(1, k)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        t[j] = s[j][i];
        t[k + j] = s[j][n + i];
      }
      LongSum.sum(f, t, Math.max(1, k), k, z, i, n + i);
    }
  }

  /** {@code out[i] = round_p(a[i] * b[i] * c[i])}, one rounding per entry; out may be any input. */
  public static void product(FloatPArray a, FloatPArray b, FloatPArray c, FloatPArray out) {
    FloatFormat f = out.format();
    int n = out.length();
    sameFormat(f, a, b, c);
    if (a.length() != n || b.length() != n || c.length() != n) {
      throw new IllegalArgumentException("product of arrays of lengths " + a.length() + ", "
          + b.length() + ", " + c.length() + " into " + n);
    }
    long[] z = out.slots();
    if (z == null || !products3InLongs(f)) {
      for (int i = 0; i < n; i++) {
        out.set(i, f.iteratedProduct(List.of(a.get(i), b.get(i), c.get(i))));
      }
      return;
    }
    long[] x = a.slots();
    long[] y = b.slots();
    long[] w = c.slots();
    for (int i = 0; i < n; i++) {
      product3(f, x[i], x[n + i], y[i], y[n + i], w[i], w[n + i], z, i, n + i);
    }
  }

  /** Whether {@link #product3} takes the format: p <= 31 and q <= 59. */
  static boolean products3InLongs(FloatFormat f) {
    return f.p() <= 31 && f.q() <= 59;
  }

  /** round_p(x * y * w) into out[mAt], out[eAt], one rounding; for {@link #products3InLongs}. */
  static void product3(FloatFormat f, long mx, long ex, long my, long ey, long mw, long ew,
      long[] out, int mAt, int eAt) {
    if (mx == 0 || my == 0 || mw == 0) {
      out[mAt] = 0;
      out[eAt] = 0;
      return;
    }
    // Two p <= 31-bit magnitudes multiply exactly in a long; the third factor goes to 128 bits.
    long two = Math.abs(mx) * Math.abs(my);
    long uw = Math.abs(mw);
    boolean neg = (mx ^ my ^ mw) < 0;
    Rounder.wide(f, neg, Math.multiplyHigh(two, uw), two * uw, false, ex + ey + ew, out, mAt,
        eAt);
  }

  private static void sameFormat(FloatFormat f, FloatPArray... arrays) {
    for (FloatPArray a : arrays) {
      if (a != null && !Objects.equals(a.format(), f)) {
        throw new IllegalArgumentException("arrays of formats " + a.format() + " and " + f);
      }
    }
  }
}
