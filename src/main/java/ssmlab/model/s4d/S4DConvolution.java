package ssmlab.model.s4d;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;
import ssmlab.tensor.Simd;

/**
 * The convolution form of {@link S4DKernel} (Definition A.8) and its backward pass with the
 * channels in vector lanes, in float with fused multiply-adds, on both threads. The scalar
 * {@link S4DKernel#convolve} sums in double; this one gives other bits, the same for any thread
 * count (every sum runs in a fixed order whatever the split).
 *
 * <p>The kernel is read transposed, kT[lag][h], so that a vector of channels loads contiguously;
 * four outputs are computed at once so that each load of the kernel feeds four FMAs.
 */
public final class S4DConvolution {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  /** Outputs (time steps, or lags for dK) computed together. */
  private static final int T = 4;

  private S4DConvolution() {}

  /** y[b,t,h] = D[h] u[b,t,h] + sum_{lag=0}^{t} K[h,lag] u[b,t-lag,h]; k is (H, L). */
  public static void forward(float[] k, float[] dSkip, float[] u, float[] y, int batch,
      int length, int h) {
    float[] kT = Kernels.transpose(k, h, length);
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int base = b * length * h;
        for (int c = 0; c < h; c += S.length()) {
          if (c + S.length() <= h) {
            forwardLanes(kT, dSkip, u, y, base, length, h, c);
          } else {
            for (int i = c; i < h; i++) {
              forwardScalar(kT, dSkip, u, y, base, length, h, i);
            }
          }
        }
      }
    });
  }

  private static void forwardLanes(float[] kT, float[] dSkip, float[] u, float[] y, int base,
      int length, int h, int c) {
    FloatVector d = FloatVector.fromArray(S, dSkip, c);
    int t = 0;
    for (; t + T <= length; t += T) {
      // outputs t..t+3; at lag l the window holds w_j = u[t+j-l], so one load a lag
      int o = base + t * h + c;
      FloatVector w0 = FloatVector.fromArray(S, u, o);
      FloatVector w1 = FloatVector.fromArray(S, u, o + h);
      FloatVector w2 = FloatVector.fromArray(S, u, o + 2 * h);
      FloatVector w3 = FloatVector.fromArray(S, u, o + 3 * h);
      FloatVector a0 = d.mul(w0);
      FloatVector a1 = d.mul(w1);
      FloatVector a2 = d.mul(w2);
      FloatVector a3 = d.mul(w3);
      for (int lag = 0; ; lag++) {
        FloatVector kv = FloatVector.fromArray(S, kT, lag * h + c);
        a0 = kv.fma(w0, a0);
        a1 = kv.fma(w1, a1);
        a2 = kv.fma(w2, a2);
        a3 = kv.fma(w3, a3);
        if (lag == t) {
          break;
        }
        w3 = w2;
        w2 = w1;
        w1 = w0;
        w0 = FloatVector.fromArray(S, u, base + (t - lag - 1) * h + c);
      }
      // now w_j = u[j]; output t+j still needs lags t+1..t+j, on u[j-1] down to u[0]
      FloatVector k1 = FloatVector.fromArray(S, kT, (t + 1) * h + c);
      FloatVector k2 = FloatVector.fromArray(S, kT, (t + 2) * h + c);
      FloatVector k3 = FloatVector.fromArray(S, kT, (t + 3) * h + c);
      a1 = k1.fma(w0, a1);
      a2 = k2.fma(w0, k1.fma(w1, a2));
      a3 = k3.fma(w0, k2.fma(w1, k1.fma(w2, a3)));
      a0.intoArray(y, o);
      a1.intoArray(y, o + h);
      a2.intoArray(y, o + 2 * h);
      a3.intoArray(y, o + 3 * h);
    }
    for (; t < length; t++) {
      int o = base + t * h + c;
      FloatVector a = d.mul(FloatVector.fromArray(S, u, o));
      for (int lag = 0; lag <= t; lag++) {
        a = FloatVector.fromArray(S, kT, lag * h + c)
            .fma(FloatVector.fromArray(S, u, base + (t - lag) * h + c), a);
      }
      a.intoArray(y, o);
    }
  }

  private static void forwardScalar(float[] kT, float[] dSkip, float[] u, float[] y, int base,
      int length, int h, int i) {
    for (int t = 0; t < length; t++) {
      float a = dSkip[i] * u[base + t * h + i];
      for (int lag = 0; lag <= t; lag++) {
        a = Math.fma(kT[lag * h + i], u[base + (t - lag) * h + i], a);
      }
      y[base + t * h + i] = a;
    }
  }

  /**
   * The backward pass of {@link #forward}: du overwritten, dk (H, L) and dD accumulated.
   *
   * <pre>
   * du[b,s,h] = D[h] dy[b,s,h] + sum_{lag=0}^{L-1-s} K[h,lag] dy[b,s+lag,h]
   * dK[h,lag] = sum_b sum_{t=lag}^{L-1} dy[b,t,h] u[b,t-lag,h]
   * dD[h]     = sum_b sum_t u[b,t,h] dy[b,t,h]
   * </pre>
   */
  public static void backward(float[] k, float[] dSkip, float[] u, float[] dy, float[] du,
      float[] dk, float[] dD, int batch, int length, int h) {
    float[] kT = Kernels.transpose(k, h, length);
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int base = b * length * h;
        for (int c = 0; c < h; c += S.length()) {
          if (c + S.length() <= h) {
            inputGradientLanes(kT, dSkip, dy, du, base, length, h, c);
          } else {
            for (int i = c; i < h; i++) {
              inputGradientScalar(kT, dSkip, dy, du, base, length, h, i);
            }
          }
        }
      }
    });
    // dK by lags: blocks of four lags, then the last length % 4 one by one; blocks taken in
    // pairs from both ends (a lag's work falls with the lag), so each thread's share is even
    float[] dkT = new float[length * h];
    int blocks = length / T;
    int units = blocks + length % T;
    Parallel.forRange((units + 1) / 2, 1, (p0, p1) -> {
      for (int p = p0; p < p1; p++) {
        kernelGradient(u, dy, dkT, batch, length, h, blocks, p);
        if (units - 1 - p != p) {
          kernelGradient(u, dy, dkT, batch, length, h, blocks, units - 1 - p);
        }
      }
    });
    for (int c = 0; c < h; c++) {
      for (int lag = 0; lag < length; lag++) {
        dk[c * length + lag] += dkT[lag * h + c];
      }
    }
    // dD: each channel's terms in (b, t) order, the channels in lanes
    float[] acc = new float[h];
    int vecEnd = Simd.ENABLED ? S.loopBound(h) : 0;
    for (int r = 0; r < batch * length; r++) {
      int row = r * h;
      int c = 0;
      for (; c < vecEnd; c += S.length()) {
        FloatVector.fromArray(S, u, row + c).fma(FloatVector.fromArray(S, dy, row + c),
            FloatVector.fromArray(S, acc, c)).intoArray(acc, c);
      }
      for (; c < h; c++) {
        acc[c] = Math.fma(u[row + c], dy[row + c], acc[c]);
      }
    }
    for (int c = 0; c < h; c++) {
      dD[c] += acc[c];
    }
  }

  private static void inputGradientLanes(float[] kT, float[] dSkip, float[] dy, float[] du,
      int base, int length, int h, int c) {
    FloatVector d = FloatVector.fromArray(S, dSkip, c);
    int s = 0;
    for (; s + T <= length; s += T) {
      // outputs s..s+3; at lag l the window holds w_j = dy[s+j+l]
      int o = base + s * h + c;
      FloatVector w0 = FloatVector.fromArray(S, dy, o);
      FloatVector w1 = FloatVector.fromArray(S, dy, o + h);
      FloatVector w2 = FloatVector.fromArray(S, dy, o + 2 * h);
      FloatVector w3 = FloatVector.fromArray(S, dy, o + 3 * h);
      FloatVector a0 = d.mul(w0);
      FloatVector a1 = d.mul(w1);
      FloatVector a2 = d.mul(w2);
      FloatVector a3 = d.mul(w3);
      int last = length - T - s; // the last lag all four outputs have
      for (int lag = 0; ; lag++) {
        FloatVector kv = FloatVector.fromArray(S, kT, lag * h + c);
        a0 = kv.fma(w0, a0);
        a1 = kv.fma(w1, a1);
        a2 = kv.fma(w2, a2);
        a3 = kv.fma(w3, a3);
        if (lag == last) {
          break;
        }
        w0 = w1;
        w1 = w2;
        w2 = w3;
        w3 = FloatVector.fromArray(S, dy, base + (s + 3 + lag + 1) * h + c);
      }
      // now w_j = dy[L-4+j]; output s+j still needs lags last+1..last+3-j, on dy[L-3+j]..dy[L-1]
      FloatVector k1 = FloatVector.fromArray(S, kT, (last + 1) * h + c);
      FloatVector k2 = FloatVector.fromArray(S, kT, (last + 2) * h + c);
      FloatVector k3 = FloatVector.fromArray(S, kT, (last + 3) * h + c);
      a0 = k3.fma(w3, k2.fma(w2, k1.fma(w1, a0)));
      a1 = k2.fma(w3, k1.fma(w2, a1));
      a2 = k1.fma(w3, a2);
      a0.intoArray(du, o);
      a1.intoArray(du, o + h);
      a2.intoArray(du, o + 2 * h);
      a3.intoArray(du, o + 3 * h);
    }
    for (; s < length; s++) {
      int o = base + s * h + c;
      FloatVector a = d.mul(FloatVector.fromArray(S, dy, o));
      for (int lag = 0; lag < length - s; lag++) {
        a = FloatVector.fromArray(S, kT, lag * h + c)
            .fma(FloatVector.fromArray(S, dy, base + (s + lag) * h + c), a);
      }
      a.intoArray(du, o);
    }
  }

  private static void inputGradientScalar(float[] kT, float[] dSkip, float[] dy, float[] du,
      int base, int length, int h, int i) {
    for (int s = 0; s < length; s++) {
      float a = dSkip[i] * dy[base + s * h + i];
      for (int lag = 0; lag < length - s; lag++) {
        a = Math.fma(kT[lag * h + i], dy[base + (s + lag) * h + i], a);
      }
      du[base + s * h + i] = a;
    }
  }

  /** dK for unit q: lags 4q..4q+3 when q &lt; blocks, else the single lag 4·blocks + q − blocks. */
  private static void kernelGradient(float[] u, float[] dy, float[] dkT, int batch, int length,
      int h, int blocks, int q) {
    if (q >= blocks) {
      int lag = T * blocks + q - blocks;
      for (int c = 0; c < h; c++) {
        float a = 0f;
        for (int b = 0; b < batch; b++) {
          int base = b * length * h;
          for (int t = lag; t < length; t++) {
            a = Math.fma(dy[base + t * h + c], u[base + (t - lag) * h + c], a);
          }
        }
        dkT[lag * h + c] = a;
      }
      return;
    }
    int lag = T * q;
    int c = 0;
    for (; c + S.length() <= h; c += S.length()) {
      kernelGradientLanes(u, dy, dkT, batch, length, h, lag, c);
    }
    for (; c < h; c++) {
      for (int j = 0; j < T; j++) {
        float a = 0f;
        for (int b = 0; b < batch; b++) {
          int base = b * length * h;
          for (int t = lag + j; t < length; t++) {
            a = Math.fma(dy[base + t * h + c], u[base + (t - lag - j) * h + c], a);
          }
        }
        dkT[(lag + j) * h + c] = a;
      }
    }
  }

  /** Lags lag..lag+3 (lag + 3 &lt; L) of the channels c..c+15: each t's dy feeds four FMAs. */
  private static void kernelGradientLanes(float[] u, float[] dy, float[] dkT, int batch,
      int length, int h, int lag, int c) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int b = 0; b < batch; b++) {
      int base = b * length * h + c;
      // t = lag, lag+1, lag+2 reach u[0..2] for the lags they have
      FloatVector u0 = FloatVector.fromArray(S, u, base);
      FloatVector u1 = FloatVector.fromArray(S, u, base + h);
      FloatVector u2 = FloatVector.fromArray(S, u, base + 2 * h);
      FloatVector g0 = FloatVector.fromArray(S, dy, base + lag * h);
      FloatVector g1 = FloatVector.fromArray(S, dy, base + (lag + 1) * h);
      FloatVector g2 = FloatVector.fromArray(S, dy, base + (lag + 2) * h);
      a0 = g2.fma(u2, g1.fma(u1, g0.fma(u0, a0)));
      a1 = g2.fma(u1, g1.fma(u0, a1));
      a2 = g2.fma(u0, a2);
      // from t = lag+3 on, every lag: the window w_j = u[t-lag-j], one load a step
      FloatVector w0 = FloatVector.fromArray(S, u, base + 3 * h);
      FloatVector w1 = u2;
      FloatVector w2 = u1;
      FloatVector w3 = u0;
      for (int t = lag + 3; ; t++) {
        FloatVector g = FloatVector.fromArray(S, dy, base + t * h);
        a0 = g.fma(w0, a0);
        a1 = g.fma(w1, a1);
        a2 = g.fma(w2, a2);
        a3 = g.fma(w3, a3);
        if (t == length - 1) {
          break;
        }
        w3 = w2;
        w2 = w1;
        w1 = w0;
        w0 = FloatVector.fromArray(S, u, base + (t + 1 - lag) * h);
      }
    }
    a0.intoArray(dkT, lag * h + c);
    a1.intoArray(dkT, (lag + 1) * h + c);
    a2.intoArray(dkT, (lag + 2) * h + c);
    a3.intoArray(dkT, (lag + 3) * h + c);
  }
}
