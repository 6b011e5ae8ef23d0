package ssmlab.model.mamba.reference;

import java.util.ArrayList;
import java.util.List;
import ssmlab.arith.Arithmetic;
import ssmlab.arith.ReferenceLayers;

/**
 * Mamba's forward pass, written once against an {@link Arithmetic}: the same model as the engine's
 * {@code MambaLM}, in the number system {@code T}. Every weight enters through
 * {@link Arithmetic#constant}; every matrix-vector product entry is one iterated sum of rounded
 * products (bias included); products of three factors are one iterated product.
 *
 * <p>Per block (Definitions 3.17-3.24; mamba_simple.py), on the normalised residual stream:
 * <pre>
 * x, z    = in_proj(h)                       Definition 3.21's selection inputs
 * u       = SiLU(conv1d(x))                  Definitions 3.18-3.19, causal, kernel d_conv
 * dt, B, C = x_proj(u);  delta = softplus(dt_proj(dt))          Definitions 3.20-3.21
 * deltaA  = exp(delta A)   (or 2 exp(delta A) - 1 for eigenvalues in [-1, 1])  Definition A.4
 * deltaBu = delta B u      (or (exp(delta A) - 1)/A B u, exact ZOH)
 * h_t     = deltaA_t h_(t-1) + deltaBu_t       (ScanForm: sequential or unrolled)
 * y       = C . h_t + D u,  out = out_proj(y SiLU(z))          Definitions 3.22-3.24
 * </pre>
 * and {@code r = r + out}; then RMSNorm and the head, tied to the embedding. RMSNorm's epsilon
 * enters through {@link Arithmetic#positive}: a format too narrow for 1e-5 uses its smallest
 * positive number, so the norm never divides by zero.
 *
 * @param <T> the number type of the arithmetic
 */
public final class MambaReference<T> {
  private final Arithmetic<T> ar;
  private final MambaWeights w;
  private final ScanForm form;
  private final List<List<T>> embedding;
  private final List<List<T>> head;
  private final List<T> normF;
  private final List<Block<T>> blocks = new ArrayList<>();
  private final ReferenceLayers<T> layers;
  private final T one;
  private final T two;

  /** The weights as constants of {@code T}; one model for any number of sequences. */
  public MambaReference(Arithmetic<T> ar, MambaWeights w, ScanForm form) {
    this.ar = ar;
    this.w = w;
    this.form = form;
    layers = new ReferenceLayers<>(ar, w.config().dModel(), w.config().normEpsilon());
    embedding = matrix(w.embedding());
    head = w.lmHead() == null ? embedding : matrix(w.lmHead());
    normF = vector(w.normF());
    for (MambaWeights.Layer l : w.layers()) {
      blocks.add(new Block<>(vector(l.norm()), matrix(l.inProj()), vector(l.inProjBias()),
          matrix(l.conv()), vector(l.convBias()), matrix(l.xProj()), matrix(l.dtProj()),
          vector(l.dtBias()), matrix(l.A()), vector(l.D()), matrix(l.outProj()),
          vector(l.outProjBias())));
    }
    one = ar.one();
    two = ar.constant(2);
  }

  public Arithmetic<T> arithmetic() {
    return ar;
  }

  public ScanForm form() {
    return form;
  }

  public MambaWeights weights() {
    return w;
  }

  /** The embedding row of {@code token}: the model's input at one position. */
  public List<T> embed(int token) {
    return ReferenceLayers.embed(embedding, token);
  }

  /** The logits (length, vocab) of a token sequence. */
  public List<List<T>> logits(int[] tokens) {
    return forward(ReferenceLayers.embed(embedding, tokens));
  }

  /** The logits (length, vocab) of an embedded sequence (length, d_model). */
  public List<List<T>> forward(List<List<T>> embedded) {
    return layers.residualStack(embedded, blocks, Block::norm, this::mixer, normF, head);
  }

  /**
   * The logits of an embedded sequence whose first block's {@link Position}s are given (one a
   * position, as {@link #firstPositions} computes them): the first block's RMSNorm, in_proj,
   * convolution and selection are not evaluated again, the rest is {@link #forward}'s.
   */
  public List<List<T>> forward(List<List<T>> embedded, List<Position<T>> firstBlock) {
    List<List<T>> out = scan(blocks.getFirst(), firstBlock);
    List<List<T>> r = new ArrayList<>(embedded.size());
    for (int t = 0; t < embedded.size(); t++) {
      r.add(layers.add(embedded.get(t), out.get(t)));
    }
    return layers.residualStack(r, blocks.subList(1, blocks.size()), Block::norm, this::mixer,
        normF, head);
  }

