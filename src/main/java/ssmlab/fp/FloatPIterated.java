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
      if (narrow && narrowRow(f, a, mn, row, v, cols, c, rows, i, z)) {
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

  /*
   * One pass per row for p <= 31 (narrowRow): each product |m_ij| |x_j| is exact in a long and
   * rounds to p bits by integer addition, as in LongArith.multiplyNarrow; the rounded value is
   * kept * 2^e with kept <= 2^p. Instead of first finding the largest exponent (LongSum), the
   * first non-zero product fixes the unit 2^low of a long accumulator, low = e_first - below: with
   * b = bitlength(cols + 1) and room = 61 - b - p, a term of shift e - low in [0, room] is below
   * 2^(p + room + 1) = 2^(62 - b), so fewer than 2^b of them sum exactly in a long. A term of
   * e <= low - p - b - 1 is at most 2^(low - b - 1): all of them together stay below one unit
   * ("tiny"), and LongSum's argument applies: with none, the answer is round_p(S * 2^low); with
   * tiny terms of one sign s and |S| >= 2^(p + 2), S + tiny rounds as 2S + s at 2^(low - 1).
   * Anything else (a term above the window or between the zones, tiny terms of both signs, a
   * small S, a product outside the exponent range) leaves the row to the two-pass path, which
   * gives the same bits. Terms sum exactly in any order, so where the window sits changes only
   * how often that happens, never a result.
   */

  /** Room above the first term: a third of the window, the rest below it. */
  private static final int ABOVE_DIVISOR = 3;

  /** round_p(sum_j round_p(m[row + j] x[j]) + bias[i]) into z, or false if the row needs LongSum. */
  private static boolean narrowRow(FloatFormat f, long[] a, int mn, int row, long[] v, int cols,
      long[] c, int rows, int i, long[] z) {
    int p = f.p();
    int j0 = 0;
    while (j0 < cols && (a[row + j0] == 0 || v[j0] == 0)) {
      j0++;
    }
    boolean biased = c != null && c[i] != 0;
    if (j0 == cols && !biased) {
      z[i] = 0;
      z[rows + i] = 0;
      return true;
    }
    int b = 32 - Integer.numberOfLeadingZeros(cols + 1);
    int room = 61 - b - p;
    // The anchor: the first product's exponent (its significand has p or p + 1 bits).
    long first = j0 < cols ? a[mn + row + j0] + v[cols + j0] + p : c[rows + i];
    long low = first - (room - room / ABOVE_DIVISOR);
    long tinyMax = low - (p + b + 1L);
    long minE = f.minExponent();
    long span = f.maxExponent() - minE;
    // Whether every in-window exponent lies in [emin, emax): then only the others are checked.
    boolean windowInRange = low >= minE && low + room < f.maxExponent();
    long acc = 0;
    long restSign = 0;
    if (biased) {
      long sh = c[rows + i] - low;
      if (Long.compareUnsigned(sh, room) <= 0) {
        acc = c[i] << sh;
      } else if (c[rows + i] <= tinyMax) {
        restSign = c[i] < 0 ? -1 : 1;
      } else {
        return false;
      }
    }
    int top = 2 * p - 1;
    for (int j = j0; j < cols; j++) {
      long prod = a[row + j] * v[j];
      if (prod == 0) {
        continue;
      }
      long sgn = prod >> 63;
      long mag = (prod ^ sgn) - sgn;
      // |prod| has 2p - 1 or 2p bits: s = p - 1 or p of them go.
      int s = p - 1 + (int) (mag >>> top);
      long kept = (mag + (1L << (s - 1)) - 1 + ((mag >>> s) & 1)) >>> s;
      long e = a[mn + row + j] + v[cols + j] + s;
      long sh = e - low;
      if (windowInRange && Long.compareUnsigned(sh, room) <= 0) {
        acc += ((kept ^ sgn) - sgn) << sh;
      } else if (Long.compareUnsigned(e - minE, span) >= 0) {
        return false; // e < emin or e >= emax: underflow or saturation possible
      } else if (Long.compareUnsigned(sh, room) <= 0) {
        acc += ((kept ^ sgn) - sgn) << sh;
      } else if (e <= tinyMax) {
        long sign = sgn | 1;
        if (restSign == -sign) {
          return false;
        }
        restSign = sign;
      } else {
        return false;
      }
    }
    if (restSign == 0) {
      if (acc == 0) {
        z[i] = 0;
        z[rows + i] = 0;
      } else {
        Rounder.bits(f, acc < 0, Math.abs(acc), false, low, z, i, rows + i);
      }
      return true;
    }
    if (64 - Long.numberOfLeadingZeros(Math.abs(acc)) < p + 3) {
      return false;
    }
    long twice = 2 * acc + restSign;
    Rounder.bits(f, twice < 0, Math.abs(twice), false, low - 1, z, i, rows + i);
    return true;
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
