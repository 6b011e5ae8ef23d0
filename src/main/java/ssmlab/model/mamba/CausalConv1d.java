package ssmlab.model.mamba;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;
import ssmlab.tensor.Simd;

/**
 * Mamba's causal depthwise 1-D convolution over time (PyTorch {@code Conv1d(groups=C,
 * padding=K-1)} truncated to the first L outputs), on activations laid out (batch, L, C).
 *
 * <pre>
 * y[b,t,c] = bias[c] + sum_{k=0}^{K-1} w[c,k] * x[b, t-(K-1)+k, c]     (x = 0 before t = 0)
 * </pre>
 *
 * This is Definition 3.18 of the paper restricted to the depthwise case the code uses: output
 * channel c sees only input channel c. The weight is stored as PyTorch's (C, 1, K).
 *
 * <p>The loops run over the channels in vector lanes (the weight transposed to (K, C) for that),
 * with a scalar tail; every output and gradient element is summed in the same order either way
 * (the taps in order, then the batch rows and time steps in order), with a multiply and an add,
 * never a fused multiply-add, so the vector and scalar paths give the same bits.
 */
public final class CausalConv1d {

  private static final VectorSpecies<Float> S = Simd.SPECIES;

  private CausalConv1d() {}

  /**
   * Forward pass.
   *
   * @param x (batch, length, channels), not modified
   * @param w (channels, 1, kernel), not modified
   * @param bias (channels), or null for none; not modified
   * @param y (batch, length, channels), overwritten
   */
  public static void forward(float[] x, float[] w, float[] bias, float[] y,
      int batch, int length, int channels, int kernel) {
    float[] wt = Kernels.transpose(w, channels, kernel);
    int vecEnd = vectorEnd(0, channels);
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int base = b * length * channels;
        for (int t = 0; t < length; t++) {
          int row = base + t * channels;
          for (int c = 0; c < channels; c++) {
            y[row + c] = bias == null ? 0f : bias[c];
          }
          // tap k looks back lag = K-1-k steps
          for (int k = Math.max(0, kernel - 1 - t); k < kernel; k++) {
            int srcRow = base + (t - (kernel - 1) + k) * channels;
            int wk = k * channels;
            int c = 0;
            for (; c < vecEnd; c += S.length()) {
              FloatVector.fromArray(S, y, row + c)
                  .add(FloatVector.fromArray(S, wt, wk + c)
                      .mul(FloatVector.fromArray(S, x, srcRow + c)))
                  .intoArray(y, row + c);
            }
            for (; c < channels; c++) {
              y[row + c] += wt[wk + c] * x[srcRow + c];
            }
          }
        }
      }
    });
  }

  /**
   * Backward pass.
   *
   * @param x the forward input, not modified
   * @param w the weight, not modified
   * @param dy gradient of the output (batch, length, channels), not modified
   * @param dx gradient of the input, overwritten
   * @param dw gradient of the weight, accumulated
   * @param dbias gradient of the bias, accumulated (null when there is no bias)
   */
  public static void backward(float[] x, float[] w, float[] dy, float[] dx, float[] dw,
      float[] dbias, int batch, int length, int channels, int kernel) {
    Arrays.fill(dx, 0, batch * length * channels, 0f);
    float[] wt = Kernels.transpose(w, channels, kernel);
    float[] dwt = Kernels.transpose(dw, channels, kernel); // accumulated on from dw's values
    // parallel over channels: each channel's dw and dbias are summed by one thread, in order
    Parallel.forRange(channels, 8, (c0, c1) -> {
      int vecEnd = vectorEnd(c0, c1);
      for (int b = 0; b < batch; b++) {
        int base = b * length * channels;
        for (int t = 0; t < length; t++) {
          int row = base + t * channels;
          if (dbias != null) {
            for (int c = c0; c < c1; c++) {
              dbias[c] += dy[row + c];
            }
          }
          for (int k = Math.max(0, kernel - 1 - t); k < kernel; k++) {
            int srcRow = base + (t - (kernel - 1) + k) * channels;
            int wk = k * channels;
            int c = c0;
            for (; c < vecEnd; c += S.length()) {
              FloatVector g = FloatVector.fromArray(S, dy, row + c);
              FloatVector.fromArray(S, dx, srcRow + c)
                  .add(FloatVector.fromArray(S, wt, wk + c).mul(g))
                  .intoArray(dx, srcRow + c);
              FloatVector.fromArray(S, dwt, wk + c)
                  .add(g.mul(FloatVector.fromArray(S, x, srcRow + c)))
                  .intoArray(dwt, wk + c);
            }
            for (; c < c1; c++) {
              float g = dy[row + c];
              dx[srcRow + c] += wt[wk + c] * g;
              dwt[wk + c] += g * x[srcRow + c];
            }
          }
        }
      }
    });
    for (int c = 0; c < channels; c++) {
      for (int k = 0; k < kernel; k++) {
        dw[c * kernel + k] = dwt[k * channels + c];
      }
    }
  }

  /** Where the vector loop over channels c0 ≤ c &lt; c1 ends (c0 when the Vector API is off). */
  private static int vectorEnd(int c0, int c1) {
    return Simd.ENABLED ? c0 + S.loopBound(c1 - c0) : c0;
  }
}
