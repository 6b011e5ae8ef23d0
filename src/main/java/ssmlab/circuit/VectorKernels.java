package ssmlab.circuit;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * The evaluator's hot gate kernels over SIMD registers ({@code jdk.incubator.vector}): the same
 * word operations as the scalar kernels in {@link BitParallelEvaluator}, on {@link #LANES} words
 * at a time. Used when the word count is a multiple of LANES and {@link Simd#ENABLED} (the scalar
 * kernels are the reference they are tested against).
 */
final class VectorKernels {
  static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();
  static final boolean ENABLED = Simd.ENABLED && LANES > 1;

  private VectorKernels() {}

  static void andOr(long[] v, int[] edges, int s, int e, int o, int w, boolean isAnd) {
    for (int j = 0; j < w; j += LANES) {
      LongVector acc = LongVector.fromArray(SPECIES, v, edges[s] * w + j);
      for (int i = s + 1; i < e; i++) {
        LongVector x = LongVector.fromArray(SPECIES, v, edges[i] * w + j);
        acc = isAnd ? acc.and(x) : acc.or(x);
      }
      acc.intoArray(v, o + j);
    }
  }

  static void not(long[] v, int a, int o, int w) {
    for (int j = 0; j < w; j += LANES) {
      LongVector.fromArray(SPECIES, v, a + j).not().intoArray(v, o + j);
    }
  }

  /** Unit weights, fan-in below 2^bits (bits ≤ 5), counter started at 2^bits − t. */
  static void smallCount(long[] v, int[] edges, int s, int e, int o, int w, int bits, int t) {
    int off = (1 << bits) - t;
    for (int j = 0; j < w; j += LANES) {
      LongVector c0 = LongVector.broadcast(SPECIES, -(off & 1));
      LongVector c1 = LongVector.broadcast(SPECIES, -(off >> 1 & 1));
      LongVector c2 = LongVector.broadcast(SPECIES, -(off >> 2 & 1));
      LongVector c3 = LongVector.broadcast(SPECIES, -(off >> 3 & 1));
      LongVector c4 = LongVector.broadcast(SPECIES, -(off >> 4 & 1));
      LongVector out = LongVector.zero(SPECIES);
      for (int i = s; i < e; i++) {
        LongVector x = LongVector.fromArray(SPECIES, v, edges[i] * w + j);
        LongVector t0 = c0.and(x);
        c0 = c0.lanewise(VectorOperators.XOR, x);
        LongVector t1 = c1.and(t0);
        c1 = c1.lanewise(VectorOperators.XOR, t0);
        if (bits == 3) {
          out = out.or(c2.and(t1));
          c2 = c2.lanewise(VectorOperators.XOR, t1);
          continue;
        }
        LongVector t2 = c2.and(t1);
        c2 = c2.lanewise(VectorOperators.XOR, t1);
        if (bits == 4) {
          out = out.or(c3.and(t2));
          c3 = c3.lanewise(VectorOperators.XOR, t2);
          continue;
        }
        LongVector t3 = c3.and(t2);
        c3 = c3.lanewise(VectorOperators.XOR, t2);
        out = out.or(c4.and(t3));
        c4 = c4.lanewise(VectorOperators.XOR, t3);
      }
      out.intoArray(v, o + j);
    }
  }

  /**
   * A weighted gate with a five-plane plan (see BitParallelEvaluator), counter started at 32 − t';
   * the planes are unrolled so the counter stays in registers.
   */
  static void smallWeighted(long[] v, int[] plan, int ps, int o, int w, int t) {
    int off = 32 - t;
    int e0 = ps + 5 + plan[ps];
    int e1 = e0 + plan[ps + 1];
    int e2 = e1 + plan[ps + 2];
    int e3 = e2 + plan[ps + 3];
    int e4 = e3 + plan[ps + 4];
    for (int j = 0; j < w; j += LANES) {
      LongVector c0 = LongVector.broadcast(SPECIES, -(off & 1));
      LongVector c1 = LongVector.broadcast(SPECIES, -(off >> 1 & 1));
      LongVector c2 = LongVector.broadcast(SPECIES, -(off >> 2 & 1));
      LongVector c3 = LongVector.broadcast(SPECIES, -(off >> 3 & 1));
      LongVector c4 = LongVector.broadcast(SPECIES, -(off >> 4 & 1));
      LongVector out = LongVector.zero(SPECIES);
      int i = ps + 5;
      for (; i < e0; i++) {
        LongVector x = load(v, plan[i], w, j);
        LongVector t0 = c0.and(x);
        c0 = c0.lanewise(VectorOperators.XOR, x);
        LongVector t1 = c1.and(t0);
        c1 = c1.lanewise(VectorOperators.XOR, t0);
        LongVector t2 = c2.and(t1);
        c2 = c2.lanewise(VectorOperators.XOR, t1);
        LongVector t3 = c3.and(t2);
        c3 = c3.lanewise(VectorOperators.XOR, t2);
        out = out.or(c4.and(t3));
        c4 = c4.lanewise(VectorOperators.XOR, t3);
      }
      for (; i < e1; i++) {
        LongVector x = load(v, plan[i], w, j);
        LongVector t1 = c1.and(x);
        c1 = c1.lanewise(VectorOperators.XOR, x);
        LongVector t2 = c2.and(t1);
        c2 = c2.lanewise(VectorOperators.XOR, t1);
        LongVector t3 = c3.and(t2);
        c3 = c3.lanewise(VectorOperators.XOR, t2);
        out = out.or(c4.and(t3));
        c4 = c4.lanewise(VectorOperators.XOR, t3);
      }
      for (; i < e2; i++) {
        LongVector x = load(v, plan[i], w, j);
        LongVector t2 = c2.and(x);
        c2 = c2.lanewise(VectorOperators.XOR, x);
        LongVector t3 = c3.and(t2);
        c3 = c3.lanewise(VectorOperators.XOR, t2);
        out = out.or(c4.and(t3));
        c4 = c4.lanewise(VectorOperators.XOR, t3);
      }
      for (; i < e3; i++) {
        LongVector x = load(v, plan[i], w, j);
        LongVector t3 = c3.and(x);
        c3 = c3.lanewise(VectorOperators.XOR, x);
        out = out.or(c4.and(t3));
        c4 = c4.lanewise(VectorOperators.XOR, t3);
      }
      for (; i < e4; i++) {
        LongVector x = load(v, plan[i], w, j);
        out = out.or(c4.and(x));
        c4 = c4.lanewise(VectorOperators.XOR, x);
      }
      out.intoArray(v, o + j);
    }
  }

  /**
   * A unit-weight gate of any fan-in: the counter's words live in {@code cnt[q·LANES ..]}, each
   * input ripples in no higher than the count so far can reach, then [S ≥ t] from the LSB up.
   */
  static void wideCount(long[] v, int[] edges, int s, int e, int o, int w, int t, long[] cnt) {
    int k = e - s;
    int bits = 32 - Integer.numberOfLeadingZeros(k);
    for (int j = 0; j < w; j += LANES) {
      java.util.Arrays.fill(cnt, 0, bits * LANES, 0L);
      for (int i = 0; i < k; i++) {
        int top = 31 - Integer.numberOfLeadingZeros(i + 1);
        LongVector carry = LongVector.fromArray(SPECIES, v, edges[s + i] * w + j);
        for (int q = 0; q <= top; q++) {
          LongVector x = LongVector.fromArray(SPECIES, cnt, q * LANES);
          x.lanewise(VectorOperators.XOR, carry).intoArray(cnt, q * LANES);
          carry = carry.and(x);
        }
      }
      greaterOrEqual(cnt, bits, t).intoArray(v, o + j);
    }
  }

  /** A weighted gate of any size, as {@link #wideCount} with |w_i|·x_i rippled in bit by bit. */
  static void wideWeighted(long[] v, int[] edges, int s, int k, int o, int w, int t,
      long[] cnt) {
    long total = 0;
    for (int i = 0; i < k; i++) {
      total += Math.abs(edges[s + k + i]);
    }
    int bits = 64 - Long.numberOfLeadingZeros(total);
    for (int j = 0; j < w; j += LANES) {
      java.util.Arrays.fill(cnt, 0, bits * LANES, 0L);
      long bound = 0;
      for (int i = 0; i < k; i++) {
        int wt = edges[s + k + i];
        LongVector x = LongVector.fromArray(SPECIES, v, edges[s + i] * w + j)
            .lanewise(VectorOperators.XOR, wt >> 31);
        int aw = Math.abs(wt);
        bound += aw;
        int top = 63 - Long.numberOfLeadingZeros(bound);
        for (int rest = aw; rest != 0; rest &= rest - 1) {
          LongVector carry = x;
          for (int q = Integer.numberOfTrailingZeros(rest); q <= top; q++) {
            LongVector y = LongVector.fromArray(SPECIES, cnt, q * LANES);
            y.lanewise(VectorOperators.XOR, carry).intoArray(cnt, q * LANES);
            carry = carry.and(y);
          }
        }
      }
      greaterOrEqual(cnt, bits, t).intoArray(v, o + j);
    }
  }

  private static LongVector greaterOrEqual(long[] cnt, int bits, int t) {
    LongVector ge = LongVector.broadcast(SPECIES, -1L);
    for (int q = 0; q < bits; q++) {
      LongVector sq = LongVector.fromArray(SPECIES, cnt, q * LANES);
      ge = (t >>> q & 1) != 0 ? sq.and(ge) : sq.or(ge);
    }
    return ge;
  }

  /** The input of plan entry {@code 2·wire + [w < 0]}, negated for a negative weight. */
  private static LongVector load(long[] v, int entry, int w, int j) {
    return LongVector.fromArray(SPECIES, v, (entry >>> 1) * w + j)
        .lanewise(VectorOperators.XOR, -(entry & 1));
  }
}
