package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Gemm;
import ssmlab.tensor.Kernels;

/**
 * The weights of a recurrent layer and the products they take part in, shared by {@link LSTM}
 * and {@link ElmanRNN}: pre-activations {@code z_t = x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh}
 * of width {@code gates} (4H for an LSTM, H for an Elman RNN), as PyTorch's {@code nn.LSTM} and
 * {@code nn.RNN} (names {@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh};
 * init U(-1/√H, 1/√H)).
 *
 * <p>The input part of all steps is one large product; only {@code h_{t−1}·W_hhᵀ} is sequential.
 * In backward the per-step work is {@code dh_{t−1} = dz_t·W_hh}; the weight gradients are then
 * two large products over all steps at once ({@code dW_hh += Σ_t dz_tᵀ·h_{t−1}} with the hidden
 * states shifted by one step).
 */
final class RecurrentWeights {

  final int in;
  final int hidden;
  final int gates;
  final Parameter weightIh; // (gates, in)
  final Parameter weightHh; // (gates, hidden)
  final Parameter biasIh; // (gates)
  final Parameter biasHh; // (gates)
  private float[] hPrev; // (rows, hidden): h shifted one step, zero at t = 0
  private float[] dx;
  private final Gemm.PreparedB forwardHh; // W_hhᵀ (hidden x gates), packed once a pass
  private final Gemm.PreparedB backwardHh; // W_hh (gates x hidden)

  RecurrentWeights(String name, int in, int hidden, int gates, SplittableRandom rng) {
    this.in = in;
    this.hidden = hidden;
    this.gates = gates;
    weightIh = new Parameter(name + ".weight_ih", true, gates, in);
    weightHh = new Parameter(name + ".weight_hh", true, gates, hidden);
    biasIh = new Parameter(name + ".bias_ih", false, gates);
    biasHh = new Parameter(name + ".bias_hh", false, gates);
    forwardHh = new Gemm.PreparedB(gates, hidden);
    backwardHh = new Gemm.PreparedB(hidden, gates);
    float bound = (float) (1 / Math.sqrt(hidden));
    for (Parameter p : parameters()) {
      Init.uniform(p.data(), bound, rng);
    }
  }

  List<Parameter> parameters() {
    return List.of(weightIh, weightHh, biasIh, biasHh);
  }

  /**
   * {@code z = x·W_ihᵀ + b_ih + b_hh} for all rows: x (rows, in), z (rows, gates). Starts a
   * forward pass: W_hh is read for the steps' products here.
   */
  void inputPart(float[] x, int rows, float[] z) {
    forwardHh.prepare(true, weightHh.data(), 0, hidden);
    Gemm.matmulNT(x, weightIh.data(), z, rows, in, gates, false);
    for (int r = 0; r < rows; r++) {
      Kernels.axpy(1f, biasIh.data(), 0, z, r * gates, gates);
      Kernels.axpy(1f, biasHh.data(), 0, z, r * gates, gates);
    }
  }

  /** {@code z[:, t] += h[:, t−1]·W_hhᵀ} for t ≥ 1: h (batch, len, hidden), z (batch, len, gates). */
  void addRecurrent(float[] h, float[] z, int t, int batch, int len) {
    Gemm.gemm(false, batch, h, (t - 1) * hidden, len * hidden, forwardHh, z, t * gates,
        len * gates, true);
  }

  /** Starts a backward pass: W_hh is read for the steps' products here. */
  void startBackward() {
    backwardHh.prepare(false, weightHh.data(), 0, hidden);
  }

  /** {@code dhPrev = dz[:, t]·W_hh}: dz (batch, len, gates), dhPrev (batch, hidden). */
  void backRecurrent(float[] dz, int t, int batch, int len, float[] dhPrev) {
    Gemm.gemm(false, batch, dz, t * gates, len * gates, backwardHh, dhPrev, 0, hidden, false);
  }

  /**
   * Adds all weight and bias gradients and returns dx (rows, in).
   *
   * @param dz dLoss/dz (batch, len, gates)
   * @param x the layer input (batch, len, in)
   * @param h the hidden states (batch, len, hidden)
   */
  float[] gradients(float[] dz, float[] x, float[] h, int batch, int len) {
    int rows = batch * len;
    hPrev = Buffers.ensure(hPrev, rows * hidden);
    for (int b = 0; b < batch; b++) {
      int o = b * len * hidden;
      java.util.Arrays.fill(hPrev, o, o + hidden, 0f);
      System.arraycopy(h, o, hPrev, o + hidden, (len - 1) * hidden);
    }
    Gemm.matmulTN(dz, x, weightIh.grad(), rows, gates, in);
    Gemm.matmulTN(dz, hPrev, weightHh.grad(), rows, gates, hidden);
    Kernels.columnSums(dz, rows, gates, biasIh.grad());
    Kernels.columnSums(dz, rows, gates, biasHh.grad());
    dx = Buffers.ensure(dx, rows * in);
    Gemm.matmulNN(dz, weightIh.data(), dx, rows, gates, in, false);
    return dx;
  }
}