  /**
   * The first block's {@link Position}s of an embedded sequence: position t depends on the
   * embedded rows t - d_conv + 1 .. t only, so the last of them, on a window of at most d_conv
   * rows, is what that position computes in any longer sequence.
   */
  public List<Position<T>> firstPositions(List<List<T>> embedded) {
    Block<T> b = blocks.getFirst();
    return positions(b, embedded.stream().map(x -> layers.rmsNorm(x, b.norm)).toList());
  }

  private List<List<T>> mixer(Block<T> b, List<List<T>> h) {
    return scan(b, positions(b, h));
  }

  /** What the scan and the gate take of every position of the normalised stream h. */
  private List<Position<T>> positions(Block<T> b, List<List<T>> h) {
    int n = h.size();
    int dInner = w.config().dInner();
    int dState = w.config().dState();
    int dtRank = w.config().dtRank();
    List<List<T>> x = new ArrayList<>(n);
    List<List<T>> z = new ArrayList<>(n);
    for (List<T> ht : h) {
      List<T> xz = linear(b.inProj, ht, b.inProjBias);
      x.add(xz.subList(0, dInner));
      z.add(xz.subList(dInner, 2 * dInner));
    }
    List<Position<T>> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<T> u = conv(b, x, t).stream().map(ar::silu).toList();
      List<T> dbc = linear(b.xProj, u, null);
      List<T> bt = dbc.subList(dtRank, dtRank + dState);
      List<T> delta = linear(b.dtProj, dbc.subList(0, dtRank), b.dtBias).stream()
          .map(ar::softplus).toList();
      List<List<T>> da = new ArrayList<>(dInner);
      List<List<T>> dbu = new ArrayList<>(dInner);
      List<T> du = new ArrayList<>(dInner);
      for (int d = 0; d < dInner; d++) {
        List<T> daRow = new ArrayList<>(dState);
        List<T> dbuRow = new ArrayList<>(dState);
        for (int s = 0; s < dState; s++) {
          T a = b.A.get(d).get(s);
          T e = ar.exp(ar.multiply(delta.get(d), a));
          daRow.add(w.config().eigenvalues().deltaA(ar, e, one, two));
          T scale = w.config().discretization().inputScale(ar, delta.get(d), a, e, one);
          dbuRow.add(ar.product(List.of(scale, bt.get(s), u.get(d))));
        }
        da.add(daRow);
        dbu.add(dbuRow);
        du.add(ar.multiply(b.D.get(d), u.get(d)));
      }
      List<T> gate = z.get(t).stream().map(ar::silu).toList();
      out.add(new Position<>(da, dbu, dbc.subList(dtRank + dState, dtRank + 2 * dState), du,
          gate));
    }
    return out;
  }

  /** The scan over the positions, then y = C . h_t + D u, gated and out_proj'd. */
  private List<List<T>> scan(Block<T> b, List<Position<T>> ps) {
    int n = ps.size();
    int dInner = w.config().dInner();
    int dState = w.config().dState();
    List<List<List<T>>> deltaA = ps.stream().map(Position::deltaA).toList();
    List<List<List<T>>> deltaBu = ps.stream().map(Position::deltaBu).toList();
    List<List<T>> out = new ArrayList<>(n);
    List<List<T>> state = null; // the sequential form's h_(t-1), (d_inner, d_state)
    for (int t = 0; t < n; t++) {
      List<List<T>> ht = form == ScanForm.SEQUENTIAL
          ? stepSequential(state, deltaA.get(t), deltaBu.get(t))
          : unrolled(deltaA, deltaBu, t);
      state = ht;
      Position<T> p = ps.get(t);
      List<T> gated = new ArrayList<>(dInner);
      for (int d = 0; d < dInner; d++) {
        List<T> terms = new ArrayList<>(dState + 1);
        for (int s = 0; s < dState; s++) {
          terms.add(ar.multiply(p.c().get(s), ht.get(d).get(s)));
        }
        terms.add(p.du().get(d));
        gated.add(ar.multiply(ar.sum(terms), p.gate().get(d)));
      }
      out.add(linear(b.outProj, gated, b.outProjBias));
    }
    return out;
  }

  /** h_t = deltaA_t h_(t-1) + deltaBu_t, two roundings per entry; h_0 = deltaBu_0. */
  private List<List<T>> stepSequential(List<List<T>> prev, List<List<T>> da,
      List<List<T>> dbu) {
    if (prev == null) {
      return dbu;
    }
    List<List<T>> h = new ArrayList<>(da.size());
    for (int d = 0; d < da.size(); d++) {
      List<T> row = new ArrayList<>(da.get(d).size());
      for (int s = 0; s < da.get(d).size(); s++) {
        row.add(ar.add(ar.multiply(da.get(d).get(s), prev.get(d).get(s)), dbu.get(d).get(s)));
      }
      h.add(row);
    }
    return h;
  }

  /**
   * h_t = sum_(s <= t) prod(deltaA_(s+1), ..., deltaA_t, deltaBu_s): one iterated product per
   * term and one iterated sum, so every entry rounds t + 2 times at most, whatever t is.
   */
  private List<List<T>> unrolled(List<List<List<T>>> da, List<List<List<T>>> dbu, int t) {
    int dInner = da.get(t).size();
    List<List<T>> h = new ArrayList<>(dInner);
    for (int d = 0; d < dInner; d++) {
      int dState = da.get(t).get(d).size();
      List<T> row = new ArrayList<>(dState);
      for (int n = 0; n < dState; n++) {
        List<T> terms = new ArrayList<>(t + 1);
        for (int s = 0; s <= t; s++) {
          List<T> factors = new ArrayList<>(t - s + 1);
          for (int r = s + 1; r <= t; r++) {
            factors.add(da.get(r).get(d).get(n));
          }
          factors.add(dbu.get(s).get(d).get(n));
          terms.add(ar.product(factors)); // one factor (s = t): itself, exactly
        }
        row.add(ar.sum(terms));
      }
      h.add(row);
    }
    return h;
  }

  /** Channel-wise causal convolution at position t: bias + sum_k w[k] x[t - (K-1) + k]. */
  private List<T> conv(Block<T> b, List<List<T>> x, int t) {
    int kernel = w.config().dConv();
    List<T> out = new ArrayList<>(b.conv.size());
    for (int d = 0; d < b.conv.size(); d++) {
      List<T> terms = new ArrayList<>(kernel + 1);
      for (int k = 0; k < kernel; k++) {
        int src = t - (kernel - 1) + k;
        if (src >= 0) {
          terms.add(ar.multiply(b.conv.get(d).get(k), x.get(src).get(d)));
        }
      }
      if (b.convBias != null) {
        terms.add(b.convBias.get(d));
      }
      out.add(ar.sum(terms));
    }
    return out;
  }

  private List<T> linear(List<List<T>> m, List<T> x, List<T> bias) {
    return layers.linear(m, x, bias);
  }

  private List<T> vector(double[] v) {
    return layers.vector(v);
  }

  private List<List<T>> matrix(double[][] m) {
    return layers.matrix(m);
  }

  /**
   * What one position of a block gives the scan and the gate: deltaA and deltaBu (d_inner,
   * d_state), C (d_state), D u and SiLU(z) (d_inner).
   */
  public record Position<T>(List<List<T>> deltaA, List<List<T>> deltaBu, List<T> c, List<T> du,
      List<T> gate) {

    /** Every number of the position, in a fixed order. */
    public List<T> values() {
      List<T> all = new ArrayList<>();
      deltaA.forEach(all::addAll);
      deltaBu.forEach(all::addAll);
      all.addAll(c);
      all.addAll(du);
      all.addAll(gate);
      return all;
    }

    /** The inverse of {@link #values()} for a model of d_inner and d_state. */
    public static <T> Position<T> of(List<T> values, int dInner, int dState) {
      int k = 0;
      List<List<T>> da = new ArrayList<>(dInner);
      List<List<T>> dbu = new ArrayList<>(dInner);
      for (int d = 0; d < dInner; d++, k += dState) {
        da.add(values.subList(k, k + dState));
      }
      for (int d = 0; d < dInner; d++, k += dState) {
        dbu.add(values.subList(k, k + dState));
      }
      List<T> c = values.subList(k, k + dState);
      k += dState;
      return new Position<>(da, dbu, c, values.subList(k, k + dInner),
          values.subList(k + dInner, k + 2 * dInner));
    }
  }

  private record Block<T>(List<T> norm, List<List<T>> inProj, List<T> inProjBias,
      List<List<T>> conv, List<T> convBias, List<List<T>> xProj, List<List<T>> dtProj,
      List<T> dtBias, List<List<T>> A, List<T> D, List<List<T>> outProj, List<T> outProjBias) {}
}
