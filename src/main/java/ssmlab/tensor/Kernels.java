package ssmlab.tensor;

/**
 * Elementwise kernels and reductions on float32 slices {@code x[off .. off+n)}: the facade that
 * picks {@link VectorKernels} or {@link ScalarKernels} by {@link Simd#ENABLED}.
 *
 * <p>All run on the calling thread. Reductions sum in a fixed order, so they are deterministic;
 * the vector and scalar paths differ by rounding only. Outputs may alias inputs of the same
 * offset (in-place use).
 */
public final class Kernels {

  private Kernels() {}

  /**
   * Element offsets that are multiples of this start every element-wise kernel here on a vector
   * boundary, so work split at them has the bits of one call ({@link Parallel#forAligned}).
   */
  public static final int VECTOR_ALIGN = 64;

  /** Fewest elements of a cheap element-wise kernel worth handing to another thread. */
  public static final int MIN_PARALLEL_ELEMENTS = 1 << 13;

  /** {@code out = a + b}. */
  public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.add(a, aOff, b, bOff, out, oOff, n);
    } else {
      ScalarKernels.add(a, aOff, b, bOff, out, oOff, n);
    }
  }

  /** {@code y += alpha·x}. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.axpy(alpha, x, xOff, y, yOff, n);
    } else {
      ScalarKernels.axpy(alpha, x, xOff, y, yOff, n);
    }
  }

  /** {@code y[0..n) += x[0..n)}. */
  public static void addInPlace(float[] y, float[] x, int n) {
    axpy(1f, x, 0, y, 0, n);
  }

  /** {@code out = a ⊙ b} (elementwise product). */
  public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.mul(a, aOff, b, bOff, out, oOff, n);
    } else {
      ScalarKernels.mul(a, aOff, b, bOff, out, oOff, n);
    }
  }

  /** {@code x *= alpha}. */
  public static void scale(float[] x, int off, int n, float alpha) {
    if (Simd.ENABLED) {
      VectorKernels.scale(x, off, n, alpha);
    } else {
      ScalarKernels.scale(x, off, n, alpha);
    }
  }

  /** {@code Σ x_i}. */
  public static float sum(float[] x, int off, int n) {
    return Simd.ENABLED ? VectorKernels.sum(x, off, n) : ScalarKernels.sum(x, off, n);
  }

  /** {@code Σ a_i·b_i}. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return Simd.ENABLED ? VectorKernels.dot(a, aOff, b, bOff, n)
        : ScalarKernels.dot(a, aOff, b, bOff, n);
  }

  /** {@code max x_i}; negative infinity when n = 0. */
  public static float max(float[] x, int off, int n) {
    return Simd.ENABLED ? VectorKernels.max(x, off, n) : ScalarKernels.max(x, off, n);
  }

  /** {@code out = e^x}. */
  public static void exp(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.exp(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.exp(x, xOff, out, oOff, n);
    }
  }

  /** {@code out = silu(x) = x·σ(x)}. */
  public static void silu(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.silu(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.silu(x, xOff, out, oOff, n);
    }
  }

  /** {@code dx (+)= dy ⊙ silu'(x)}; x is the forward input. */
  public static void siluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    if (Simd.ENABLED) {
      VectorKernels.siluBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    } else {
      ScalarKernels.siluBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    }
  }

  /** {@code out = softplus(x)}, identity above {@link Activations#SOFTPLUS_THRESHOLD}. */
  public static void softplus(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.softplus(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.softplus(x, xOff, out, oOff, n);
    }
  }

  /** {@code dx (+)= dy ⊙ σ(x)}; x is the forward input. */
  public static void softplusBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    if (Simd.ENABLED) {
      VectorKernels.softplusBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    } else {
      ScalarKernels.softplusBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    }
  }

  /** {@code out = gelu(x)} (tanh approximation, {@link Activations#gelu}). */
  public static void gelu(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.gelu(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.gelu(x, xOff, out, oOff, n);
    }
  }

  /** {@code dx (+)= dy ⊙ gelu'(x)}; x is the forward input. */
  public static void geluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    if (Simd.ENABLED) {
      VectorKernels.geluBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    } else {
      ScalarKernels.geluBackward(x, xOff, dy, dyOff, dx, dxOff, n, accumulate);
    }
  }

  /**
   * In place {@code x = softmax(scale·x)}, i.e. {@code x_i = e^{scale·(x_i − max)} / Σ_j ...}
   * (scale > 0; n ≥ 1).
   */
  public static void softmax(float[] x, int off, int n, float scale) {
    if (Simd.ENABLED) {
      VectorKernels.softmax(x, off, n, scale);
    } else {
      ScalarKernels.softmax(x, off, n, scale);
    }
  }

  /**
   * Rotates the pairs {@code (v[off+i], v[off+half+i])}, i < half, by the angles whose cosines
   * and sines are {@code cos[cOff+i]}, {@code sin[cOff+i]} (by the opposite angles when
   * {@code inverse}): {@code (a, b) ← (a·cos − b·sin, a·sin + b·cos)}.
   */
  public static void rotatePairs(float[] v, int off, int half, float[] cos, float[] sin,
      int cOff, boolean inverse) {
    if (Simd.ENABLED) {
      VectorKernels.rotatePairs(v, off, half, cos, sin, cOff, inverse);
    } else {
      ScalarKernels.rotatePairs(v, off, half, cos, sin, cOff, inverse);
    }
  }

  /** {@code out = σ(x) = 1/(1 + e^{-x})}. */
  public static void sigmoid(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.sigmoid(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.sigmoid(x, xOff, out, oOff, n);
    }
  }

  /** {@code out = tanh(x)}. */
  public static void tanh(float[] x, int xOff, float[] out, int oOff, int n) {
    if (Simd.ENABLED) {
      VectorKernels.tanh(x, xOff, out, oOff, n);
    } else {
      ScalarKernels.tanh(x, xOff, out, oOff, n);
    }
  }

  /** {@code out[j] += Σ_i x[i, j]} for x of shape (m, n): the bias gradient. */
  public static void columnSums(float[] x, int m, int n, float[] out) {
    if (Simd.ENABLED) {
      VectorKernels.columnSums(x, m, n, out);
    } else {
      ScalarKernels.columnSums(x, m, n, out);
    }
  }

  /** The transpose of the row-major (rows, cols) matrix a, as a new (cols, rows) array. */
  public static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[cols * rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = a[i * cols + j];
      }
    }
    return t;
  }
}
