package ssmlab.model.mamba;

import java.util.Arrays;

import ssmlab.tensor.Parallel;

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
 */
public final class CausalConv1d {

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
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int base = b * length * channels;
        for (int t = 0; t < length; t++) {
          int row = base + t * channels;
          for (int c = 0; c < channels; c++) {
            y[row + c] = bias == null ? 0f : bias[c];
          }
          // tap k looks back lag = K-1-k steps
          for (int k = 0; k < kernel; k++) {
            int src = t - (kernel - 1) + k;
            if (src < 0) {
              continue;
            }
            int srcRow = base + src * channels;
            for (int c = 0; c < channels; c++) {
              y[row + c] += w[c * kernel + k] * x[srcRow + c];
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
    // parallel over channels: each channel's dw and dbias are summed by one thread, in order
    Parallel.forRange(channels, 8, (c0, c1) -> {
      for (int b = 0; b < batch; b++) {
        int base = b * length * channels;
        for (int t = 0; t < length; t++) {
          int row = base + t * channels;
          if (dbias != null) {
            for (int c = c0; c < c1; c++) {
              dbias[c] += dy[row + c];
            }
          }
          for (int k = 0; k < kernel; k++) {
            int src = t - (kernel - 1) + k;
            if (src < 0) {
              continue;
            }
            int srcRow = base + src * channels;
            for (int c = c0; c < c1; c++) {
              float g = dy[row + c];
              dx[srcRow + c] += w[c * kernel + k] * g;
              dw[c * kernel + k] += g * x[srcRow + c];
            }
          }
        }
      }
    });
  }
}
