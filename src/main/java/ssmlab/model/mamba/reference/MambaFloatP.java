package ssmlab.model.mamba.reference;

import java.util.ArrayList;
import java.util.List;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPArray;
import ssmlab.fp.FloatPIterated;
import ssmlab.fp.FloatPMemo;
import ssmlab.fp.FloatPScan;
import ssmlab.model.mamba.Discretization;

/**
 * {@link MambaReference}'s forward in F_p with the sequential scan, bit for bit, computed in bulk
 * over {@link FloatPArray}s: every vector of the model is one array, every matrix-vector product
 * one {@link FloatPIterated#matVec} (each entry one iterated sum of rounded products, bias
 * included), the scan one {@link FloatPScan#step} per position, the scan's decay, softplus and
 * SiLU through {@link FloatPMemo}. The same operations
 * round in the same places as the reference's; only their bookkeeping differs. Thread-safe: each
 * call to {@link #logits} has its own buffers.
 */
public final class MambaFloatP {
  /** The memo tables hold 2^14 results per function. */
  private static final int MEMO_BITS = 14;

  private final FloatPArithmetic ar;
  private final FloatFormat f;
  private final MambaWeights w;
  private final int vocab;
  private final FloatPArray embedding;
  private final FloatPArray head;
  private final FloatPArray normF;
  private final List<Block> blocks = new ArrayList<>();
  private final FloatP eps;
  private final FloatP one;
  private final FloatP two;
  private final FloatP dModel;

  /** Whether this forward computes {@code MambaReference(ar, w, form)}: p <= 62, sequential. */
  public static boolean supports(FloatFormat format, ScanForm form) {
    return format.p() <= 62 && form == ScanForm.SEQUENTIAL;
  }

  /** The weights as constants of {@code ar}'s format, as {@link MambaReference} makes them. */
  public MambaFloatP(FloatPArithmetic ar, MambaWeights w) {
    if (!supports(ar.format(), ScanForm.SEQUENTIAL)) {
      throw new IllegalArgumentException("the bulk F_p forward needs p <= 62, got "
          + ar.format());
    }
    this.ar = ar;
    this.f = ar.format();
    this.w = w;
    embedding = matrix(w.embedding());
    head = w.lmHead() == null ? embedding : matrix(w.lmHead());
    vocab = w.head().length;
    normF = vector(w.normF());
    for (MambaWeights.Layer l : w.layers()) {
      int kernel = l.conv()[0].length;
      FloatPArray[] convCols = new FloatPArray[kernel];
      for (int k = 0; k < kernel; k++) {
        double[] col = new double[l.conv().length];
        for (int d = 0; d < col.length; d++) {
          col[d] = l.conv()[d][k];
        }
        convCols[k] = vector(col);
      }
      blocks.add(new Block(vector(l.norm()), matrix(l.inProj()), vector(l.inProjBias()),
          convCols, vector(l.convBias()), matrix(l.xProj()), matrix(l.dtProj()),
          vector(l.dtBias()), matrix(l.A()), vector(l.D()), matrix(l.outProj()),
          vector(l.outProjBias())));
    }
    eps = ar.positive(w.config().normEpsilon());
    one = ar.one();
    two = ar.constant(2);
    dModel = ar.constant(w.config().dModel());
  }

  public FloatPArithmetic arithmetic() {
    return ar;
  }

  public MambaWeights weights() {
    return w;
  }

  /** The logits of a token sequence, (length * vocab) row-major. */
  public FloatPArray logits(int[] tokens) {
    var run = new Run();
    int d = w.config().dModel();
    int n = tokens.length;
    FloatPArray[] r = new FloatPArray[n];
    for (int t = 0; t < n; t++) {
      if (tokens[t] < 0 || tokens[t] >= vocab) {
        throw new IllegalArgumentException("token " + tokens[t] + " outside the vocabulary of "
            + vocab);
      }
      r[t] = FloatPArray.zeros(f, d);
      FloatPArray.copy(embedding, tokens[t] * d, r[t], 0, d);
    }
    for (Block b : blocks) {
      FloatPArray[] normed = new FloatPArray[n];
      for (int t = 0; t < n; t++) {
        normed[t] = run.rmsNorm(r[t], b.norm);
      }
      FloatPArray[] out = run.mixer(b, normed);
      for (int t = 0; t < n; t++) {
        FloatPArray.add(r[t], out[t], r[t]);
      }
    }
    FloatPArray logits = FloatPArray.zeros(f, n * vocab);
    FloatPArray row = FloatPArray.zeros(f, vocab);
    for (int t = 0; t < n; t++) {
      FloatPIterated.matVec(head, run.rmsNorm(r[t], normF), null, row);
      FloatPArray.copy(row, 0, logits, t * vocab, vocab);
    }
    return logits;
  }

  /** Each thread's function memos, kept from one sequence to the next (pure functions). */
  private final ThreadLocal<Memos> memos = ThreadLocal.withInitial(Memos::new);

  /**
   * The scan's decay of x = delta * A, softplus and SiLU of {@link #ar}, remembered, and ZOH's
   * round_p(exp(x) - 1) (null for Mamba's discretization).
   */
  private final class Memos {
    final FloatPMemo decay = new FloatPMemo(f,
        x -> w.config().eigenvalues().deltaA(ar, ar.exp(x), one, two), MEMO_BITS);
    final FloatPMemo expm1 = w.config().discretization() == Discretization.MAMBA ? null
        : new FloatPMemo(f, x -> ar.subtract(ar.exp(x), one), MEMO_BITS);
    final FloatPMemo softplus = new FloatPMemo(f, ar::softplus, MEMO_BITS);
    final FloatPMemo silu = new FloatPMemo(f, ar::silu, MEMO_BITS);
  }

