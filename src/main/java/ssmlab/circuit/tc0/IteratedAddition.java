package ssmlab.circuit.tc0;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import ssmlab.circuit.CircuitBuilder;

/**
 * Iterated addition (ITADD) of many numbers in depth 9, whatever their count.
 *
 * <ol>
 *   <li>Column counts (depth 2): column j's bits are counted ({@link WeightedSum}); bit t of the
 *       count goes to position j + t of number Y_t. L = ⌊log₂ N⌋ + 1 numbers remain.
 *   <li>Block sums (depth 2): with b = ⌈log₂ L⌉, block k of all Y_t sums to
 *       {@code S_k = Σ_t Σ_{u<b} 2^u Y_t[kb+u] < 2^{2b}}; its low b bits form number A at bits
 *       kb.., its high bits number B at bits (k+1)b.. (blocks of B do not overlap).
 *   <li>A + B by carry-lookahead (depth 5).
 * </ol>
 * A stage is skipped when the columns are already at most two high ({@link #sumUniform} keeps
 * every stage). Weights stay ≤ 2^{b−1} ≤ L.
 */
public final class IteratedAddition {
  private IteratedAddition() {}

  /** Σ of the numbers (unsigned, any widths), as many bits as the largest possible sum needs. */
  public static int[] sum(CircuitBuilder b, List<int[]> numbers) {
    return sumColumns(b, columns(numbers), false);
  }

  /**
   * The same sum with every stage built even where the columns are already low, so that its depth
   * changes less with the count of numbers (circuit families uniform in n). Not constant at small
   * counts: threshold gates over one or two wires fold into simpler ones (2-bit numbers: depth 6
   * for 2-3 of them, 9 for 4-7, 10 from 8 on).
   */
  public static int[] sumUniform(CircuitBuilder b, List<int[]> numbers) {
    return sumColumns(b, columns(numbers), true);
  }

  /**
   * {@link #sumUniform} of looked-up numbers: bit j of number k is in column j exactly when
   * {@code present.get(k)[j]} (its table has that bit), whichever wire it is. The shape then
   * depends on the tables alone, not on which wires a simplifying builder folded to false, so
   * a verbatim build and a simplifying one make the same calls ({@code Replay}).
   */
  public static int[] sumUniform(CircuitBuilder b, List<int[]> numbers, List<boolean[]> present) {
    int width = 0;
    for (int[] x : numbers) {
      width = Math.max(width, x.length);
    }
    List<List<Integer>> cols = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      cols.add(new ArrayList<>());
    }
    for (int k = 0; k < numbers.size(); k++) {
      for (int j = 0; j < numbers.get(k).length; j++) {
        if (present.get(k)[j]) {
          cols.get(j).add(numbers.get(k)[j]);
        }
      }
    }
    return sumColumns(b, toArrays(cols), true);
  }

  /**
   * {@link #sumUniform} with the final addition by {@link BlockAdder}: for wide numbers, about
   * width² wires instead of width³/6, four levels deeper.
   */
  public static int[] sumWide(CircuitBuilder b, List<int[]> numbers) {
    return sumColumns(b, columns(numbers), true, true);
  }

  private static int[][] columns(List<int[]> numbers) {
    int width = 0;
    for (int[] x : numbers) {
      width = Math.max(width, x.length);
    }
    List<List<Integer>> cols = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      cols.add(new ArrayList<>());
    }
    for (int[] x : numbers) {
      for (int j = 0; j < x.length; j++) {
        if (x[j] != CircuitBuilder.FALSE) {
          cols.get(j).add(x[j]);
        }
      }
    }
    return toArrays(cols);
  }

  /** Σ_j 2^j · (number of true wires in column j). Columns are not modified. */
  public static int[] sumColumns(CircuitBuilder b, int[][] columns) {
    return sumColumns(b, columns, false);
  }

  private static int[] sumColumns(CircuitBuilder b, int[][] columns, boolean everyStage) {
    return sumColumns(b, columns, everyStage, false);
  }

  private static int[] sumColumns(CircuitBuilder b, int[][] columns, boolean everyStage,
      boolean wide) {
    BigInteger bound = BigInteger.ZERO;
    for (int j = 0; j < columns.length; j++) {
      bound = bound.add(BigInteger.valueOf(columns[j].length).shiftLeft(j));
    }
    int outWidth = Math.max(1, bound.bitLength());
    int[][] cols = columns;
    if (everyStage || maxHeight(cols) > 2) {
      cols = countColumns(b, cols);
    }
    if (everyStage || maxHeight(cols) > 2) {
      cols = blockSums(b, cols);
    }
    int[] x = new int[cols.length];
    int[] y = new int[cols.length];
    for (int j = 0; j < cols.length; j++) {
      x[j] = cols[j].length > 0 ? cols[j][0] : CircuitBuilder.FALSE;
      y[j] = cols[j].length > 1 ? cols[j][1] : CircuitBuilder.FALSE;
    }
    int[] sum = wide ? BlockAdder.add(b, x, y, CircuitBuilder.FALSE) : Adder.add(b, x, y);
    return Bits.resize(sum, outWidth);
  }

  private static int maxHeight(int[][] cols) {
    int h = 0;
    for (int[] c : cols) {
      h = Math.max(h, c.length);
    }
    return h;
  }

  /** Stage 1: each column's count, bit t of it moved t columns up. */
  private static int[][] countColumns(CircuitBuilder b, int[][] cols) {
    List<List<Integer>> out = new ArrayList<>();
    for (int j = 0; j < cols.length; j++) {
      int[] count = cols[j].length == 0 ? new int[0] : WeightedSum.count(b, cols[j]);
      for (int t = 0; t < count.length; t++) {
        column(out, j + t).add(count[t]);
      }
    }
    return toArrays(out);
  }

  /** Stage 2: block sums of b columns, split into a low and a high number. */
  private static int[][] blockSums(CircuitBuilder b, int[][] cols) {
    int bw = Math.max(1, Bits.bitLength(maxHeight(cols) - 1)); // 2^bw ≥ height
    List<List<Integer>> out = new ArrayList<>();
    for (int k = 0; k * bw < cols.length; k++) {
      List<Integer> in = new ArrayList<>();
      List<Integer> w = new ArrayList<>();
      for (int u = 0; u < bw && k * bw + u < cols.length; u++) {
        for (int wire : cols[k * bw + u]) {
          in.add(wire);
          w.add(1 << u);
        }
      }
      int[] s = WeightedSum.binary(b, toArray(in), toArray(w));
      for (int i = 0; i < s.length; i++) {
        column(out, k * bw + i).add(s[i]);
      }
    }
    return toArrays(out);
  }

  private static List<Integer> column(List<List<Integer>> cols, int j) {
    while (cols.size() <= j) {
      cols.add(new ArrayList<>());
    }
    return cols.get(j);
  }

  private static int[] toArray(List<Integer> xs) {
    int[] r = new int[xs.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = xs.get(i);
    }
    return r;
  }

  private static int[][] toArrays(List<List<Integer>> cols) {
    int[][] r = new int[cols.size()][];
    for (int j = 0; j < r.length; j++) {
      r[j] = toArray(cols.get(j));
    }
    return r;
  }
}
