package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Kernels;

/**
 * One LSTM layer over a sequence, as PyTorch's {@code nn.LSTM} (gate order i, f, g, o; zero
 * initial state):
 * <pre>
 *   [i f g o]_t = [σ σ tanh σ](x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t       h_t = o_t ⊙ tanh(c_t)
 * </pre>
 * Output: h (batch, len, hidden). Backward through time, with dh_t from the output plus the next
 * step: {@code dc_t = dh_t·o_t·(1 − tanh²c_t) + dc_{t+1}·f_{t+1}}, then the gate gradients
 * {@code di = dc·g·i(1−i)}, {@code df = dc·c_{t−1}·f(1−f)}, {@code dg = dc·i·(1−g²)},
 * {@code do = dh·tanh(c)·o(1−o)}.
 */
public final class LSTM implements Layer {

  private final int in;
  private final int hidden;
  private final RecurrentWeights w;

  private int batch;
  private int len;
  private float[] x;
  private float[] gates; // (batch, len, 4H): pre-activations, then activations i f g o
  private float[] c; // (batch, len, H)
  private float[] tanhC; // (batch, len, H)
  private float[] h; // (batch, len, H): the output
  private float[] dz; // (batch, len, 4H)
  private float[] dhNext; // (batch, H)
  private float[] dcNext; // (batch, H)

  /** An LSTM from {@code in} features to {@code hidden} features. */
  public LSTM(String name, int in, int hidden, SplittableRandom rng) {
    this.in = in;
    this.hidden = hidden;
    this.w = new RecurrentWeights(name, in, hidden, 4 * hidden, rng);
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
    int hh = hidden;
    gates = Buffers.ensure(gates, rows * 4 * hh);
    c = Buffers.ensure(c, rows * hh);
    tanhC = Buffers.ensure(tanhC, rows * hh);
    h = Buffers.ensure(h, rows * hh);
    w.inputPart(x, rows, gates);
    for (int t = 0; t < len; t++) {
      if (t > 0) {
        w.addRecurrent(h, gates, t, batch, len);
      }
      for (int b = 0; b < batch; b++) {
        int r = b * len + t;
        int g = r * 4 * hh;
        Kernels.sigmoid(gates, g, gates, g, 2 * hh);
        Kernels.tanh(gates, g + 2 * hh, gates, g + 2 * hh, hh);
        Kernels.sigmoid(gates, g + 3 * hh, gates, g + 3 * hh, hh);
        int o = r * hh;
        for (int j = 0; j < hh; j++) {
          float cPrev = t > 0 ? c[o - hh + j] : 0f;
          c[o + j] = gates[g + hh + j] * cPrev + gates[g + j] * gates[g + 2 * hh + j];
        }
        Kernels.tanh(c, o, tanhC, o, hh);
        Kernels.mul(gates, g + 3 * hh, tanhC, o, h, o, hh);
      }
    }
    return h;
  }

  @Override
  public float[] backward(float[] dy) {
    int hh = hidden;
    dz = Buffers.ensure(dz, gates.length);
    dhNext = Buffers.ensure(dhNext, batch * hh);
    dcNext = Buffers.ensure(dcNext, batch * hh);
    w.startBackward();
    java.util.Arrays.fill(dhNext, 0f);
    java.util.Arrays.fill(dcNext, 0f);
    for (int t = len - 1; t >= 0; t--) {
      for (int b = 0; b < batch; b++) {
        int r = b * len + t;
        int g = r * 4 * hh;
        int o = r * hh;
        int s = b * hh;
        for (int j = 0; j < hh; j++) {
          float ig = gates[g + j];
          float fg = gates[g + hh + j];
          float gg = gates[g + 2 * hh + j];
          float og = gates[g + 3 * hh + j];
          float tc = tanhC[o + j];
          float dh = dy[o + j] + dhNext[s + j];
          float dc = dh * og * (1 - tc * tc) + dcNext[s + j];
          float cPrev = t > 0 ? c[o - hh + j] : 0f;
          dz[g + j] = dc * gg * ig * (1 - ig);
          dz[g + hh + j] = dc * cPrev * fg * (1 - fg);
          dz[g + 2 * hh + j] = dc * ig * (1 - gg * gg);
          dz[g + 3 * hh + j] = dh * tc * og * (1 - og);
          dcNext[s + j] = dc * fg;
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
