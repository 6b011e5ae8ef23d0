package ssmlab.model.ids4;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * {@link DenseScan} with the Vector API: the forward step is N axpys of rows of M_t (no
 * reduction), the backward step an outer product and N dot products. Same arithmetic as
 * {@link ScalarDenseScan} up to float rounding (fused multiply-adds, the order of the dot sums).
 */
record VectorDenseScan() implements DenseScan {

  private static final VectorSpecies<Float> S = Simd.SPECIES;

  static boolean supports(int n) {
    return n % S.length() == 0;
  }

  @Override
  public void forward(int length, int n, float[] m, int mo, float[] b, int ho, float[] h) {
    for (int t = 0; t < length; t++) {
      int row = ho + t * n;
      int mt = mo + t * n * n;
      for (int i = 0; i < n; i += S.length()) {
        FloatVector acc = FloatVector.fromArray(S, b, row + i);
        if (t > 0) {
          for (int j = 0; j < n; j++) {
            acc = FloatVector.fromArray(S, m, mt + j * n + i)
                .fma(FloatVector.broadcast(S, h[row - n + j]), acc);
          }
        }
        acc.intoArray(h, row + i);
      }
    }
  }

  @Override
  public void backward(int length, int n, float[] m, int mo, float[] h, int ho, float[] g,
      float[] dm) {
    for (int t = length - 1; t >= 0; t--) {
      int row = ho + t * n;
      int mt = mo + t * n * n;
      if (t == 0) {
        Arrays.fill(dm, mt, mt + n * n, 0f);
        continue;
      }
      for (int j = 0; j < n; j++) {
        float hj = h[row - n + j];
        FloatVector back = FloatVector.zero(S);
        for (int i = 0; i < n; i += S.length()) {
          FloatVector gi = FloatVector.fromArray(S, g, row + i);
          gi.mul(hj).intoArray(dm, mt + j * n + i);
          back = FloatVector.fromArray(S, m, mt + j * n + i).fma(gi, back);
        }
        g[row - n + j] += Simd.sum(back);
      }
    }
  }

  /** The column sums as the scalar loop adds them (same order, no fma), so the same s_t. */
  @Override
  public void normalize(int length, int n, float[] m, int mo, float[] scale, int[] arg, int so) {
    float[] sums = new float[n];
    for (int t = 0; t < length; t++) {
      int mt = mo + t * n * n;
      for (int i = 0; i < n; i += S.length()) {
        FloatVector acc = FloatVector.zero(S);
        for (int j = 0; j < n; j++) {
          acc = acc.add(FloatVector.fromArray(S, m, mt + j * n + i).abs());
        }
        acc.intoArray(sums, i);
      }
      int best = DenseScan.argmax(sums);
      float norm = sums[best];
      if (norm > 1f) {
        for (int k = 0; k < n * n; k += S.length()) {
          FloatVector.fromArray(S, m, mt + k).div(norm).intoArray(m, mt + k);
        }
        scale[so + t] = norm;
        arg[so + t] = best;
      } else {
        scale[so + t] = 1f;
        arg[so + t] = -1;
      }
    }
  }

  @Override
  public void normalizeBackward(int length, int n, float[] m, int mo, float[] scale, int[] arg,
      int so, float[] dm) {
    for (int t = 0; t < length; t++) {
      int c = arg[so + t];
      if (c < 0) {
        continue;
      }
      int mt = mo + t * n * n;
      float s = scale[so + t];
      FloatVector dot = FloatVector.zero(S);
      for (int k = 0; k < n * n; k += S.length()) {
        FloatVector g = FloatVector.fromArray(S, dm, mt + k);
        dot = g.fma(FloatVector.fromArray(S, m, mt + k), dot);
        g.div(s).intoArray(dm, mt + k);
      }
      float back = Simd.sum(dot) / s;
      for (int j = 0; j < n; j++) {
        dm[mt + j * n + c] -= back * Math.signum(m[mt + j * n + c]);
      }
    }
  }
}
