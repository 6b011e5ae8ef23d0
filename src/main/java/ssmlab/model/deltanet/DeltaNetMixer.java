package ssmlab.model.deltanet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.mamba.CausalConv1d;
import ssmlab.model.mamba.Eigenvalues;
import ssmlab.nn.Buffers;
import ssmlab.nn.Init;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Parameter;
import ssmlab.nn.RMSNorm;
import ssmlab.tensor.Activations;
import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * The DeltaNet layer of Yang et al. (2024) as their reference layer ({@code fla.layers.DeltaNet}
 * with its defaults: short convolutions, SiLU, L2-normalised q and k, β, no output gate), with H
 * heads of size dk = dv = d/H, a layer (batch, L, d) to (batch, L, d):
 *
 * <pre>
 *   q = L2(silu(conv_q(W_q x)))   k = L2(silu(conv_k(W_k x)))   v = silu(conv_v(W_v x))
 *   β = σ(W_β x)   (eigenvalues 0,1)    or 2σ(W_β x)   (−1,1: Grazzi et al. 2025)
 *   S_t = S_{t−1}(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,    o_t = S_t q_t / √dk
 *   out = W_o RMSNorm_head(o)
 * </pre>
 *
 * per head; the convolutions are causal depthwise of width d_conv without bias, L2(x) =
 * x / √(‖x‖² + 1e-6) per head as fla's l2norm, and the output norm shares one gain (dv) across
 * heads. The transition I − β k kᵀ has eigenvalues 1 and 1 − β: in [0, 1] for β ∈ [0, 1], in
 * [−1, 1] for β ∈ [0, 2].
 *
 * <p>DeltaProduct (Siems et al. 2025) with n_h = {@code householder} &gt; 1: the token's
 * transition is the product of n_h such steps, each with its own key, value and β (projections
 * of width n_h·d and n_h·H, laid out (n_h, H, dk) as fla's GatedDeltaProduct, convolved over
 * tokens per channel); the query reads the state after the last step. n_h = 1 is DeltaNet.
 *
 * <p>Parameters (prefix {@code <name>}): {@code q_proj}, {@code k_proj}, {@code v_proj},
 * {@code b_proj}, {@code o_proj} (weights only), {@code q_conv1d.weight}, {@code k_conv1d.weight},
 * {@code v_conv1d.weight} (C, 1, d_conv), {@code o_norm.weight} (dv); PyTorch's default inits,
 * as fla's layer constructor leaves them. Memory: the states of every step, O(L·n_h·dk·dv) per
 * (sequence, head).
 */
public final class DeltaNetMixer implements Layer {

  private static final float L2_EPS = 1e-6f;

  private final int d;
  private final int heads;
  private final int dk;
  private final int steps;
  private final int dConv;
  private final float betaScale;
  private final Linear qProj;
  private final Linear kProj;
  private final Linear vProj;
  private final Linear bProj;
  private final Parameter qConv;
  private final Parameter kConv;
  private final Parameter vConv;
  private final RMSNorm oNorm;
  private final Linear oProj;
  private final List<Parameter> params = new ArrayList<>();
  private final DeltaRule rule;

  private int batch;
  private int len;
  private DeltaRule.Shape shape;
  // row layout (rows, width): projections (owned by the Linears), conv outputs before SiLU
  private float[] qIn;
  private float[] kIn;
  private float[] vIn;
  private float[] qc;
  private float[] kc;
  private float[] vc;
  private float[] bRaw;
  // head layout (see DeltaRule)
  private float[] q;
  private float[] k;
  private float[] v;
  private float[] beta;
  private float[] qInv; // 1/√(‖·‖² + eps) per query and key vector
  private float[] kInv;
  private float[] states;
  private float[] w;
  private float[] oh;
  private float[] oRows;
  // backward
  private float[] dOh;
  private float[] dqHead;
  private float[] dkHead;
  private float[] dvHead;
  private float[] dBeta;
  private float[] dqRows;
  private float[] dkRows;
  private float[] dvRows;
  private float[] dbRows;
  private float[] dqPre;
  private float[] dkPre;
  private float[] dvPre;
  private float[] dx;

  /**
   * A DeltaNet layer; {@code householder} = 1 is DeltaNet, more is DeltaProduct.
   *
   * @throws IllegalArgumentException when {@code heads} does not divide {@code dModel}
   */
  public DeltaNetMixer(String name, int dModel, int heads, int dConv, Eigenvalues eigenvalues,
      int householder, SplittableRandom rng) {
    if (heads < 1 || dModel % heads != 0) {
      throw new IllegalArgumentException("deltanet: heads (" + heads + ") must divide d_model ("
          + dModel + ")");
    }
    this.d = dModel;
    this.heads = heads;
    this.dk = dModel / heads;
    this.steps = householder;
    this.dConv = dConv;
    this.betaScale = eigenvalues == Eigenvalues.SIGNED ? 2f : 1f;
    qProj = new Linear(name + ".q_proj", d, d, false, rng);
    kProj = new Linear(name + ".k_proj", d, steps * d, false, rng);
    vProj = new Linear(name + ".v_proj", d, steps * d, false, rng);
    bProj = new Linear(name + ".b_proj", d, steps * heads, false, rng);
    qConv = conv(name + ".q_conv1d.weight", d, rng);
    kConv = conv(name + ".k_conv1d.weight", steps * d, rng);
    vConv = conv(name + ".v_conv1d.weight", steps * d, rng);
    oNorm = new RMSNorm(name + ".o_norm", dk, 1e-5f);
    oProj = new Linear(name + ".o_proj", d, d, false, rng);
    for (Layer l : List.of(qProj, kProj, vProj, bProj)) {
      params.addAll(l.parameters());
    }
    params.addAll(List.of(qConv, kConv, vConv));
    params.addAll(oNorm.parameters());
    params.addAll(oProj.parameters());
    rule = DeltaRule.of(dk, dk);
  }

  /** A depthwise convolution weight (channels, 1, d_conv), PyTorch's Conv1d default init. */
  private Parameter conv(String name, int channels, SplittableRandom rng) {
    Parameter p = new Parameter(name, true, channels, 1, dConv);
    Init.uniform(p.data(), (float) (1 / Math.sqrt(dConv)), rng);
    return p;
  }

  @Override
  public int inputDim() {
    return d;
  }

  @Override
  public int outputDim() {
    return d;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.batch = batch;
    this.len = len;
    int rows = batch * len;
    int kw = steps * d;
    shape = new DeltaRule.Shape(len, steps, dk, dk, (float) (1 / Math.sqrt(dk)));
    allocate(rows);
    qIn = qProj.forward(x, batch, len);
    kIn = kProj.forward(x, batch, len);
    vIn = vProj.forward(x, batch, len);
    CausalConv1d.forward(qIn, qConv.data(), null, qc, batch, len, d, dConv);
    CausalConv1d.forward(kIn, kConv.data(), null, kc, batch, len, kw, dConv);
    CausalConv1d.forward(vIn, vConv.data(), null, vc, batch, len, kw, dConv);
    System.arraycopy(bProj.forward(x, batch, len), 0, bRaw, 0, rows * steps * heads);
    toHeads(rows);
    Parallel.forRange(batch * heads, 1, (h0, h1) -> {
      float[] work = new float[dk * dk];
      for (int sh = h0; sh < h1; sh++) {
        rule.forward(shape, sh, q, k, v, beta, states, w, oh, work);
      }
    });
    for (int r = 0; r < rows; r++) {
      int b = r / len;
      int t = r % len;
      for (int h = 0; h < heads; h++) {
        System.arraycopy(oh, ((b * heads + h) * len + t) * dk, oRows, r * d + h * dk, dk);
      }
    }
    float[] normed = oNorm.forward(oRows, rows * heads, 1);
    return oProj.forward(normed, batch, len);
  }

  /**
   * SiLU, the L2 norms and β, from the row layout of the convolutions to the head layout of the
   * scan: row r = (b, t), head h, step j goes to sub-step ((b·H + h)·L + t)·n_h + j.
   */
  private void toHeads(int rows) {
    Parallel.forRange(rows, 16, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int b = r / len;
        int t = r % len;
        for (int h = 0; h < heads; h++) {
          int sh = b * heads + h;
          int qo = (sh * len + t) * dk;
          Kernels.silu(qc, r * d + h * dk, q, qo, dk);
          qInv[sh * len + t] = normalize(q, qo);
          for (int j = 0; j < steps; j++) {
            int s = (sh * len + t) * steps + j;
            int src = r * steps * d + j * d + h * dk;
            Kernels.silu(kc, src, k, s * dk, dk);
            kInv[s] = normalize(k, s * dk);
            Kernels.silu(vc, src, v, s * dk, dk);
            beta[s] = betaScale * Activations.sigmoid(bRaw[r * steps * heads + j * heads + h]);
          }
        }
      }
    });
  }

  /** Scales x[o .. o+dk) to x/√(‖x‖² + eps) in place and returns the factor. */
  private float normalize(float[] x, int o) {
    float inv = (float) (1 / Math.sqrt(Kernels.dot(x, o, x, o, dk) + L2_EPS));
    Kernels.scale(x, o, dk, inv);
    return inv;
  }

  @Override
  public float[] backward(float[] dOut) {
    int rows = batch * len;
    int kw = steps * d;
    float[] dORows = oNorm.backward(oProj.backward(dOut));
    for (int r = 0; r < rows; r++) {
      int b = r / len;
      int t = r % len;
      for (int h = 0; h < heads; h++) {
        System.arraycopy(dORows, r * d + h * dk, dOh, ((b * heads + h) * len + t) * dk, dk);
      }
    }
    Parallel.forRange(batch * heads, 1, (h0, h1) -> {
      float[] g = new float[2 * dk * dk];
      float[] gk = new float[dk];
      for (int sh = h0; sh < h1; sh++) {
        rule.backward(shape, sh, q, k, beta, states, w, dOh, dqHead, dkHead, dvHead, dBeta, g, gk);
      }
    });
    fromHeads(rows);
    CausalConv1d.backward(qIn, qConv.data(), dqRows, dqPre, qConv.grad(), null, batch, len, d,
        dConv);
    CausalConv1d.backward(kIn, kConv.data(), dkRows, dkPre, kConv.grad(), null, batch, len, kw,
        dConv);
    CausalConv1d.backward(vIn, vConv.data(), dvRows, dvPre, vConv.grad(), null, batch, len, kw,
        dConv);
    dx = Buffers.ensure(dx, rows * d);
    System.arraycopy(qProj.backward(dqPre), 0, dx, 0, rows * d);
    Kernels.axpy(1f, kProj.backward(dkPre), 0, dx, 0, rows * d);
    Kernels.axpy(1f, vProj.backward(dvPre), 0, dx, 0, rows * d);
    Kernels.axpy(1f, bProj.backward(dbRows), 0, dx, 0, rows * d);
    return dx;
  }

  /**
   * Back through the L2 norms, SiLU and β to the row layout: for y = x·r with
   * r = 1/√(‖x‖² + eps), dx = r·(dy − y·(y·dy)).
   */
  private void fromHeads(int rows) {
    Parallel.forRange(rows, 16, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int b = r / len;
        int t = r % len;
        for (int h = 0; h < heads; h++) {
          int sh = b * heads + h;
          int qo = (sh * len + t) * dk;
          normBackward(q, dqHead, qo, qInv[sh * len + t]);
          Kernels.siluBackward(qc, r * d + h * dk, dqHead, qo, dqRows, r * d + h * dk, dk, false);
          for (int j = 0; j < steps; j++) {
            int s = (sh * len + t) * steps + j;
            int dst = r * steps * d + j * d + h * dk;
            normBackward(k, dkHead, s * dk, kInv[s]);
            Kernels.siluBackward(kc, dst, dkHead, s * dk, dkRows, dst, dk, false);
            Kernels.siluBackward(vc, dst, dvHead, s * dk, dvRows, dst, dk, false);
            float sig = beta[s] / betaScale;
            dbRows[r * steps * heads + j * heads + h] = dBeta[s] * betaScale * sig * (1 - sig);
          }
        }
      }
    });
  }

  /** In place dy to dx for y = x·inv at offset o (y is the stored normalised vector). */
  private void normBackward(float[] y, float[] dy, int o, float inv) {
    float yDotDy = Kernels.dot(y, o, dy, o, dk);
    for (int i = 0; i < dk; i++) {
      dy[o + i] = inv * (dy[o + i] - y[o + i] * yDotDy);
    }
  }

  private void allocate(int rows) {
    int kw = steps * d;
    int subSteps = rows * heads * steps;
    qc = Buffers.atLeast(qc, rows * d);
    kc = Buffers.atLeast(kc, rows * kw);
    vc = Buffers.atLeast(vc, rows * kw);
    bRaw = Buffers.atLeast(bRaw, rows * steps * heads);
    q = Buffers.atLeast(q, rows * d);
    k = Buffers.atLeast(k, subSteps * dk);
    v = Buffers.atLeast(v, subSteps * dk);
    beta = Buffers.atLeast(beta, subSteps);
    qInv = Buffers.atLeast(qInv, rows * heads);
    kInv = Buffers.atLeast(kInv, subSteps);
    states = Buffers.atLeast(states, subSteps * dk * dk);
    w = Buffers.atLeast(w, subSteps * dk);
    oh = Buffers.atLeast(oh, rows * d);
    oRows = Buffers.atLeast(oRows, rows * d);
    dOh = Buffers.atLeast(dOh, rows * d);
    dqHead = Buffers.atLeast(dqHead, rows * d);
    dkHead = Buffers.atLeast(dkHead, subSteps * dk);
    dvHead = Buffers.atLeast(dvHead, subSteps * dk);
    dBeta = Buffers.atLeast(dBeta, subSteps);
    dqRows = Buffers.atLeast(dqRows, rows * d);
    dkRows = Buffers.atLeast(dkRows, rows * kw);
    dvRows = Buffers.atLeast(dvRows, rows * kw);
    dbRows = Buffers.atLeast(dbRows, rows * steps * heads);
    dqPre = Buffers.atLeast(dqPre, rows * d);
    dkPre = Buffers.atLeast(dkPre, rows * kw);
    dvPre = Buffers.atLeast(dvPre, rows * kw);
  }
}
