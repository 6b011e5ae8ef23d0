package ssmlab.circuit.fp;

import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Comparison;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.fp.FloatFormat;

/**
 * The exponents of n float terms cut into clusters, as gates: sorted, consecutive exponents more
 * than D = 2p + bitlength(n) + 4 apart start a new cluster, and every such gap is shrunk to
 * G = D + 1, so all terms fit a window of span + p bits, span = min((n − 1)G, 2^(q+1) − 1)
 * (see {@link WindowedSum}).
 *
 * <p>For a pair k, t: [e_k &gt; e_t] and e_k − e_t − G (whose sign says whether k is within D
 * above t). Term t tops a cluster when no term lies within D above it and no earlier term has
 * its exponent; if some term lies above, the gap to the lowest one is shrunk by x_t = gap − G.
 * With Δ_j = Σ_{shrunk t, e_t ≥ e_j} x_t, term j sits at window position
 * s_j = span − (E − e_j) + Δ_j ∈ [0, span] (E the largest exponent), computed mod 2^bits(span),
 * and a cluster topped by t has its window's unit at the real exponent E − span − Δ_t.
 */
final class ExponentClusters {
  /** Window position of each term (garbage for a zero term), bits(span) wires. */
  final int[][] position;
  /** [term t tops a cluster]: non-zero, none within D above, first of its exponent. */
  final int[] top;
  /** For a top t: the real exponent of the window's unit, two's complement. */
  final int[][] unitExponent;
  /** [term k is non-zero and e_k &gt; e_t]. */
  final int[][] above;
  final long span;

  ExponentClusters(CircuitBuilder b, List<FpWires> xs) {
    FloatFormat f = xs.getFirst().format();
    int n = xs.size();
    int bn = Bits.bitLength(n);
    long gapCap = 2L * f.p() + bn + 5;
    long range = 1L << (f.q() + 1);
    span = Math.min((n - 1) * gapCap, range - 1); // positions never spread wider than E - e_j
    int posBits = Math.max(1, Bits.bitLength(span));
    int diffBits = Signed.widthFor(-range - gapCap, range);

    int[][] eb = new int[n][];
    int[] nz = new int[n];
    for (int j = 0; j < n; j++) {
      eb[j] = biased(b, xs.get(j).e());
      nz[j] = xs.get(j).nonZero();
    }
    above = new int[n][n];
    int[][] eq = new int[n][n];
    int[][][] gap = new int[n][n][]; // e_k - e_t - G
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < n; t++) {
        if (k == t) {
          continue;
        }
        above[k][t] = b.and(nz[k], Comparison.greaterThan(b, eb[k], eb[t]));
        eq[k][t] = Comparison.equal(b, eb[k], eb[t]);
        gap[k][t] = Bits.slice(IteratedAddition.sumUniform(b, List.of(
            Bits.resize(eb[k], diffBits), Bits.not(b, Bits.resize(eb[t], diffBits)),
            Signed.constant(1 - gapCap, diffBits))), 0, diffBits);
      }
    }
    top = new int[n];
    int[] shrunk = new int[n];
    int[][] excess = new int[n][];
    for (int t = 0; t < n; t++) {
      int[] near = new int[n];
      int[] any = new int[n];
      int[] earlierEqual = new int[n];
      for (int k = 0; k < n; k++) {
        if (k != t) {
          any[k] = above[k][t];
          near[k] = b.and(above[k][t], gap[k][t][diffBits - 1]);
          earlierEqual[k] = k < t ? b.and(nz[k], eq[k][t]) : CircuitBuilder.FALSE;
        }
      }
      top[t] = b.and(nz[t], b.not(b.or(near)), b.not(b.or(earlierEqual)));
      shrunk[t] = b.and(top[t], b.or(any));
      // x_t = e_k - e_t - G for k a lowest term above t (all such k give the same value)
      int[][] choices = new int[n][];
      for (int k = 0; k < n; k++) {
        choices[k] = new int[diffBits - 1];
        if (k == t) {
          continue;
        }
        int[] between = new int[n];
        for (int l = 0; l < n; l++) {
          between[l] = l == k || l == t ? CircuitBuilder.FALSE : b.and(above[l][t], above[k][l]);
        }
        int next = b.and(shrunk[t], above[k][t], b.not(b.or(between)));
        for (int i = 0; i < diffBits - 1; i++) {
          choices[k][i] = b.and(next, gap[k][t][i]);
        }
      }
      excess[t] = orColumns(b, choices);
    }
    int[] maxE = maxExponent(b, eb, nz);

    int ew = diffBits + bn + posBits + 2;
    position = new int[n][];
    unitExponent = new int[n][];
    for (int j = 0; j < n; j++) {
      List<int[]> shrink = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        int counted = b.and(shrunk[t], t == j ? CircuitBuilder.TRUE : b.not(above[j][t]));
        int[] x = new int[excess[t].length];
        for (int i = 0; i < x.length; i++) {
          x[i] = b.and(counted, excess[t][i]);
        }
        shrink.add(x);
      }
      // s_j = e_j + Δ_j + ~E + 1 + span (mod 2^posBits)
      List<int[]> parts = new ArrayList<>();
      parts.add(Bits.slice(eb[j], 0, posBits));
      parts.add(Bits.not(b, Bits.resize(maxE, posBits)));
      parts.add(Bits.constant((span + 1) & ((1L << posBits) - 1), posBits));
      for (int[] x : shrink) {
        parts.add(Bits.slice(x, 0, posBits));
      }
      position[j] = Bits.slice(IteratedAddition.sumUniform(b, parts), 0, posBits);
      // E - span - Δ_j = (E + 2^q) + ~Δ_j + 1 - 2^q - span (mod 2^ew)
      int[] delta = IteratedAddition.sumUniform(b, shrink);
      unitExponent[j] = Bits.slice(IteratedAddition.sumUniform(b, List.of(
          Bits.resize(maxE, ew), Bits.not(b, Bits.resize(delta, ew)),
          Signed.constant(1 + f.minExponent() - span, ew))), 0, ew);
    }
  }

  /** e + 2^q as an unsigned bus. */
  static int[] biased(CircuitBuilder b, int[] e) {
    int[] out = e.clone();
    out[out.length - 1] = b.not(e[e.length - 1]);
    return out;
  }

  /** The largest biased exponent of the non-zero terms (0 when all are zero). */
  private int[] maxExponent(CircuitBuilder b, int[][] eb, int[] nz) {
    int n = eb.length;
    int[][] choices = new int[n][];
    for (int k = 0; k < n; k++) {
      int[] higher = new int[n];
      for (int l = 0; l < n; l++) {
        higher[l] = l == k ? CircuitBuilder.FALSE : above[l][k];
      }
      int isMax = b.and(nz[k], b.not(b.or(higher)));
      choices[k] = new int[eb[k].length];
      for (int i = 0; i < eb[k].length; i++) {
        choices[k][i] = b.and(isMax, eb[k][i]);
      }
    }
    return orColumns(b, choices);
  }

  /** Bitwise OR of equally wide buses (a multiplexer when at most one is non-zero). */
  static int[] orColumns(CircuitBuilder b, int[][] buses) {
    int w = buses[0].length;
    int[] out = new int[w];
    int[] col = new int[buses.length];
    for (int i = 0; i < w; i++) {
      for (int k = 0; k < buses.length; k++) {
        col[k] = buses[k][i];
      }
      out[i] = b.or(col);
    }
    return out;
  }
}
