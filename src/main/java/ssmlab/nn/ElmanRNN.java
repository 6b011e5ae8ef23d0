package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Kernels;

/**
 * One Elman RNN layer with tanh, as PyTorch's {@code nn.RNN} (zero initial state):
 * {@code h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh)}. Output: h (batch, len, hidden).
 * Backward through time: {@code dz_t = (dy_t + dz_{t+1}·W_hh) ⊙ (1 − h_t²)}.
 */
public final class ElmanRNN implements Layer {

  private final int in;
  private final int hidden;
  private final RecurrentWeights w;

  private int batch;
  private int len;
  private float[] x;
  private float[] h; // (batch, len, H): pre-activations, then the output
  private float[] dz; // (batch, len, H)
  private float[] dhNext; // (batch, H)

  /** An Elman RNN from {@code in} features to {@code hidden} features. */
  public ElmanRNN(String name, int in, int hidden, SplittableRandom rng) {
    this.in = in;
    this.hidden = hidden;
    this.w = new RecurrentWeights(name, in, hidden, hidden, rng);
  }

  @Override
  public int inputDim() {
    return in;
  }

  @Override
  public int outputDim() {
    return hidden;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.x = x;
    this.batch = batch;
    this.len = len;
    int rows = batch * len;
    h = Buffers.ensure(h, rows * hidden);
    w.inputPart(x, rows, h);
    for (int t = 0; t < len; t++) {
      if (t > 0) {
        w.addRecurrent(h, h, t, batch, len);
      }
      for (int b = 0; b < batch; b++) {
        int o = (b * len + t) * hidden;
        Kernels.tanh(h, o, h, o, hidden);
      }
    }
    return h;
  }

  @Override
  public float[] backward(float[] dy) {
    dz = Buffers.ensure(dz, h.length);
    dhNext = Buffers.ensure(dhNext, batch * hidden);
    w.startBackward();
    java.util.Arrays.fill(dhNext, 0f);
    for (int t = len - 1; t >= 0; t--) {
      for (int b = 0; b < batch; b++) {
        int o = (b * len + t) * hidden;
        int s = b * hidden;
        for (int j = 0; j < hidden; j++) {
          float ht = h[o + j];
          dz[o + j] = (dy[o + j] + dhNext[s + j]) * (1 - ht * ht);
        }
      }
      if (t > 0) {
        w.backRecurrent(dz, t, batch, len, dhNext);
      }
    }
    return w.gradients(dz, x, h, batch, len);
  }

  @Override
  public List<Parameter> parameters() {
    return w.parameters();
  }
}
