package ssmlab.model.mamba;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nn.Buffers;
import ssmlab.nn.Init;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Parameter;
import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * The Mamba-1 mixer (mamba_simple.py, slow path), a layer (batch, L, d_model) to (batch, L,
 * d_model):
 *
 * <pre>
 * x, z   = split(in_proj(h))                  x, z: (L, d_inner)
 * u      = silu(conv1d(x))                    causal depthwise, kernel d_conv
 * dt, B, C = split(x_proj(u), [dt_rank, N, N])
 * delta  = softplus(dt_proj(dt))              dt_proj's bias is the scan's delta_bias
 * A      = -exp(A_log)
 * y      = selective_scan(u, delta, A, B, C, D) * silu(z)
 * out    = out_proj(y)
 * </pre>
 *
 * In the paper's terms (Definition 3.24): {@code O((SSM_select . Z . C . L)(X) (x) (Z . L)(X))},
 * with the selection functions of Definition 3.21 computed per token as the code does.
 *
 * <p>Parameters (prefix {@code <name>}): {@code in_proj.weight}, {@code conv1d.weight},
 * {@code conv1d.bias}, {@code x_proj.weight}, {@code dt_proj.weight}, {@code dt_proj.bias},
 * {@code A_log}, {@code D}, {@code out_proj.weight}, initialised as mamba_simple.py does.
 */
public final class MambaMixer implements Layer {

  private final MambaConfig cfg;
  private final int dModel;
  private final int dInner;
  private final int dState;
  private final int dtRank;
  private final int dConv;
  private final Linear inProj;
  private final Parameter convWeight;
  private final Parameter convBias; // null without conv bias
  private final Linear xProj;
  private final Linear dtProj;
  private final Parameter aLog;
  private final Parameter dSkip;
  private final Linear outProj;
  private final List<Parameter> params = new ArrayList<>();

  private SelectiveScan scan;
  private int scanLen;
  private int batch;
  private int len;
  // forward caches, (rows, d_inner) unless noted
  private float[] xPre;
  private float[] z;
  private float[] xConv;
  private float[] u;
  private float[] dtLow; // (rows, dt_rank)
  private float[] bm;    // (rows, N)
  private float[] cm;    // (rows, N)
  private float[] dtRaw;
  private float[] delta;
  private float[] a;     // (d_inner, N) = -exp(A_log)
  private float[] states; // rows * d_inner * N, the scan kernel's layout
  private float[] y;
  private float[] gated;
  // backward buffers
  private float[] du;
  private float[] dDelta;
  private float[] dA;
  private float[] dB;
  private float[] dC;
  private float[] dz;
  private float[] dDbc;
  private float[] dXz;
  private float[] dxPre;

  /**
   * A mixer initialised as the reference code does; {@code nLayer} rescales out_proj by
   * {@code 1/sqrt(n_layer)} (mixer_seq_simple.py {@code rescale_prenorm_residual}).
   *
   * @param name parameter prefix, e.g. {@code backbone.layers.0.mixer}
   */
  public MambaMixer(String name, MambaConfig cfg, SplittableRandom rng) {
    this.cfg = cfg;
    this.dModel = cfg.dModel();
    this.dInner = cfg.dInner();
    this.dState = cfg.dState();
    this.dtRank = cfg.dtRank();
    this.dConv = cfg.dConv();
    inProj = new Linear(name + ".in_proj", dModel, 2 * dInner, cfg.bias(), rng);
    convWeight = new Parameter(name + ".conv1d.weight", true, dInner, 1, dConv);
    float convBound = (float) (1 / Math.sqrt(dConv));
    Init.uniform(convWeight.data(), convBound, rng);
    if (cfg.convBias()) {
      convBias = new Parameter(name + ".conv1d.bias", false, dInner);
      Init.uniform(convBias.data(), convBound, rng);
    } else {
      convBias = null;
    }
    xProj = new Linear(name + ".x_proj", dInner, dtRank + 2 * dState, false, rng);
    dtProj = new Linear(name + ".dt_proj", dtRank, dInner, true, rng);
    initDt(rng);
    aLog = new Parameter(name + ".A_log", false, dInner, dState);
    for (int d = 0; d < dInner; d++) {
      for (int n = 0; n < dState; n++) {
        aLog.data()[d * dState + n] = (float) Math.log(n + 1); // S4D-real: A = -(n+1)
      }
    }
    dSkip = new Parameter(name + ".D", false, dInner);
    Init.constant(dSkip.data(), 1f);
    outProj = new Linear(name + ".out_proj", dInner, dModel, cfg.bias(), rng);
    float rescale = (float) (1 / Math.sqrt(cfg.nLayer()));
    for (int i = 0; i < outProj.weight().size(); i++) {
      outProj.weight().data()[i] *= rescale;
    }
    params.addAll(inProj.parameters());
    params.add(convWeight);
    if (convBias != null) {
      params.add(convBias);
    }
    params.addAll(xProj.parameters());
    params.addAll(dtProj.parameters());
    params.add(aLog);
    params.add(dSkip);
    params.addAll(outProj.parameters());
  }

