package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * One forward step of {@link ChannelScan}: time t, channels {@code d .. d + LANES - 1}, every n.
 * {@code aT}, {@code decay} and {@code states} are tiled as {@link ChannelScan} says: the step's
 * tile is N contiguous vectors.
 */
record ChannelScanForward(ChannelScan k, float[] u, float[] delta, float[] aT, float[] bm,
    float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay, float[] states, float[] y,
    float[] out) {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int LANES = S.length();

  /**
   * {@code s[t,n] = deltaA * s[t-1,n] + f B[t,n] u} and {@code y = sum_n C[t,n] s[t,n] + D u}, the
   * sum over n accumulated in order n = 0, 1, ... ({@code f = delta}, or {@code delta phi(x)}).
   */
  void step(int t, int xo, int bo, int d) {
    int dInner = k.dInner();
    int dState = k.dState();
    Eigenvalues ev = k.eigenvalues();
    boolean zoh = k.discretization() == Discretization.ZOH;
    int nd = dInner * dState;
    int i = xo + t * dInner + d;
    int s0 = (xo + t * dInner + d) * dState;
    int row = bo + t * dState;
    FloatVector zero = FloatVector.zero(S);
    FloatVector dl = FloatVector.fromArray(S, delta, i);
    FloatVector uu = FloatVector.fromArray(S, u, i);
    FloatVector dlu = dl.mul(uu);
    FloatVector acc = zero;
    for (int n = 0; n < dState; n++) {
      int si = s0 + n * LANES;
      FloatVector e = FloatVector.fromArray(S, decay, si);
      FloatVector bu = dlu.mul(bm[row + n]);
      if (zoh) {
        FloatVector x = FloatVector.fromArray(S, aT, d * dState + n * LANES).mul(dl);
        bu = bu.mul(Discretization.phi(x, e));
      }
      FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - nd);
      FloatVector s = ev.deltaA(e).fma(prev, bu);
      s.intoArray(states, si);
      acc = s.fma(FloatVector.broadcast(S, cm[row + n]), acc);
    }
    FloatVector yy = FloatVector.fromArray(S, dSkip, d).fma(uu, acc);
    yy.intoArray(y, i);
    yy.mul(FloatVector.fromArray(S, z, i)).mul(FloatVector.fromArray(S, sigZ, i)).intoArray(out, i);
  }
}
