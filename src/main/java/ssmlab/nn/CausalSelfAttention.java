package ssmlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * Multi-head causal self-attention: {@code y = concat_h(softmax(Q_h K_hᵀ/√hd + mask) V_h)·W_oᵀ + b_o}
 * with {@code [Q K V] = x·W_qkvᵀ + b_qkv}, optionally with rotary positions on Q and K
 * ({@link RoPE}) or linear biases on the scores ({@link ALiBi}: {@code mask} becomes
 * {@code −m_h·(i − j)} for j ≤ i).
 *
 * <p>Parameters {@code <name>.qkv.*} (3d, d) and {@code <name>.out.*} (d, d). Per (batch, head)
 * the scores S = QKᵀ·scale are an (len, len) matrix; row t keeps columns 0..t (causal mask). The
 * probabilities P are cached. Backward, with dO the gradient of the head's context:
 * <pre>
 *   dV = Pᵀ·dO     dP = dO·Vᵀ     dS_ij = P_ij·(dP_ij − Σ_k dP_ik·P_ik)·scale
 *   dQ = dS·K      dK = dSᵀ·Q
 * </pre>
 * where dS is the gradient of the unscaled QKᵀ; ALiBi's bias is constant, so the backward is the
 * same with or without it.
 * Work is split over (batch, head) pairs; each pair's products run on one thread and skip what
 * the mask hides ({@link CausalProducts}).
 */
public final class CausalSelfAttention implements Layer {

  private final int dim;
  private final int heads;
  private final int headDim;
  private final float scale;
  private final Linear qkvProj;
  private final Linear outProj;
  private final RoPE rope; // null without rotary positions
  private final ALiBi alibi; // null without linear biases
  private final List<Parameter> params;

  private int batch;
  private int len;
  private float[] qkv; // (rows, 3d), after RoPE
  private float[] probs; // (batch, heads, len, len)
  private float[] context; // (rows, d)
  private float[] dqkv; // (rows, 3d)
  private float[] dScores; // (batch, heads, len, len)

  /**
   * Attention over {@code dim} features in {@code heads} heads ({@code dim % heads == 0}).
   *
   * @param positions {@code ROPE} and {@code ALIBI} act here; the others leave the scores alone
   *     ({@code SINUSOIDAL} and {@code LEARNED} are added to the embeddings by
   *     {@link AbsolutePositions})
   */
  public CausalSelfAttention(String name, int dim, int heads, PositionalEncoding positions,
      SplittableRandom rng) {
    if (heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "d_model " + dim + " is not divisible by the number of heads " + heads);
    }
    this.dim = dim;
    this.heads = heads;
    this.headDim = dim / heads;
    this.scale = (float) (1 / Math.sqrt(headDim));
    this.qkvProj = new Linear(name + ".qkv", dim, 3 * dim, true, rng);
    this.outProj = new Linear(name + ".out", dim, dim, true, rng);
    this.rope = positions == PositionalEncoding.ROPE ? new RoPE(headDim) : null;
    this.alibi = positions == PositionalEncoding.ALIBI ? new ALiBi(heads) : null;
    var ps = new ArrayList<Parameter>(qkvProj.parameters());
    ps.addAll(outProj.parameters());
    this.params = List.copyOf(ps);
  }

  /** The output projection (for residual-scaled initialisation). */
  public Linear outProj() {
    return outProj;
  }

  @Override
  public int inputDim() {
    return dim;
  }

  @Override
  public int outputDim() {
    return dim;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.batch = batch;
    this.len = len;
    int rows = batch * len;
    float[] raw = qkvProj.forward(x, batch, len);
    qkv = Buffers.ensure(qkv, rows * 3 * dim);
    System.arraycopy(raw, 0, qkv, 0, qkv.length);
    if (rope != null) {
      rotateQueriesKeys(qkv, false);
    }
    probs = Buffers.ensure(probs, batch * heads * len * len);
    context = Buffers.ensure(context, rows * dim);
    int ld = 3 * dim;
    Parallel.forRange(batch * heads, 1, (p0, p1) -> {
      for (int bh = p0; bh < p1; bh++) {
        int b = bh / heads;
        int h = bh % heads;
        int q = b * len * ld + h * headDim;
        int s = bh * len * len;
        CausalProducts.scores(len, headDim, qkv, q, ld, qkv, q + dim, ld, probs, s);
        for (int t = 0; t < len; t++) {
          int row = s + t * len;
          if (alibi == null) {
            Kernels.softmax(probs, row, t + 1, scale);
          } else {
            alibi.bias(probs, row, t, h, scale);
            Kernels.softmax(probs, row, t + 1, 1f);
          }
          java.util.Arrays.fill(probs, row + t + 1, row + len, 0f);
        }
        CausalProducts.mix(len, headDim, probs, s, qkv, q + 2 * dim, ld, context,
            b * len * dim + h * headDim, dim);
      }
    });
    return outProj.forward(context, batch, len);
  }

  @Override
  public float[] backward(float[] dy) {
    float[] dContext = outProj.backward(dy);
    int rows = batch * len;
    dqkv = Buffers.ensure(dqkv, rows * 3 * dim);
    dScores = Buffers.ensure(dScores, probs.length);
    int ld = 3 * dim;
    Parallel.forRange(batch * heads, 1, (p0, p1) -> {
      for (int bh = p0; bh < p1; bh++) {
        int b = bh / heads;
        int h = bh % heads;
        int q = b * len * ld + h * headDim;
        int k = q + dim;
        int v = q + 2 * dim;
        int o = b * len * dim + h * headDim;
        int s = bh * len * len;
        CausalProducts.mixTransposed(len, headDim, probs, s, dContext, o, dim, dqkv, v, ld);
        CausalProducts.scores(len, headDim, dContext, o, dim, qkv, v, ld, dScores, s);
        for (int t = 0; t < len; t++) {
          int row = s + t * len;
          float c = Kernels.dot(dScores, row, probs, row, t + 1);
          for (int j = 0; j <= t; j++) {
            dScores[row + j] = probs[row + j] * (dScores[row + j] - c) * scale;
          }
          java.util.Arrays.fill(dScores, row + t + 1, row + len, 0f);
        }
        CausalProducts.mix(len, headDim, dScores, s, qkv, k, ld, dqkv, q, ld);
        CausalProducts.mixTransposed(len, headDim, dScores, s, qkv, q, ld, dqkv, k, ld);
      }
    });
    if (rope != null) {
      rotateQueriesKeys(dqkv, true);
    }
    return qkvProj.backward(dqkv);
  }

  /** Applies RoPE (or its inverse) to the Q and K parts of every row of a (rows, 3d) buffer. */
  private void rotateQueriesKeys(float[] buf, boolean inverse) {
    rope.ensure(len);
    int rows = batch * len;
    Parallel.forRange(rows, Math.max(1, Kernels.MIN_PARALLEL_ELEMENTS / (2 * dim)), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int t = r % len;
        for (int h = 0; h < heads; h++) {
          rope.rotate(buf, r * 3 * dim + h * headDim, t, inverse);
          rope.rotate(buf, r * 3 * dim + dim + h * headDim, t, inverse);
        }
      }
    });
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }
}
