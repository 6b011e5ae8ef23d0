package ssmlab.model.ids4;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nn.Buffers;
import ssmlab.nn.Init;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Parameter;
import ssmlab.tensor.Parallel;

/**
 * The IDS4 state-space layer of Merrill et al. (2024), a layer (batch, L, d) to (batch, L, d):
 *
 * <pre>
 *   A(x_t) = A_0 + reshape(W_A x_t)            dense N x N, a linear function of the token
 *   h_t    = A(x_t) h_{t-1} + W_B x_t            h_{-1} = 0
 *   y_t    = W_C h_t + D ⊙ x_t
 * </pre>
 *
 * The state is one vector shared by all channels (multi-input multi-output), not one SISO SSM per
 * channel as in S4: the paper's construction for the S5 word problem keeps one state vector that
 * each token's matrix permutes, and a per-channel dense A would cost d·N² outputs per token.
 * A(x_t) is used as the discrete transition itself (no discretisation step), and the recurrence
 * stays linear in h.
 *
 * <p>Stabiliser ({@link TransitionNorm}, option {@code transition_norm}): with {@code inf}, the
 * default, the scan uses
 *
 * <pre>
 *   A'(x_t) = A(x_t) / s_t,   s_t = max(1, ‖A(x_t)‖_∞),   ‖A‖_∞ = max_i Σ_j |A_ij|
 * </pre>
 *
 * so that ‖A'(x_t)‖_∞ ≤ 1, hence ρ(A'(x_t)) ≤ 1 and every product of transitions has ∞-norm at
 * most 1: the state grows at most linearly in t whatever the weights, and a layer of any depth
 * cannot overflow. Matrices with ‖A‖_∞ ≤ 1 (permutations, stochastic matrices) pass unchanged.
 * The backward is exact on each piece: where s_t > 1, with i* the row attaining the norm,
 * dL/dA = (dL/dA' − ⟨dL/dA', A'⟩ · e_{i*} sign(A_{i*,:})) / s_t, and where ‖A‖_∞ ≤ 1 it is the
 * identity. Ties are settled one way everywhere: at ‖A‖_∞ = 1 exactly s_t = 1 with no derivative
 * through the norm, several rows attaining it give the first, and sign(0) = 0 (as PyTorch's
 * {@code where}, {@code max(dim)} and {@code abs}). The price: ‖·‖_∞ depends on the state's
 * basis and its isometries are the signed permutations, so a state is carried without decay only
 * by (near) signed-permutation transitions in the layer's own coordinates, the paper's
 * construction. Unnormalised, one layer learns A5 with ρ(A(x_t)) ≈ 9 instead, growth that the
 * norms downstream absorb; with {@code inf} the same run learns more slowly.
 *
 * <p>With {@code none} A(x_t) is used as is, the paper's layer: nothing bounds the products, the
 * initialisation below and the trainer's gradient clipping aside, and 2-layer S5 runs diverge.
 *
 * <p>Initialisation: A_0 = {@value #A0_SCALE}·I, the bias of the projection {@code A_proj}; W_A
 * ~ U with std s = (1 − {@value #A0_SCALE}) / (2√(dN)). For an input of norm √d (what the
 * pre-norm hands over), the entries of W_A x are then independent with std s√d, and Gordon's
 * inequality (Gaussian entries; uniform ones behave alike) gives
 * E‖W_A x‖₂ ≤ 2·s√d·√N = 1 − {@value #A0_SCALE}, so the spectral norm, and with it the spectral
 * radius, of A(x_t) is at most 1 in expectation at initialisation.
 *
 * <p>Parameters (prefix {@code <name>}): {@code A_proj.weight} (N², d) and {@code A_proj.bias}
 * (N², = vec A_0), {@code B_proj.weight} (N, d), {@code C_proj.weight} (d, N), {@code D} (d).
 * Row r of {@code A_proj}'s output is stored as M = A(x)ᵀ, i.e. output index j·N + i holds
 * A(x)[i][j], so the step {@code h_t = h_{t-1}·M_t + b_t} runs along rows ({@link DenseScan}).
 * Memory: the per-step matrices and states, O(L·N²) per sequence.
 */
public final class InputDependentSsm implements Layer {

  /** The diagonal of A_0 at initialisation. */
  public static final float A0_SCALE = 0.9f;

  private final int d;
  private final int n;
  private final Linear aProj;
  private final Linear bProj;
  private final Linear cProj;
  private final Parameter dSkip;
  private final List<Parameter> params = new ArrayList<>();
  private final DenseScan scan;
  private final TransitionNorm norm;