  /** One call's buffers and function memos. */
  private final class Run {
    private final Memos memo = memos.get();
    private final FloatPMemo softplus = memo.softplus;
    private final FloatPMemo silu = memo.silu;
    private final FloatPArray square = FloatPArray.zeros(f, 1);

    /** x * weight / sqrt(mean(x^2) + eps), each output one product of three factors. */
    FloatPArray rmsNorm(FloatPArray x, FloatPArray weight) {
      FloatPIterated.matVec(x, x, null, square);
      FloatP meanSquare = ar.divide(square.get(0), dModel);
      FloatP rs = ar.divide(one, ar.sqrt(ar.add(meanSquare, eps)));
      FloatPArray scale = FloatPArray.zeros(f, x.length());
      scale.fill(0, x.length(), rs);
      FloatPArray y = FloatPArray.zeros(f, x.length());
      FloatPIterated.product(x, scale, weight, y);
      return y;
    }

    FloatPArray[] mixer(Block b, FloatPArray[] h) {
      int n = h.length;
      int dInner = w.config().dInner();
      int dState = w.config().dState();
      int dtRank = w.config().dtRank();
      int cells = dInner * dState;
      FloatPArray[] x = new FloatPArray[n];
      FloatPArray[] z = new FloatPArray[n];
      FloatPArray xz = FloatPArray.zeros(f, 2 * dInner);
      for (int t = 0; t < n; t++) {
        FloatPIterated.matVec(b.inProj, h[t], b.inProjBias, xz);
        x[t] = FloatPArray.zeros(f, dInner);
        z[t] = FloatPArray.zeros(f, dInner);
        FloatPArray.copy(xz, 0, x[t], 0, dInner);
        FloatPArray.copy(xz, dInner, z[t], 0, dInner);
      }
      FloatPArray u = FloatPArray.zeros(f, dInner);
      FloatPArray dbc = FloatPArray.zeros(f, dtRank + 2 * dState);
      FloatPArray dt = FloatPArray.zeros(f, dtRank);
      FloatPArray bt = FloatPArray.zeros(f, dState);
      FloatPArray c = FloatPArray.zeros(f, dState);
      FloatPArray delta = FloatPArray.zeros(f, dInner);
      FloatPArray state = FloatPArray.zeros(f, cells); // h_t, (d_inner, d_state)
      FloatPArray du = FloatPArray.zeros(f, dInner);
      FloatPArray gated = FloatPArray.zeros(f, dInner);
      FloatPArray gate = FloatPArray.zeros(f, dInner);
      FloatPArray[] out = new FloatPArray[n];
      for (int t = 0; t < n; t++) {
        conv(b, x, t, u);
        silu.apply(u, u);
        FloatPIterated.matVec(b.xProj, u, null, dbc);
        FloatPArray.copy(dbc, 0, dt, 0, dtRank);
        FloatPArray.copy(dbc, dtRank, bt, 0, dState);
        FloatPArray.copy(dbc, dtRank + dState, c, 0, dState);
        FloatPIterated.matVec(b.dtProj, dt, b.dtBias, delta);
        softplus.apply(delta, delta);
        FloatPScan.step(delta, b.A, bt, u, memo.decay, memo.expm1, t == 0, state);
        FloatPArray.multiply(b.D, u, du);
        FloatPIterated.matVec(state, c, du, gated);
        silu.apply(z[t], gate);
        FloatPArray.multiply(gated, gate, gated);
        out[t] = FloatPArray.zeros(f, w.config().dModel());
        FloatPIterated.matVec(b.outProj, gated, b.outProjBias, out[t]);
      }
      return out;
    }

    /** Channel-wise causal convolution at position t: bias + sum_k w[k] x[t - (K-1) + k]. */
    private void conv(Block b, FloatPArray[] x, int t, FloatPArray out) {
      int kernel = b.convCols.length;
      List<FloatPArray> terms = new ArrayList<>(kernel + 1);
      for (int k = 0; k < kernel; k++) {
        int src = t - (kernel - 1) + k;
        if (src >= 0) {
          FloatPArray p = FloatPArray.zeros(f, out.length());
          FloatPArray.multiply(b.convCols[k], x[src], p);
          terms.add(p);
        }
      }
      if (b.convBias != null) {
        terms.add(b.convBias);
      }
      FloatPIterated.sum(terms, out);
    }
  }

  private FloatPArray vector(double[] v) {
    if (v == null) {
      return null;
    }
    FloatPArray a = FloatPArray.zeros(f, v.length);
    for (int i = 0; i < v.length; i++) {
      a.set(i, ar.constant(v[i]));
    }
    return a;
  }

  /** A (rows, cols) matrix, row-major. */
  private FloatPArray matrix(double[][] m) {
    int cols = m[0].length;
    FloatPArray a = FloatPArray.zeros(f, m.length * cols);
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < cols; c++) {
        a.set(r * cols + c, ar.constant(m[r][c]));
      }
    }
    return a;
  }

  /** One block's weights; {@code convCols[k]} is column k of conv1d (d_inner). */
  private record Block(FloatPArray norm, FloatPArray inProj, FloatPArray inProjBias,
      FloatPArray[] convCols, FloatPArray convBias, FloatPArray xProj, FloatPArray dtProj,
      FloatPArray dtBias, FloatPArray A, FloatPArray D, FloatPArray outProj,
      FloatPArray outProjBias) {}
}
