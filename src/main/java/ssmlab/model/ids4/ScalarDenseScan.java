package ssmlab.model.ids4;

import java.util.Arrays;

/** The scalar reference loops of {@link DenseScan}. */
record ScalarDenseScan() implements DenseScan {

  @Override
  public void forward(int length, int n, float[] m, int mo, float[] b, int ho, float[] h) {
    for (int t = 0; t < length; t++) {
      int row = ho + t * n;
      int mt = mo + t * n * n;
      for (int i = 0; i < n; i++) {
        float s = b[row + i];
        if (t > 0) {
          for (int j = 0; j < n; j++) {
            s += h[row - n + j] * m[mt + j * n + i];
          }
        }
        h[row + i] = s;
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
        float back = 0f;
        for (int i = 0; i < n; i++) {
          dm[mt + j * n + i] = hj * g[row + i];
          back += m[mt + j * n + i] * g[row + i];
        }
        g[row - n + j] += back;
      }
    }
  }

  @Override
  public void normalize(int length, int n, float[] m, int mo, float[] scale, int[] arg, int so) {
    float[] sums = new float[n];
    for (int t = 0; t < length; t++) {
      int mt = mo + t * n * n;
      Arrays.fill(sums, 0f);
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          sums[i] += Math.abs(m[mt + j * n + i]);
        }
      }
      int best = DenseScan.argmax(sums);
      float norm = sums[best];
      if (norm > 1f) {
        for (int k = 0; k < n * n; k++) {
          m[mt + k] /= norm;
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
      float dot = 0f;
      for (int k = 0; k < n * n; k++) {
        dot += dm[mt + k] * m[mt + k];
        dm[mt + k] /= s;
      }
      float back = dot / s;
      for (int j = 0; j < n; j++) {
        dm[mt + j * n + c] -= back * Math.signum(m[mt + j * n + c]);
      }
    }
  }
}
