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
   * For every cell i = d * dState + n, with dState = {@code b.length()}:
   *
   * <pre>
   *   e        = exp(round_p(delta[d] * a[i]))          (exp through the memo)
   *   da       = e, or round_p(round_p(two * e) - one)   when {@code signed} (eigenvalues in (-1, 1))
   *   scale    = delta[d], or round_p(round_p(e - one) / a[i])   when {@code zoh}
   *   s        = round_p(scale * b[n] * u[d])            (one iterated product)
   *   state[i] = s at the first position, else round_p(round_p(da * state[i]) + s)
   * </pre>
   *
   * @param delta (d_inner) the step sizes. Not modified.
   * @param a (d_inner * d_state) the transition. Not modified.
   * @param b (d_state) the input projection of this position. Not modified.
   * @param u (d_inner) the input. Not modified.
   * @param state (d_inner * d_state) the state h_{t-1}, replaced by h_t. Modified.
   */
  public static void step(FloatPArray delta, FloatPArray a, FloatPArray b, FloatPArray u,
      FloatPMemo exp, FloatP one, FloatP two, boolean signed, boolean zoh, boolean first,
      FloatPArray state) {
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
    Objects.requireNonNull(exp);
    long[] dl = delta.slots();
    long[] av = a.slots();
    long[] bv = b.slots();
    long[] uv = u.slots();
    long[] h = state.slots();
    int cells = dInner * dState;
    boolean narrow = f.p() <= LongArith.NARROW_P;
    boolean inLongs = FloatPIterated.products3InLongs(f);
    long[] t = new long[12];
    for (int d = 0; d < dInner; d++) {
      long md = dl[d];
      long ed = dl[dInner + d];
      for (int n = 0; n < dState; n++) {
        int i = d * dState + n;
        multiply(f, narrow, md, ed, av[i], av[cells + i], t, 0);
        exp.apply(t[0], t[1], t, 2, 3); // e
        int da = 2;
        if (signed) {
          multiply(f, narrow, two.m, two.e, t[2], t[3], t, 4);
          add(f, narrow, t[4], t[5], -one.m, one.e, t, 4, 5);
          da = 4;
        }
        long ms = md;
        long es = ed;
        if (zoh) {
          add(f, narrow, t[2], t[3], -one.m, one.e, t, 6, 7);
          LongArith.divide(f, t[6], t[7], av[i], av[cells + i], t, 6, 7);
          ms = t[6];
          es = t[7];
        }
        if (inLongs) {
          FloatPIterated.product3(f, ms, es, bv[n], bv[dState + n], uv[d], uv[dInner + d], t, 8,
              9);
        } else {
          FloatP s = f.iteratedProduct(new FloatP(f, ms, null, es),
              new FloatP(f, bv[n], null, bv[dState + n]),
              new FloatP(f, uv[d], null, uv[dInner + d]));
          t[8] = s.m;
          t[9] = s.e;
        }
        if (first) {
          h[i] = t[8];
          h[cells + i] = t[9];
        } else {
          multiply(f, narrow, t[da], t[da + 1], h[i], h[cells + i], t, 10);
          add(f, narrow, t[10], t[11], t[8], t[9], h, i, cells + i);
        }
      }
    }
  }

  /** out[k], out[k + 1] = round_p(x * y). */
  private static void multiply(FloatFormat f, boolean narrow, long mx, long ex, long my, long ey,
      long[] out, int k) {
    if (narrow) {
      LongArith.multiplyNarrow(f, mx, ex, my, ey, out, k, k + 1);
    } else {
      LongArith.multiply(f, mx, ex, my, ey, out, k, k + 1);
    }
  }

  /** out[mAt], out[eAt] = round_p(x + y). */
  private static void add(FloatFormat f, boolean narrow, long mx, long ex, long my, long ey,
      long[] out, int mAt, int eAt) {
    if (narrow) {
      LongArith.addNarrow(f, mx, ex, my, ey, out, mAt, eAt);
    } else {
      LongArith.add(f, mx, ex, my, ey, out, mAt, eAt);
    }
  }
}