  /**
   * dt_proj as mamba_simple.py: weight U(-s, s) with s = dt_rank^-0.5 * dt_scale (or the constant
   * s), bias = softplus^-1(dt) with dt log-uniform in [dt_min, dt_max], floored at dt_init_floor.
   */
  private void initDt(SplittableRandom rng) {
    float s = (float) (Math.pow(dtRank, -0.5) * cfg.dtScale());
    if (cfg.dtInit().equals("constant")) {
      Init.constant(dtProj.weight().data(), s);
    } else {
      Init.uniform(dtProj.weight().data(), s, rng);
    }
    float[] bias = dtProj.bias().data();
    double lo = Math.log(cfg.dtMin());
    double hi = Math.log(cfg.dtMax());
    for (int d = 0; d < dInner; d++) {
      double dt = Math.max(Math.exp(rng.nextDouble() * (hi - lo) + lo), cfg.dtInitFloor());
      bias[d] = (float) (dt + Math.log(-Math.expm1(-dt))); // inverse softplus
    }
  }

  @Override
  public int inputDim() {
    return dModel;
  }

  @Override
  public int outputDim() {
    return dModel;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }

  @Override
  public float[] forward(float[] h, int batch, int len) {
    this.batch = batch;
    this.len = len;
    int rows = batch * len;
    allocate(rows);
    float[] xz = inProj.forward(h, batch, len);
    split(xz, 2 * dInner, xPre, 0, dInner, rows);
    split(xz, 2 * dInner, z, dInner, dInner, rows);
    CausalConv1d.forward(xPre, convWeight.data(), convBias == null ? null : convBias.data(),
        xConv, batch, len, dInner, dConv);
    rows(rows, (o, n) -> Kernels.silu(xConv, o, u, o, n));
    int dbcWidth = dtRank + 2 * dState;
    float[] dbc = xProj.forward(u, batch, len);
    split(dbc, dbcWidth, dtLow, 0, dtRank, rows);
    split(dbc, dbcWidth, bm, dtRank, dState, rows);
    split(dbc, dbcWidth, cm, dtRank + dState, dState, rows);
    float[] raw = dtProj.forward(dtLow, batch, len);
    System.arraycopy(raw, 0, dtRaw, 0, rows * dInner);
    rows(rows, (o, n) -> Kernels.softplus(dtRaw, o, delta, o, n));
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) -Math.exp(aLog.data()[i]);
    }
    scan.forward(batch, u, delta, a, bm, cm, dSkip.data(), z, states, y, gated);
    return outProj.forward(gated, batch, len);
  }

  @Override
  public float[] backward(float[] dOut) {
    int rows = batch * len;
    float[] dGated = outProj.backward(dOut);
    Arrays.fill(dA, 0f);
    scan.backward(batch, u, delta, a, bm, cm, dSkip.data(), z, states, y, dGated,
        du, dDelta, dA, dB, dC, dSkip.grad(), dz);
    float[] gA = aLog.grad();
    for (int i = 0; i < dA.length; i++) {
      gA[i] += dA[i] * a[i]; // dA/dA_log = -exp(A_log) = A
    }
    rows(rows, (o, n) -> Kernels.softplusBackward(dtRaw, o, dDelta, o, dDelta, o, n, false));
    float[] dDtLow = dtProj.backward(dDelta);
    int dbcWidth = dtRank + 2 * dState;
    merge(dDtLow, dtRank, dDbc, dbcWidth, 0, rows);
    merge(dB, dState, dDbc, dbcWidth, dtRank, rows);
    merge(dC, dState, dDbc, dbcWidth, dtRank + dState, rows);
    float[] duFromProj = xProj.backward(dDbc);
    rows(rows, (o, n) -> {
      Kernels.axpy(1f, duFromProj, o, du, o, n);
      Kernels.siluBackward(xConv, o, du, o, du, o, n, false);
    });
    CausalConv1d.backward(xPre, convWeight.data(), du, dxPre, convWeight.grad(),
        convBias == null ? null : convBias.grad(), batch, len, dInner, dConv);
    merge(dxPre, dInner, dXz, 2 * dInner, 0, rows);
    merge(dz, dInner, dXz, 2 * dInner, dInner, rows);
    return inProj.backward(dXz);
  }

  private void allocate(int rows) {
    if (scan == null || scanLen != len) {
      scan = scan == null
          ? new SelectiveScan(len, dInner, dState, cfg.eigenvalues(), cfg.discretization())
          : scan.forLength(len);
      scanLen = len;
    }
    int ri = rows * dInner;
    xPre = Buffers.atLeast(xPre, ri);
    z = Buffers.atLeast(z, ri);
    xConv = Buffers.atLeast(xConv, ri);
    u = Buffers.atLeast(u, ri);
    dtLow = Buffers.atLeast(dtLow, rows * dtRank);
    bm = Buffers.atLeast(bm, rows * dState);
    cm = Buffers.atLeast(cm, rows * dState);
    dtRaw = Buffers.atLeast(dtRaw, ri);
    delta = Buffers.atLeast(delta, ri);
    a = Buffers.ensure(a, dInner * dState);
    states = Buffers.atLeast(states, ri * dState);
    y = Buffers.atLeast(y, ri);
    gated = Buffers.atLeast(gated, ri);
    du = Buffers.atLeast(du, ri);
    dDelta = Buffers.atLeast(dDelta, ri);
    dA = Buffers.ensure(dA, dInner * dState);
    dB = Buffers.atLeast(dB, rows * dState);
    dC = Buffers.atLeast(dC, rows * dState);
    dz = Buffers.atLeast(dz, ri);
    dDbc = Buffers.atLeast(dDbc, rows * (dtRank + 2 * dState));
    dXz = Buffers.atLeast(dXz, rows * 2 * dInner);
    dxPre = Buffers.atLeast(dxPre, ri);
  }

  /** An elementwise body over (offset, count) of a (rows, d_inner) array. */
  @FunctionalInterface
  private interface Span {
    void run(int offset, int count);
  }

  /** Runs an elementwise body over (rows, d_inner) in parallel, in row blocks. */
  private void rows(int rows, Span body) {
    Parallel.forRange(rows, 64, (r0, r1) -> body.run(r0 * dInner, (r1 - r0) * dInner));
  }

  /** Copies columns [from, from+width) of src (rows, srcWidth) into dst (rows, width). */
  private static void split(float[] src, int srcWidth, float[] dst, int from, int width,
      int rows) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, r * srcWidth + from, dst, r * width, width);
    }
  }

  /** Copies src (rows, width) into columns [at, at+width) of dst (rows, dstWidth). */
  private static void merge(float[] src, int width, float[] dst, int dstWidth, int at,
      int rows) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, r * width, dst, r * dstWidth + at, width);
    }
  }
}
