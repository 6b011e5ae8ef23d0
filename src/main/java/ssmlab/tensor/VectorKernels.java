package ssmlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API versions of the {@link Kernels}: full vectors, then a scalar tail. */
public final class VectorKernels {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int L = S.length();
  /** Per-thread scratch of a whole number of vectors, for kernels that run in two passes. */
  private static final ThreadLocal<float[]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[64 * L]);

  private VectorKernels() {}

  /** See {@link Kernels#add}. */
  public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i))
          .intoArray(out, oOff + i);
    }
    ScalarKernels.add(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#axpy}. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    FloatVector va = FloatVector.broadcast(S, alpha);
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i))
          .intoArray(y, yOff + i);
    }
    ScalarKernels.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
  }

  /** See {@link Kernels#mul}. */
  public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i))
          .intoArray(out, oOff + i);
    }
    ScalarKernels.mul(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#scale}. */
  public static void scale(float[] x, int off, int n, float alpha) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector.fromArray(S, x, off + i).mul(alpha).intoArray(x, off + i);
    }
    ScalarKernels.scale(x, off + i, n - i, alpha);
  }

  /** See {@link Kernels#sum}. */
  public static float sum(float[] x, int off, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int ub = S.loopBound(n); i < ub; i += L) {
      acc = acc.add(FloatVector.fromArray(S, x, off + i));
    }
    return Simd.sum(acc) + ScalarKernels.sum(x, off + i, n - i);
  }

  /** See {@link Kernels#dot}. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int ub = S.loopBound(n); i < ub; i += L) {
      acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
    }
    return Simd.sum(acc)
        + ScalarKernels.dot(a, aOff + i, b, bOff + i, n - i);
  }

  /** See {@link Kernels#max}. */
  public static float max(float[] x, int off, int n) {
    int i = 0;
    FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    for (int ub = S.loopBound(n); i < ub; i += L) {
      acc = acc.max(FloatVector.fromArray(S, x, off + i));
    }
    return Math.max(acc.reduceLanes(VectorOperators.MAX), ScalarKernels.max(x, off + i, n - i));
  }

  /** See {@link Kernels#exp}. */
  public static void exp(float[] x, int xOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      exp(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, oOff + i);
    }
    ScalarKernels.exp(x, xOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#silu}. */
  public static void silu(float[] x, int xOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      v.mul(sigmoid(v)).intoArray(out, oOff + i);
    }
    ScalarKernels.silu(x, xOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#siluBackward}. */
  public static void siluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      FloatVector s = sigmoid(v);
      // silu'(x) = s·(1 + x·(1 − s))
      FloatVector d = s.mul(v.mul(s.neg().add(1f)).add(1f));
      FloatVector g = d.mul(FloatVector.fromArray(S, dy, dyOff + i));
      if (accumulate) {
        g = g.add(FloatVector.fromArray(S, dx, dxOff + i));
      }
      g.intoArray(dx, dxOff + i);
    }
    ScalarKernels.siluBackward(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i, accumulate);
  }

  /** See {@link Kernels#softplus}. */
  public static void softplus(float[] x, int xOff, float[] out, int oOff, int n) {
    // log(1 + e^v) = max(v, 0) + log1p(e^-|v|): the argument of log1p stays in (0, 1]. The
    // exponentials go through a scratch block first: exp and log1p inlined in one loop outgrow
    // C2's inlining budget, and its vectors are then boxed on the heap.
    float[] scratch = SCRATCH.get();
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += scratch.length) {
      int m = Math.min(scratch.length, ub - i);
      for (int j = 0; j < m; j += L) {
        exp(FloatVector.fromArray(S, x, xOff + i + j).abs().neg()).intoArray(scratch, j);
      }
      for (int j = 0; j < m; j += L) {
        FloatVector v = FloatVector.fromArray(S, x, xOff + i + j);
        FloatVector sp = v.max(0f).add(log1p(FloatVector.fromArray(S, scratch, j)));
        sp.blend(v, v.compare(VectorOperators.GT, Activations.SOFTPLUS_THRESHOLD))
            .intoArray(out, oOff + i + j);
      }
    }
    i = S.loopBound(n);
    ScalarKernels.softplus(x, xOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#softplusBackward}. */
  public static void softplusBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      FloatVector d = sigmoid(v)
          .blend(one, v.compare(VectorOperators.GT, Activations.SOFTPLUS_THRESHOLD));
      FloatVector g = d.mul(FloatVector.fromArray(S, dy, dyOff + i));
      if (accumulate) {
        g = g.add(FloatVector.fromArray(S, dx, dxOff + i));
      }
      g.intoArray(dx, dxOff + i);
    }
    ScalarKernels.softplusBackward(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i, accumulate);
  }

  /** See {@link Kernels#gelu}. */
  public static void gelu(float[] x, int xOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      v.mul(sigmoid(geluU(v).mul(2f))).intoArray(out, oOff + i);
    }
    ScalarKernels.gelu(x, xOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#geluBackward}. */
  public static void geluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx,
      int dxOff, int n, boolean accumulate) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      FloatVector s = sigmoid(geluU(v).mul(2f));
      // du = √(2/π)·(1 + 3a·x²); d = s + x·s·(1 − s)·2du
      FloatVector du = v.mul(v).mul(3 * Activations.GELU_A).add(1f).mul(Activations.GELU_C);
      FloatVector d = v.mul(s).mul(s.neg().add(1f)).mul(du.mul(2f)).add(s);
      FloatVector g = d.mul(FloatVector.fromArray(S, dy, dyOff + i));
      if (accumulate) {
        g = g.add(FloatVector.fromArray(S, dx, dxOff + i));
      }
      g.intoArray(dx, dxOff + i);
    }
    ScalarKernels.geluBackward(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i, accumulate);
  }

  private static FloatVector geluU(FloatVector v) {
    return v.mul(v).mul(Activations.GELU_A).add(1f).mul(v).mul(Activations.GELU_C);
  }

  /** See {@link Kernels#rotatePairs}. */
  public static void rotatePairs(float[] v, int off, int half, float[] cos, float[] sin,
      int cOff, boolean inverse) {
    int i = 0;
    for (int ub = S.loopBound(half); i < ub; i += L) {
      FloatVector a = FloatVector.fromArray(S, v, off + i);
      FloatVector b = FloatVector.fromArray(S, v, off + i + half);
      FloatVector cs = FloatVector.fromArray(S, cos, cOff + i);
      FloatVector sn = FloatVector.fromArray(S, sin, cOff + i);
      if (inverse) {
        sn = sn.neg();
      }
      a.mul(cs).sub(b.mul(sn)).intoArray(v, off + i);
      a.mul(sn).add(b.mul(cs)).intoArray(v, off + i + half);
    }
    ScalarKernels.rotatePairs(v, off, half, cos, sin, cOff, inverse, i);
  }

  /** See {@link Kernels#softmax}. */
  public static void softmax(float[] x, int off, int n, float scale) {
    float max = max(x, off, n);
    FloatVector vs = FloatVector.broadcast(S, scale);
    FloatVector vm = FloatVector.broadcast(S, max);
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      FloatVector e = exp(FloatVector.fromArray(S, x, off + i).sub(vm).mul(vs));
      e.intoArray(x, off + i);
      acc = acc.add(e);
    }
    float sum = Simd.sum(acc);
    for (; i < n; i++) {
      float e = (float) Math.exp(scale * (x[off + i] - max));
      x[off + i] = e;
      sum += e;
    }
    scale(x, off, n, 1f / sum);
  }

  /** See {@link Kernels#sigmoid}. */
  public static void sigmoid(float[] x, int xOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, oOff + i);
    }
    ScalarKernels.sigmoid(x, xOff + i, out, oOff + i, n - i);
  }

  /** See {@link Kernels#tanh}. */
  public static void tanh(float[] x, int xOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int ub = S.loopBound(n); i < ub; i += L) {
      tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, oOff + i);
    }
    ScalarKernels.tanh(x, xOff + i, out, oOff + i, n - i);
  }

  /**
   * {@code tanh(v)} lane-wise: {@code 1 − 2/(e^{2v} + 1)}, within about 1e-7 absolute of
   * {@code Math.tanh} (and exactly ±1 for large |v|).
   */
  public static FloatVector tanh(FloatVector v) {
    FloatVector e = exp(v.mul(2f));
    return FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f)));
  }

  /** See {@link Kernels#columnSums}. */
  public static void columnSums(float[] x, int m, int n, float[] out) {
    for (int r = 0; r < m; r++) {
      axpy(1f, x, r * n, out, 0, n);
    }
  }

  /** {@code σ(v) = 1 / (1 + e^{-v})} lane-wise. */
  public static FloatVector sigmoid(FloatVector v) {
    return FloatVector.broadcast(S, 1f).div(exp(v.neg()).add(1f));
  }

  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float ROUND_MAGIC = 12582912f; // 1.5·2^23: adding it rounds to an integer
  private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);
  private static final float EXP_LO = -87.3f;
  private static final float EXP_HI = 88.72f;

  /**
   * {@code e^v} lane-wise, within 2 ulp of {@code Math.exp} on [-87.3, 88.72]; 0 below, +inf
   * above, NaN stays NaN.
   *
   * <p>Cephes' expf: {@code v = n·ln2 + r} with n = round(v·log2 e) and |r| ≤ ln2/2 (ln2 split
   * in two parts for exactness), {@code e^r} by a degree-6 polynomial, then 2^n added to the
   * exponent bits.
   */
  public static FloatVector exp(FloatVector v) {
    FloatVector x = v.max(EXP_LO).min(EXP_HI);
    FloatVector t = x.mul(LOG2E).add(ROUND_MAGIC);
    FloatVector n = t.sub(ROUND_MAGIC);
    FloatVector r = n.fma(c(-LN2_HI), x);
    r = n.fma(c(-LN2_LO), r);
    FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
    p = p.fma(r, c(8.3334519073e-3f));
    p = p.fma(r, c(4.1665795894e-2f));
    p = p.fma(r, c(1.6666665459e-1f));
    p = p.fma(r, c(5.0000001201e-1f));
    FloatVector y = p.mul(r).fma(r, r).add(1f);
    var expBits = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS).lanewise(VectorOperators.LSHL, 23);
    FloatVector result = y.reinterpretAsInts().add(expBits).reinterpretAsFloats();
    result = result.blend(0f, v.compare(VectorOperators.LT, EXP_LO));
    result = result.blend(Float.POSITIVE_INFINITY, v.compare(VectorOperators.GT, EXP_HI));
    VectorMask<Float> nan = v.test(VectorOperators.IS_NAN);
    return result.blend(v, nan);
  }
  private static final float SQRT2_M1 = 0.41421356f;
  private static final float LN2 = 0.6931471805599453f;

  /**
   * {@code log(1 + t)} lane-wise for t in [0, 1], within a few ulp: with f = t (t <= sqrt 2 - 1)
   * or f = (t - 1)/2 and one ln 2 added (so 1 + f is in [0.7, 1.42)), log(1 + f) is
   * f - f^2/2 + f^3 P(f), P Cephes' logf minimax polynomial.
   */
  public static FloatVector log1p(FloatVector t) {
    var big = t.compare(VectorOperators.GT, SQRT2_M1);
    FloatVector f = t.blend(t.sub(1f).mul(0.5f), big);
    FloatVector p = f.fma(7.0376836292e-2f, -1.1514610310e-1f);
    p = p.fma(f, c(1.1676998740e-1f));
    p = p.fma(f, c(-1.2420140846e-1f));
    p = p.fma(f, c(1.4249322787e-1f));
    p = p.fma(f, c(-1.6668057665e-1f));
    p = p.fma(f, c(2.0000714765e-1f));
    p = p.fma(f, c(-2.4999993993e-1f));
    p = p.fma(f, c(3.3333331174e-1f));
    FloatVector f2 = f.mul(f);
    FloatVector y = p.mul(f2).mul(f).add(f2.mul(-0.5f)).add(f);
    return y.add(FloatVector.zero(S).blend(LN2, big));
  }


  private static FloatVector c(float value) {
    return FloatVector.broadcast(S, value);
  }
}
