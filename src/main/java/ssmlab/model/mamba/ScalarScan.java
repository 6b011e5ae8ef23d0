package ssmlab.model.mamba;

/** The scalar reference loops of the selective scan, for every variant. */
record ScalarScan(int dInner, int dState, Eigenvalues eigenvalues, Discretization discretization)
    implements ScanKernel {

  @Override
  public void forward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] out) {
    int dn = dInner * dState;
    for (int t = 0; t < length; t++) {
      for (int d = 0; d < dInner; d++) {
        int i = xo + t * dInner + d;
        float dl = delta[i];
        float uu = u[i];
        float acc = 0f;
        for (int n = 0; n < dState; n++) {
          int si = i * dState + n;
          float an = a[d * dState + n];
          float e = (float) Math.exp(dl * an);
          float prev = t == 0 ? 0f : states[si - dn];
          float s = eigenvalues.deltaA(e) * prev
              + discretization.inputScale(dl, an) * bm[bo + t * dState + n] * uu;
          states[si] = s;
          acc += cm[bo + t * dState + n] * s;
        }
        float yy = acc + dSkip[d] * uu;
        y[i] = yy;
        out[i] = yy * z[i] * sigZ[i];
      }
    }
  }

  @Override
  public void backward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] dOut,
      float[] du, float[] dDelta, float[] dA, float[] dB, float[] dC, float[] dD, float[] dz,
      float[] carry) {
    int dn = dInner * dState;
    for (int t = length - 1; t >= 0; t--) {
      for (int d = 0; d < dInner; d++) {
        int i = xo + t * dInner + d;
        float zz = z[i];
        float sig = sigZ[i];
        float dy = dOut[i] * zz * sig;
        dz[i] = dOut[i] * y[i] * sig * (1f + zz * (1f - sig));
        float dl = delta[i];
        float uu = u[i];
        float duAcc = dSkip[d] * dy;
        float dDeltaAcc = 0f;
        dD[d] += uu * dy;
        for (int n = 0; n < dState; n++) {
          int si = i * dState + n;
          int bi = bo + t * dState + n;
          int ai = d * dState + n;
          float an = a[ai];
          float s = states[si];
          float prev = t == 0 ? 0f : states[si - dn];
          float g = cm[bi] * dy + carry[ai];
          dC[bi] += s * dy;
          double x = (double) dl * an;
          float e = (float) Math.exp(x);
          float f = discretization.inputScale(dl, an);
          float dfDelta = discretization.inputScaleDDelta(e);
          float dfA = discretization.inputScaleDA(dl, an);
          float bn = bm[bi];
          dB[bi] += g * f * uu;
          duAcc += g * f * bn;
          // d deltaA / d(delta*A) = slope * e
          float common = g * prev * (eigenvalues.slope() * e);
          dDeltaAcc += common * an + g * bn * uu * dfDelta;
          dA[ai] += common * dl + g * bn * uu * dfA;
          carry[ai] = eigenvalues.deltaA(e) * g;
        }
        du[i] = duAcc;
        dDelta[i] = dDeltaAcc;
      }
    }
  }
}
