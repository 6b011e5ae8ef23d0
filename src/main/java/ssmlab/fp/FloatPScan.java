package ssmlab.fp;

import java.util.List;
import java.util.Objects;

/**
 * One position of Mamba's sequential selective scan in F_p, fused over the (d_inner, d_state)
 * cells of the state: for each cell the same rounded operations, in the same order, as the
 * elementwise {@link FloatPArray} and {@link FloatPIterated} operations they replace, so the bits
 * are the same; the intermediate arrays and the passes over them are gone. Formats of p <= 62.
 */
public final class FloatPScan {
  private FloatPScan() {}

  /**
   * For every cell i = d * dState + n, with dState = {@code b.length()} and x = round_p(delta[d]
   * * a[i]):
   *
   * <pre>
   *   da       = decay(x)                                 (through the memo)
   *   scale    = delta[d], or round_p(expm1(x) / a[i])    when expm1 is given (ZOH)
   *   s        = round_p(scale * b[n] * u[d])             (one iterated product)
   *   state[i] = s at the first position, else round_p(round_p(da * state[i]) + s)
   * </pre>
   *
   * Mamba's decay is exp(x), or round_p(round_p(2 exp(x)) - 1) for eigenvalues in (-1, 1);
   * ZOH's expm1 is round_p(exp(x) - 1). Both are functions of x alone, so one memo each holds
   * the whole chain of roundings.
   *
   * @param delta (d_inner) the step sizes. Not modified.
   * @param a (d_inner * d_state) the transition. Not modified.
   * @param b (d_state) the input projection of this position. Not modified.
   * @param u (d_inner) the input. Not modified.
   * @param expm1 null for Mamba's discretization (scale = delta).
   * @param state (d_inner * d_state) the state h_{t-1}, replaced by h_t. Modified.
   */
  public static void step(FloatPArray delta, FloatPArray a, FloatPArray b, FloatPArray u,
      FloatPMemo decay, FloatPMemo expm1, boolean first, FloatPArray state) {
    FloatFormat f = state.format();
    int dInner = delta.length();
    int dState = b.length();
    for (FloatPArray x : List.of(delta, a, b, u)) {
      if (!x.format().equals(f)) {
        throw new IllegalArgumentException("arrays of formats " + x.format() + " and " + f);
      }
    }
    if (u.length() != dInner || a.length() != dInner * dState
        || state.length() != dInner * dState) {
      throw new IllegalArgumentException("scan step of d_inner " + dInner + ", d_state " + dState
          + " with u " + u.length() + ", A " + a.length() + ", state " + state.length());
    }
    if (!f.isLong()) {
      throw new IllegalArgumentException("the fused scan needs p <= 62, got " + f);
    }
    Objects.requireNonNull(decay);
    var cells = new Cells(f, delta.slots(), a.slots(), b.slots(), u.slots(), decay, expm1,
        state.slots(), dInner, dState);
    boolean fast = expm1 == null && NarrowScan.takes(f, decay);
    for (int d = 0; d < dInner; d++) {
      if (fast) {
        NarrowScan.channel(cells, d, first);
      } else {
        for (int n = 0; n < dState; n++) {
          cells.cell(d, n, first);
        }
      }
    }
  }

  /** One position's operands and the general per-cell update, on LongArith. */
  public static final class Cells {
    final FloatFormat f;
    final long[] dl;
    final long[] av;
    final long[] bv;
    final long[] uv;
    final FloatPMemo decay;
    final FloatPMemo expm1;
    final long[] h;
    final int dInner;
    final int dState;
    final int cells;
    private final boolean narrow;
    private final boolean inLongs;
    private final long[] t = new long[8];

    Cells(FloatFormat f, long[] dl, long[] av, long[] bv, long[] uv, FloatPMemo decay,
        FloatPMemo expm1, long[] h, int dInner, int dState) {
      this.f = f;
      this.dl = dl;
      this.av = av;
      this.bv = bv;
      this.uv = uv;
      this.decay = decay;
      this.expm1 = expm1;
      this.h = h;
      this.dInner = dInner;
      this.dState = dState;
      this.cells = dInner * dState;
      narrow = f.p() <= LongArith.NARROW_P;
      inLongs = FloatPIterated.products3InLongs(f);
    }

    /** Cell (d, n) of {@link #step}, one LongArith operation at a time. */
    public static long CALLS; void cell(int d, int n, boolean first) { CALLS++;
      int i = d * dState + n;
      long md = dl[d];
      long ed = dl[dInner + d];
      multiply(md, ed, av[i], av[cells + i], 0);
      long ms = md;
      long es = ed;
      if (expm1 != null) {
        expm1.apply(t[0], t[1], t, 2, 3);
        LongArith.divide(f, t[2], t[3], av[i], av[cells + i], t, 2, 3);
        ms = t[2];
        es = t[3];
      }
      decay.apply(t[0], t[1], t, 0, 1);
      if (inLongs) {
        FloatPIterated.product3(f, ms, es, bv[n], bv[dState + n], uv[d], uv[dInner + d], t, 4,
            5);
      } else {
        FloatP s = f.iteratedProduct(new FloatP(f, ms, null, es),
            new FloatP(f, bv[n], null, bv[dState + n]),
            new FloatP(f, uv[d], null, uv[dInner + d]));
        t[4] = s.m;
        t[5] = s.e;
      }
      if (first) {
        h[i] = t[4];
        h[cells + i] = t[5];
        return;
      }
      multiply(t[0], t[1], h[i], h[cells + i], 6);
      if (narrow) {
        LongArith.addNarrow(f, t[6], t[7], t[4], t[5], h, i, cells + i);
      } else {
        LongArith.add(f, t[6], t[7], t[4], t[5], h, i, cells + i);
      }
    }

    /** t[k], t[k + 1] = round_p(x * y). */
    private void multiply(long mx, long ex, long my, long ey, int k) {
      if (narrow) {
        LongArith.multiplyNarrow(f, mx, ex, my, ey, t, k, k + 1);
      } else {
        LongArith.multiply(f, mx, ex, my, ey, t, k, k + 1);
      }
    }
  }
}
