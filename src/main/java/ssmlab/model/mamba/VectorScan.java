package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;
import ssmlab.tensor.VectorKernels;

/**
 * The selective scan's loops with the Vector API, vectorised over the state index n (N = 16 is
 * two AVX2 vectors). Same arithmetic as {@link ScalarScan} up to float rounding and the order of
 * the sum over n; the variants' formulas come from {@link Eigenvalues} and {@link Discretization}
 * (Euler's input scale, {@code f = delta}, is folded into {@code delta * u}).
 */
record VectorScan(int dInner, int dState, Eigenvalues eigenvalues, Discretization discretization)
    implements ScanKernel {

  private static final VectorSpecies<Float> S = Simd.SPECIES;

  static boolean supports(int dState) {
    return dState % S.length() == 0;
  }

  @Override
  public void forward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] out) {
    decay(length, xo, delta, a, decay);
    recur(length, xo, bo, u, delta, a, bm, cm, dSkip, z, sigZ, decay, states, y, out);
  }

  /**
   * {@code decay[i*N + n] = exp(delta[i] * A[d, n])} for the rows of this sequence. A loop of its
   * own: with the exponential inlined into the recurrence the compiled method grows past C2's
   * inlining budget, and the vectors the calls it then leaves pass are boxed on the heap.
   */
  private void decay(int length, int xo, float[] delta, float[] a, float[] decay) {
    for (int r = 0; r < length * dInner; r++) {
      int i = xo + r;
      int d = r % dInner;
      float dl = delta[i];
      for (int n = 0; n < dState; n += S.length()) {
        VectorKernels.exp(FloatVector.fromArray(S, a, d * dState + n).mul(dl))
            .intoArray(decay, i * dState + n);
      }
    }
  }

  private void recur(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] out) {
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
          FloatVector e = FloatVector.fromArray(S, decay, si);
          FloatVector prev = t == 0 ? zero : FloatVector.fromArray(S, states, si - dn);
          FloatVector bu = FloatVector.fromArray(S, bm, row + n).mul(du);
          FloatVector s = (zoh()
              ? bu.mul(Discretization.phi(FloatVector.fromArray(S, a, d * dState + n).mul(dl), e))
              : bu)
              .add(eigenvalues.deltaA(e).mul(prev));
          s.intoArray(states, si);
          acc = FloatVector.fromArray(S, cm, row + n).fma(s, acc);
        }
        float yy = Simd.sum(acc) + dSkip[d] * u[i];
        y[i] = yy;
        out[i] = yy * z[i] * sigZ[i];
      }
    }
  }

  @Override
  public void backward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] dOut, float[] du, float[] dDelta, float[] dA, float[] dB,
      float[] dC, float[] dD, float[] dz, float[] carry) {
    if (zoh()) {
      backwardZoh(length, xo, bo, u, delta, a, bm, cm, dSkip, z, sigZ, decay, states, y, dOut,
          du, dDelta, dA, dB, dC, dD, dz, carry);
      return;
    }
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
          FloatVector e = FloatVector.fromArray(S, decay, si);
          FloatVector common = g.mul(prev).mul(e.mul(eigenvalues.slope()));
          gB = g.fma(bn, gB);
          dDl = common.fma(an, dDl);
          common.fma(dlV, FloatVector.fromArray(S, dA, ai)).intoArray(dA, ai);
          eigenvalues.deltaA(e).mul(g).intoArray(carry, ai);
        }
        float gb = Simd.sum(gB);
        du[i] = dSkip[d] * dy + gb * dl;
        dDelta[i] = Simd.sum(dDl) + gb * uu;
      }
    }
  }

  private void backwardZoh(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y,
      float[] dOut, float[] du, float[] dDelta, float[] dA, float[] dB, float[] dC, float[] dD,
      float[] dz, float[] carry) {
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
        FloatVector dl2V = FloatVector.broadcast(S, dl * dl);
        FloatVector uV = FloatVector.broadcast(S, uu);
        FloatVector gfB = zero;  // sum_n g * f * B
        FloatVector dDl = zero;  // sum_n dL/d(delta)
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
          FloatVector x = an.mul(dlV);
          FloatVector e = FloatVector.fromArray(S, decay, si);
          FloatVector common = g.mul(prev).mul(e.mul(eigenvalues.slope()));
          FloatVector f = Discretization.phi(x, e).mul(dlV);
          FloatVector gb = g.mul(bn);
          FloatVector gbu = gb.mul(uV);
          g.mul(f).fma(uV, FloatVector.fromArray(S, dB, row + n)).intoArray(dB, row + n);
          gfB = gb.fma(f, gfB);
          // d f / d delta = e^x;  d f / d A = delta^2 psi(x)
          dDl = common.fma(an, gbu.fma(e, dDl));
          gbu.mul(Discretization.psi(x, e)).fma(dl2V, common.fma(dlV, FloatVector.fromArray(S, dA, ai)))
              .intoArray(dA, ai);
          eigenvalues.deltaA(e).mul(g).intoArray(carry, ai);
        }
        du[i] = dSkip[d] * dy + Simd.sum(gfB);
        dDelta[i] = Simd.sum(dDl);
      }
    }
  }

  private boolean zoh() {
    return discretization == Discretization.ZOH;
  }
}
