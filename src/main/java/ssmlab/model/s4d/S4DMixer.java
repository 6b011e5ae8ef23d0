package ssmlab.model.s4d;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nn.Buffers;
import ssmlab.nn.Init;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Parameter;
import ssmlab.tensor.Activations;
import ssmlab.tensor.Parallel;
import ssmlab.tensor.Simd;

/**
 * The S4D block of the S4D paper's standalone model, without dropout: a diagonal LTI SSM per
 * channel (S4D-Real init, ZOH), GELU (tanh form), then a position-wise {@code out_proj} to 2H
 * followed by a GLU, as a layer (batch, L, H) to (batch, L, H).
 *
 * <p>Parameters (prefix {@code <name>}): {@code log_dt} (H), log-uniform in [1e-3, 1e-1];
 * {@code A_log} (H, N) = log(n+1), so A = -(n+1); {@code B} (H, N) = 1; {@code C} (H, N) ~
 * N(0, 1/2); {@code D} (H) ~ N(0, 1); {@code out_proj.weight} (2H, H) and {@code out_proj.bias}.
 * Training uses the convolution form; {@link #recurrentForward} gives the same output.
 */
public final class S4DMixer implements Layer {

  /** Fewest elements of the element-wise loops worth handing to another thread. */
  private static final int MIN_PARALLEL = 1 << 14;

  private final int h;
  private final int n;
  private final Parameter logDt;
  private final Parameter aLog;
  private final Parameter b;
  private final Parameter c;
  private final Parameter dSkip;
  private final Linear outProj;
  private final List<Parameter> params = new ArrayList<>();

  private float[] u;
  private int batch;
  private int len;
  private S4DKernel.Discrete discrete; // of the last forward pass, for the backward
  private float[] k;
  private float[] y;
  private float[] act;
  private float[] geluS; // GELU's gate σ(2u) per element, kept for the backward pass
  private float[] gluS; // the GLU's σ(b) per element, kept for the backward pass
  private float[] proj;
  private float[] out;
  private float[] dProj;
  private float[] dy;
  private float[] du;
  private float[] dk;

  /** An S4D mixer on {@code dModel} channels with {@code dState} states each. */
  public S4DMixer(String name, int dModel, int dState, SplittableRandom rng) {
    this.h = dModel;
    this.n = dState;
    logDt = new Parameter(name + ".log_dt", false, h);
    double lo = Math.log(1e-3);
    double hi = Math.log(1e-1);
    for (int i = 0; i < h; i++) {
      logDt.data()[i] = (float) (rng.nextDouble() * (hi - lo) + lo);
    }
    aLog = new Parameter(name + ".A_log", false, h, n);
    for (int i = 0; i < h * n; i++) {
      aLog.data()[i] = (float) Math.log(i % n + 1);
    }
    b = new Parameter(name + ".B", false, h, n);
    Init.constant(b.data(), 1f);
    c = new Parameter(name + ".C", false, h, n);
    Init.normal(c.data(), (float) Math.sqrt(0.5), rng);
    dSkip = new Parameter(name + ".D", false, h);
    Init.normal(dSkip.data(), 1f, rng);
    outProj = new Linear(name + ".out_proj", h, 2 * h, true, rng);
    params.addAll(List.of(logDt, aLog, b, c, dSkip));
    params.addAll(outProj.parameters());
  }

  @Override
  public int inputDim() {
    return h;
  }

  @Override
  public int outputDim() {
    return h;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }

  private S4DKernel.Discrete discrete() {
    return S4DKernel.discretize(logDt.data(), aLog.data(), b.data(), c.data(), h, n);
  }

  /** The SSM output before GELU in recurrent form (Definitions A.5-A.6), for checking. */
  public float[] recurrentForward(float[] x, int batch, int len) {
    float[] ys = new float[batch * len * h];
    S4DKernel.recurrent(discrete(), dSkip.data(), x, ys, batch, len, h, n);
    return ys;
  }

  /** The SSM output before GELU in convolution form (Definitions A.7-A.8), for checking. */
  public float[] convolutionForward(float[] x, int batch, int len) {
    float[] ys = new float[batch * len * h];
    S4DKernel.convolve(S4DKernel.kernel(discrete(), h, n, len), dSkip.data(), x, ys, batch, len,
        h);
    return ys;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.u = x;
    this.batch = batch;
    this.len = len;
    int m = batch * len * h;
    y = Buffers.ensure(y, m);
    act = Buffers.ensure(act, m);
    out = Buffers.ensure(out, m);
    discrete = discrete();
    k = S4DKernel.kernel(discrete, h, n, len);
    if (Simd.ENABLED) {
      S4DConvolution.forward(k, dSkip.data(), x, y, batch, len, h);
    } else {
      S4DKernel.convolve(k, dSkip.data(), x, y, batch, len, h);
    }
    geluS = Buffers.ensure(geluS, m);
    gluS = Buffers.ensure(gluS, m);
    float[] act = this.act;
    float[] geluS = this.geluS;
    Parallel.forRange(m, MIN_PARALLEL, (i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        float s = Activations.geluGate(y[i]);
        geluS[i] = s;
        act[i] = y[i] * s;
      }
    });
    float[] proj = outProj.forward(act, batch, len);
    this.proj = proj;
    float[] out = this.out;
    float[] gluS = this.gluS;
    Parallel.forRange(batch * len, MIN_PARALLEL / h + 1, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        for (int i = 0; i < h; i++) {
          float s = Activations.sigmoid(proj[r * 2 * h + h + i]);
          gluS[r * h + i] = s;
          out[r * h + i] = proj[r * 2 * h + i] * s;
        }
      }
    });
    return out;
  }

  @Override
  public float[] backward(float[] dOut) {
    int rows = batch * len;
    int m = rows * h;
    dProj = Buffers.ensure(dProj, 2 * m);
    float[] dProj = this.dProj;
    Parallel.forRange(rows, MIN_PARALLEL / h + 1, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        for (int i = 0; i < h; i++) {
          float a = proj[r * 2 * h + i];
          float s = gluS[r * h + i];
          float g = dOut[r * h + i];
          dProj[r * 2 * h + i] = g * s;
          dProj[r * 2 * h + h + i] = g * a * s * (1 - s);
        }
      }
    });
    float[] dAct = outProj.backward(dProj);
    dy = Buffers.ensure(dy, m);
    float[] dy = this.dy;
    Parallel.forRange(m, MIN_PARALLEL, (i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dy[i] = dAct[i] * Activations.geluDerivative(y[i], geluS[i]);
      }
    });
    du = Buffers.ensure(du, m);
    dk = new float[h * len];
    if (Simd.ENABLED) {
      S4DConvolution.backward(k, dSkip.data(), u, dy, du, dk, dSkip.grad(), batch, len, h);
    } else {
      S4DKernel.convolveBackward(k, dSkip.data(), u, dy, du, dk, dSkip.grad(), batch, len, h);
    }
    S4DKernel.kernelBackward(dk, discrete, b.data(), c.data(), logDt.grad(), aLog.grad(),
        b.grad(), c.grad(), h, n, len);
    return du;
  }
}
