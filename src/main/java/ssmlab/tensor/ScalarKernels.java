package ssmlab.tensor;

/** Scalar reference versions of the {@link Kernels}: plain loops, one element at a time. */
public final class ScalarKernels {

  private ScalarKernels() {}

  /** See {@link Kernels#add}. */
  public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  /** See {@link Kernels#axpy}. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  /** See {@link Kernels#mul}. */
  public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  /** See {@link Kernels#scale}. */
  public static void scale(float[] x, int off, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      x[off + i] *= alpha;
    }
  }

  /** See {@link Kernels#sum}. */
  public static float sum(float[] x, int off, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  /** See {@link Kernels#dot}. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }

  /** See {@link Kernels#max}. */
  public static float max(float[] x, int off, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, x[off + i]);
    }
    return m;
  }

  /** See {@link Kernels#exp}. */
  public static void exp(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.exp(x[xOff + i]);
    }
  }

  /** See {@link Kernels#silu}. */
  public static void silu(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Activations.silu(x[xOff + i]);
    }
  }

  /** See {@link Kernels#siluBackward}. */
  public static void siluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    for (int i = 0; i < n; i++) {
      float g = dy[dyOff + i] * Activations.siluDerivative(x[xOff + i]);
      dx[dxOff + i] = accumulate ? dx[dxOff + i] + g : g;
    }
  }

  /** See {@link Kernels#softplus}. */
  public static void softplus(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Activations.softplus(x[xOff + i]);
    }
  }

  /** See {@link Kernels#softplusBackward}. */
  public static void softplusBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    for (int i = 0; i < n; i++) {
      float g = dy[dyOff + i] * Activations.softplusDerivative(x[xOff + i]);
      dx[dxOff + i] = accumulate ? dx[dxOff + i] + g : g;
    }
  }

  /** See {@link Kernels#gelu}. */
  public static void gelu(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Activations.gelu(x[xOff + i]);
    }
  }

  /** See {@link Kernels#geluBackward}. */
  public static void geluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    for (int i = 0; i < n; i++) {
      float g = dy[dyOff + i] * Activations.geluDerivative(x[xOff + i]);
      dx[dxOff + i] = accumulate ? dx[dxOff + i] + g : g;
    }
  }

  /** See {@link Kernels#rotatePairs}. */
  public static void rotatePairs(float[] v, int off, int half, float[] cos, float[] sin,
      int cOff, boolean inverse) {
    rotatePairs(v, off, half, cos, sin, cOff, inverse, 0);
  }

  /** {@link #rotatePairs} of the pairs {@code i >= from} only. */
  static void rotatePairs(float[] v, int off, int half, float[] cos, float[] sin, int cOff,
      boolean inverse, int from) {
    for (int i = from; i < half; i++) {
      float a = v[off + i];
      float b = v[off + i + half];
      float cs = cos[cOff + i];
      float sn = inverse ? -sin[cOff + i] : sin[cOff + i];
      v[off + i] = a * cs - b * sn;
      v[off + i + half] = a * sn + b * cs;
    }
  }

  /** See {@link Kernels#softmax}. */
  public static void softmax(float[] x, int off, int n, float scale) {
    float max = max(x, off, n);
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      float e = (float) Math.exp(scale * (x[off + i] - max));
      x[off + i] = e;
      sum += e;
    }
    scale(x, off, n, 1f / sum);
  }

  /** See {@link Kernels#sigmoid}. */
  public static void sigmoid(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Activations.sigmoid(x[xOff + i]);
    }
  }

  /** See {@link Kernels#tanh}. */
  public static void tanh(float[] x, int xOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Activations.tanh(x[xOff + i]);
    }
  }

  /** See {@link Kernels#columnSums}. */
  public static void columnSums(float[] x, int m, int n, float[] out) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        out[j] += x[i * n + j];
      }
    }
  }
}
