package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The selective scan's loops with the Vector API, vectorised over the state index n (N = 16 is
 * two AVX2 vectors), for the reference code's discretisation ({@code deltaB_u = delta*B*u}).
 * Same arithmetic as {@link ScalarScan} up to float rounding and the order of the sum over n.
 */
record VectorScan(int dInner, int dState, boolean signed) implements ScanKernel {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  static boolean supports(int dState, Discretization disc) {
    return disc == Discretization.MAMBA && dState % S.length() == 0;
  }

  private FloatVector deltaA(FloatVector e) {
    return signed ? e.fma(2f, -1f) : e;
  }

  @Override
  public void forward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] states, float[] y,
      float[] out) {
    int dn = dInner * dState;
    FloatVector zero = FloatVector.zero(S);
    for (int t = 0; t < length; t++) {
      int row = bo + t * dState;
      for (int d = 0; d < dInner; d++) {
        int i = xo + t * dInner + d;
        float dl = delta[i];
        float du = dl * u[i];
        FloatVector acc = zero;
        for (int n = 0; n < dState; n += S.length()) {
          int si = i * dState + n;
          FloatVector e = FloatVector.fromArray(S, a, d * dState + n).mul(dl)
              .lanewise(VectorOperators.EXP);
          FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - dn);
          FloatVector s = FloatVector.fromArray(S, bm, row + n).mul(du).add(deltaA(e).mul(prev));
          s.intoArray(states, si);
          acc = FloatVector.fromArray(S, cm, row + n).fma(s, acc);
        }
        float yy = acc.reduceLanes(VectorOperators.ADD) + dSkip[d] * u[i];
        y[i] = yy;
        out[i] = yy * z[i] * sigZ[i];
      }
    }
  }

  @Override
  public void backward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] states, float[] y, float[] dOut,
      float[] du, float[] dDelta, float[] dA, float[] dB, float[] dC, float[] dD, float[] dz,
      float[] carry) {
    int dn = dInner * dState;
    FloatVector zero = FloatVector.zero(S);
    for (int t = length - 1; t >= 0; t--) {
      int row = bo + t * dState;
      for (int d = 0; d < dInner; d++) {
        int i = xo + t * dInner + d;
        float zz = z[i];
        float sig = sigZ[i];
        float dy = dOut[i] * zz * sig;
        dz[i] = dOut[i] * y[i] * sig * (1f + zz * (1f - sig));
        float dl = delta[i];
        float uu = u[i];
        dD[d] += uu * dy;
        FloatVector dyV = FloatVector.broadcast(S, dy);
        FloatVector dlV = FloatVector.broadcast(S, dl);
        FloatVector dluV = FloatVector.broadcast(S, dl * uu);
        FloatVector gB = zero;   // sum_n g * B
        FloatVector dDl = zero;  // sum_n g * prev * e' * A
        for (int n = 0; n < dState; n += S.length()) {
          int si = i * dState + n;
          int ai = d * dState + n;
          FloatVector an = FloatVector.fromArray(S, a, ai);
          FloatVector s = FloatVector.fromArray(S, states, si);
          FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - dn);
          FloatVector bn = FloatVector.fromArray(S, bm, row + n);
          FloatVector g = FloatVector.fromArray(S, cm, row + n).fma(dyV,
              FloatVector.fromArray(S, carry, ai));
          s.fma(dyV, FloatVector.fromArray(S, dC, row + n)).intoArray(dC, row + n);
          g.fma(dluV, FloatVector.fromArray(S, dB, row + n)).intoArray(dB, row + n);
          FloatVector e = an.mul(dlV).lanewise(VectorOperators.EXP);
          FloatVector common = g.mul(prev).mul(signed ? e.mul(2f) : e);
          gB = g.fma(bn, gB);
          dDl = common.fma(an, dDl);
          common.fma(dlV, FloatVector.fromArray(S, dA, ai)).intoArray(dA, ai);
          deltaA(e).mul(g).intoArray(carry, ai);
        }
        float gb = gB.reduceLanes(VectorOperators.ADD);
        du[i] = dSkip[d] * dy + gb * dl;
        dDelta[i] = dDl.reduceLanes(VectorOperators.ADD) + gb * uu;
      }
    }
  }
}
