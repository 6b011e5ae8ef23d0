package ssmlab.circuit.fp;

import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.fp.FloatFormat;

/**
 * round_p(x_1 + ... + x_n) with size polynomial in p, q and n: the terms aligned in a window of
 * (n − 1)·G + p bits below the largest exponent, every gap between consecutive exponents wider
 * than D shrunk to G = D + 1 ({@link ExponentClusters}), D = 2p + bitlength(n) + 4.
 *
 * <p>Why the result is unchanged: sorted by exponent, the terms fall into clusters separated by
 * gaps wider than D. {@code IteratedOps.sum} shows that round_p of the exact sum depends only on
 * the highest cluster with a non-zero sum S·2^a (a its lowest exponent) and the sign of what lies
 * below, which stays below every rounding breakpoint's distance from S·2^a. Shrinking the gaps
 * keeps every cluster's sum and every gap wider than D, so the shrunk sum rounds to the same
 * significand; only the exponent of the head cluster's unit must be the real one.
 *
 * <p>The head cluster is found from the total: a cluster topped at window position s_t sums to
 * less than 2^(s_t + p + bitlength(n)), and the next one down ends G &gt; p + bitlength(n) + 1
 * positions lower, so the leading one L of the total lies in the lowest cluster with
 * L &lt; s_t + p + bitlength(n), and [L &lt; u] is "no bit of the total at u or above".
 * Constant depth; about n² comparisons of q-bit exponents and an iterated addition of n numbers of
 * (n − 1)G + p bits.
 */
final class WindowedSum {
  private WindowedSum() {}

  static FpWires sum(CircuitBuilder b, List<FpWires> xs) {
    FloatFormat f = xs.getFirst().format();
    int n = xs.size();
    int p = f.p();
    int bn = Bits.bitLength(n);
    var clusters = new ExponentClusters(b, xs);
    int span = (int) clusters.span;

    // two's complement total: Σ (A_j XOR sign_j) + (number of negative terms)
    int width = span + p + bn + 1;
    int[][] at = new int[n][];
    List<int[]> terms = new ArrayList<>();
    List<int[]> signs = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      FpWires x = xs.get(j);
      at[j] = Encoder.oneHot(b, clusters.position[j], span + 1);
      int[] aligned = shiftLeft(b, x.m(), at[j], width);
      int s = b.and(x.sign(), x.nonZero());
      for (int i = 0; i < width; i++) {
        aligned[i] = b.xor(aligned[i], s);
      }
      terms.add(aligned);
      signs.add(new int[] {s});
    }
    terms.addAll(signs);
    int[] total = Bits.slice(IteratedAddition.sumWide(b, terms), 0, width);
    int negative = total[width - 1];
    int[] magnitude = new int[width];
    for (int i = 0; i < width; i++) {
      // -T flips every bit above the lowest set one
      int lower = i == 0 ? CircuitBuilder.FALSE : b.or(Bits.slice(total, 0, i));
      magnitude[i] = b.xor(total[i], b.and(negative, lower));
    }

    int headroom = p + bn;
    int[] inHead = new int[n]; // [L < s_t + headroom]
    for (int t = 0; t < n; t++) {
      int[] candidates = new int[span + 1];
      for (int v = 0; v <= span; v++) {
        int u = v + headroom;
        int nothingAbove = u >= width ? CircuitBuilder.TRUE
            : b.not(b.or(Bits.slice(magnitude, u, width)));
        candidates[v] = b.and(at[t][v], nothingAbove);
      }
      inHead[t] = b.and(clusters.top[t], b.or(candidates));
    }
    int[][] chosen = new int[n][];
    for (int t = 0; t < n; t++) {
      int[] lowerInHead = new int[n];
      for (int u = 0; u < n; u++) {
        lowerInHead[u] = u == t ? CircuitBuilder.FALSE : b.and(clusters.above[t][u], inHead[u]);
      }
      int head = b.and(inHead[t], b.not(b.or(lowerInHead)));
      int[] e = clusters.unitExponent[t];
      chosen[t] = new int[e.length];
      for (int i = 0; i < e.length; i++) {
        chosen[t][i] = b.and(head, e[i]);
      }
    }
    int[] e = ExponentClusters.orColumns(b, chosen);
    return Rounding.round(b, f, negative, magnitude, e);
  }

  /** m · 2^s from the one-hot of s: bit k = OR_v ([s = v] ∧ m_(k−v)). */
  private static int[] shiftLeft(CircuitBuilder b, int[] m, int[] at, int width) {
    int[] out = new int[width];
    int[] terms = new int[m.length];
    for (int k = 0; k < width; k++) {
      int nt = 0;
      for (int i = 0; i < m.length; i++) {
        int v = k - i;
        if (v >= 0 && v < at.length) {
          terms[nt++] = b.and(at[v], m[i]);
        }
      }
      out[k] = b.or(terms, nt);
    }
    return out;
  }
}
