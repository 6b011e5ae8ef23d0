package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * One backward step of {@link ChannelScan}: time t, channels {@code d .. d + LANES - 1}, every n,
 * in reverse time order, on tiles of N contiguous vectors ({@link ChannelScan}). {@code w} is
 * the kernel's work space: the tiled A at 0 and dA at N D, then the (N, LANES) partial sums over
 * d of dC and of dB, which the kernel reduces across lanes once the channel blocks of step t are
 * done, then ZOH's f and df/dA of the step, (N, LANES) each.
 *
 * <pre>
 * dy = dOut * silu(z)' ...   g[n] = C[t,n] dy + carry[n]      (dL/ds[t,n])
 * du = D dy + sum_n g f B[t,n]                dDelta = sum_n g prev slope e A + g B u df/ddelta
 * dA[n] += g prev slope e delta + g B u df/dA  carry[n] = deltaA g
 * </pre>
 */
record ChannelScanBackward(ChannelScan k, float[] u, float[] delta, float[] w, float[] bm,
    float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay, float[] states, float[] y,
    float[] dOut, float[] du, float[] dDelta, float[] dD, float[] dz, float[] carry) {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int LANES = S.length();

  /**
   * The gate's part: writes dz, adds {@code u dy} to dD, and leaves {@code dy = dOut z sig} in
   * du, which the step reads and then overwrites (a vector returned from a call C2 did not inline
   * would be boxed).
   */
  private void gate(int i, int d) {
    FloatVector zz = FloatVector.fromArray(S, z, i);
    FloatVector sig = FloatVector.fromArray(S, sigZ, i);
    FloatVector dO = FloatVector.fromArray(S, dOut, i);
    FloatVector dy = dO.mul(zz).mul(sig);
    // dz = dOut y sig (1 + z (1 - sig))
    dO.mul(FloatVector.fromArray(S, y, i)).mul(sig)
        .mul(zz.mul(FloatVector.broadcast(S, 1f).sub(sig)).add(1f)).intoArray(dz, i);
    FloatVector.fromArray(S, u, i).fma(dy, FloatVector.fromArray(S, dD, d)).intoArray(dD, d);
    dy.intoArray(du, i);
  }

  /** Euler ({@code f = delta}). */
  void step(int t, int xo, int bo, int d) {
    int dInner = k.dInner();
    int dState = k.dState();
    Eigenvalues ev = k.eigenvalues();
    int nd = dInner * dState;
    int pc = k.partialCAt();
    int pb = k.partialBAt();
    int i = xo + t * dInner + d;
    int s0 = (xo + t * dInner + d) * dState;
    int row = bo + t * dState;
    FloatVector zero = FloatVector.zero(S);
    gate(i, d);
    FloatVector dy = FloatVector.fromArray(S, du, i);
    FloatVector dl = FloatVector.fromArray(S, delta, i);
    FloatVector uu = FloatVector.fromArray(S, u, i);
    FloatVector dlu = dl.mul(uu);
    FloatVector gB = zero;  // sum_n g B
    FloatVector dDl = zero; // sum_n g prev slope e A
    for (int n = 0; n < dState; n++) {
      int si = s0 + n * LANES;
      int ci = d * dState + n * LANES;
      int p = n * LANES;
      FloatVector g = dy.fma(FloatVector.broadcast(S, cm[row + n]),
          FloatVector.fromArray(S, carry, ci));
      FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - nd);
      FloatVector.fromArray(S, states, si).fma(dy, FloatVector.fromArray(S, w, pc + p))
          .intoArray(w, pc + p);
      g.fma(dlu, FloatVector.fromArray(S, w, pb + p)).intoArray(w, pb + p);
      FloatVector e = FloatVector.fromArray(S, decay, si);
      FloatVector common = g.mul(prev).mul(e.mul(ev.slope()));
      gB = g.fma(FloatVector.broadcast(S, bm[row + n]), gB);
      dDl = common.fma(FloatVector.fromArray(S, w, ci), dDl);
      common.fma(dl, FloatVector.fromArray(S, w, k.dAAt() + ci)).intoArray(w, k.dAAt() + ci);
      ev.deltaA(e).mul(g).intoArray(carry, ci);
    }
    gB.fma(dl, FloatVector.fromArray(S, dSkip, d).mul(dy)).intoArray(du, i);
    gB.fma(uu, dDl).intoArray(dDelta, i);
  }

  /**
   * ZOH's input scale for step (t, d) into {@code w}: {@code f = delta phi(x)} and
   * {@code df/dA = delta^2 psi(x)}, (N, LANES) each. A method of its own: inlined into
   * {@link #stepZoh}, phi and psi took that method past C2's node budget (NodeCountInliningCutoff),
   * and the vectors passed to the calls left were boxed.
   */
  void zohScales(int t, int xo, int d) {
    int dInner = k.dInner();
    int dState = k.dState();
    int pf = k.zohFAt();
    int pa = k.zohDfDaAt();
    int i = xo + t * dInner + d;
    int s0 = (xo + t * dInner + d) * dState;
    FloatVector dl = FloatVector.fromArray(S, delta, i);
    FloatVector dl2 = dl.mul(dl);
    for (int n = 0; n < dState; n++) {
      int p = n * LANES;
      FloatVector x = FloatVector.fromArray(S, w, d * dState + p).mul(dl);
      FloatVector e = FloatVector.fromArray(S, decay, s0 + p);
      Discretization.phi(x, e).mul(dl).intoArray(w, pf + p);
      Discretization.psi(x, e).mul(dl2).intoArray(w, pa + p);
    }
  }

  /**
   * ZOH ({@code df/ddelta = e}), with f and {@code df/dA} from {@link #zohScales} of the same
   * step.
   */
  void stepZoh(int t, int xo, int bo, int d) {
    int dInner = k.dInner();
    int dState = k.dState();
    Eigenvalues ev = k.eigenvalues();
    int nd = dInner * dState;
    int pc = k.partialCAt();
    int pb = k.partialBAt();
    int pf = k.zohFAt();
    int pa = k.zohDfDaAt();
    int i = xo + t * dInner + d;
    int s0 = (xo + t * dInner + d) * dState;
    int row = bo + t * dState;
    FloatVector zero = FloatVector.zero(S);
    gate(i, d);
    FloatVector dy = FloatVector.fromArray(S, du, i);
    FloatVector dl = FloatVector.fromArray(S, delta, i);
    FloatVector uu = FloatVector.fromArray(S, u, i);
    FloatVector gfB = zero; // sum_n g f B
    FloatVector dDl = zero; // sum_n dL/ddelta
    for (int n = 0; n < dState; n++) {
      int si = s0 + n * LANES;
      int ci = d * dState + n * LANES;
      int p = n * LANES;
      FloatVector g = dy.fma(FloatVector.broadcast(S, cm[row + n]),
          FloatVector.fromArray(S, carry, ci));
      FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - nd);
      FloatVector.fromArray(S, states, si).fma(dy, FloatVector.fromArray(S, w, pc + p))
          .intoArray(w, pc + p);
      FloatVector e = FloatVector.fromArray(S, decay, si);
      FloatVector common = g.mul(prev).mul(e.mul(ev.slope()));
      FloatVector f = FloatVector.fromArray(S, w, pf + p);
      FloatVector gb = g.mul(bm[row + n]);
      FloatVector gbu = gb.mul(uu);
      g.mul(f).fma(uu, FloatVector.fromArray(S, w, pb + p)).intoArray(w, pb + p);
      gfB = gb.fma(f, gfB);
      dDl = common.fma(FloatVector.fromArray(S, w, ci), gbu.fma(e, dDl));
      gbu.fma(FloatVector.fromArray(S, w, pa + p),
              common.fma(dl, FloatVector.fromArray(S, w, k.dAAt() + ci)))
          .intoArray(w, k.dAAt() + ci);
      ev.deltaA(e).mul(g).intoArray(carry, ci);
    }
    FloatVector.fromArray(S, dSkip, d).mul(dy).add(gfB).intoArray(du, i);
    dDl.intoArray(dDelta, i);
  }
}