  private float[] x;
  private int batch;
  private int len;
  private float[] m; // (rows, N, N) = A'(x_t)ᵀ, normalised in place in A_proj's output
  private float[] scale; // (rows): s_t
  private int[] arg; // (rows): the row of A(x_t) attaining s_t > 1, else -1
  private float[] h; // (rows, N)
  private float[] y;
  private float[] g; // (rows, N): dL/dh, then dL/db
  private float[] dm;
  private float[] dx;

  /** An IDS4 layer with the stabiliser {@link TransitionNorm#INF}. */
  public InputDependentSsm(String name, int dModel, int dState, SplittableRandom rng) {
    this(name, dModel, dState, TransitionNorm.INF, rng);
  }

  /** An IDS4 layer on {@code dModel} channels with a shared state of size {@code dState}. */
  public InputDependentSsm(String name, int dModel, int dState, TransitionNorm norm,
      SplittableRandom rng) {
    this.d = dModel;
    this.n = dState;
    this.norm = norm;
    aProj = new Linear(name + ".A_proj", d, n * n, true, rng);
    float std = (1 - A0_SCALE) / (float) (2 * Math.sqrt((double) d * n));
    Init.uniform(aProj.weight().data(), (float) (std * Math.sqrt(3)), rng);
    Init.constant(aProj.bias().data(), 0f);
    for (int i = 0; i < n; i++) {
      aProj.bias().data()[i * n + i] = A0_SCALE;
    }
    bProj = new Linear(name + ".B_proj", d, n, false, rng);
    cProj = new Linear(name + ".C_proj", n, d, false, rng);
    dSkip = new Parameter(name + ".D", false, d);
    Init.normal(dSkip.data(), 1f, rng);
    params.addAll(aProj.parameters());
    params.addAll(bProj.parameters());
    params.addAll(cProj.parameters());
    params.add(dSkip);
    scan = DenseScan.of(n);
  }

  /** The state size N. */
  public int stateSize() {
    return n;
  }

  /**
   * A'(x)ᵀ (A(x)ᵀ with {@code none}) for each row of the last forward, (rows, N, N); a view of the layer's buffer, for
   * checks.
   */
  float[] transitions() {
    return m;
  }

  /** s_t for each row of the last forward (1 where unscaled or with {@code none}); for checks. */
  float[] scales() {
    return scale;
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
    this.x = x;
    this.batch = batch;
    this.len = len;
    int rows = batch * len;
    m = aProj.forward(x, batch, len);
    float[] b = bProj.forward(x, batch, len);
    h = Buffers.ensure(h, rows * n);
    scale = Buffers.ensure(scale, rows);
    arg = Buffers.ensure(arg, rows);
    float[] mm = m;
    boolean inf = norm == TransitionNorm.INF;
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int s = b0; s < b1; s++) {
        if (inf) {
          scan.normalize(len, n, mm, s * len * n * n, scale, arg, s * len);
        }
        scan.forward(len, n, mm, s * len * n * n, b, s * len * n, h);
      }
    });
    float[] c = cProj.forward(h, batch, len);
    y = Buffers.ensure(y, rows * d);
    float[] skip = dSkip.data();
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < d; i++) {
        y[r * d + i] = c[r * d + i] + skip[i] * x[r * d + i];
      }
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    int rows = batch * len;
    float[] skip = dSkip.data();
    float[] gSkip = dSkip.grad();
    dx = Buffers.ensure(dx, rows * d);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < d; i++) {
        gSkip[i] += dy[r * d + i] * x[r * d + i];
        dx[r * d + i] = skip[i] * dy[r * d + i];
      }
    }
    g = Buffers.ensure(g, rows * n);
    System.arraycopy(cProj.backward(dy), 0, g, 0, rows * n);
    dm = Buffers.ensure(dm, rows * n * n);
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int s = b0; s < b1; s++) {
        scan.backward(len, n, m, s * len * n * n, h, s * len * n, g, dm);
        if (norm == TransitionNorm.INF) {
          scan.normalizeBackward(len, n, m, s * len * n * n, scale, arg, s * len, dm);
        }
      }
    });
    float[] dxA = aProj.backward(dm);
    float[] dxB = bProj.backward(g);
    for (int i = 0; i < rows * d; i++) {
      dx[i] += dxA[i] + dxB[i];
    }
    return dx;
  }
}
