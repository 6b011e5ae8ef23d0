package ssmlab.model.deltanet;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * {@link DeltaRule} with the Vector API, vectorised over the value index: the forward step and
 * the state-gradient updates are axpys over rows of Sᵀ, the key and query gradients dot products
 * with {@link Simd#sum}. Same arithmetic as {@link ScalarDeltaRule} up to float rounding.
 */
record VectorDeltaRule() implements DeltaRule {

  private static final VectorSpecies<Float> S = Simd.SPECIES;

  static boolean supports(int dv) {
    return dv % S.length() == 0;
  }

  @Override
  public void forward(Shape p, int sh, float[] q, float[] k, float[] v, float[] beta,
      float[] states, float[] w, float[] o) {
    int dk = p.dk();
    int dv = p.dv();
    int sz = dk * dv;
    int s0 = sh * p.len() * p.steps();
    for (int t = 0; t < p.len(); t++) {
      for (int j = 0; j < p.steps(); j++) {
        int s = s0 + t * p.steps() + j;
        int cur = s * sz;
        boolean first = s == s0;
        for (int i = 0; i < dv; i += S.length()) {
          FloatVector wi = FloatVector.fromArray(S, v, s * dv + i);
          if (!first) {
            for (int a = 0; a < dk; a++) {
              wi = FloatVector.fromArray(S, states, cur - sz + a * dv + i)
                  .fma(FloatVector.broadcast(S, -k[s * dk + a]), wi);
            }
          }
          wi.intoArray(w, s * dv + i);
          for (int a = 0; a < dk; a++) {
            FloatVector c = FloatVector.broadcast(S, beta[s] * k[s * dk + a]);
            FloatVector prev = first ? FloatVector.zero(S)
                : FloatVector.fromArray(S, states, cur - sz + a * dv + i);
            wi.fma(c, prev).intoArray(states, cur + a * dv + i);
          }
        }
      }
      int last = (s0 + t * p.steps() + p.steps() - 1) * sz;
      int qo = (sh * p.len() + t) * dk;
      int oo = (sh * p.len() + t) * dv;
      for (int i = 0; i < dv; i += S.length()) {
        FloatVector acc = FloatVector.zero(S);
        for (int a = 0; a < dk; a++) {
          acc = FloatVector.fromArray(S, states, last + a * dv + i)
              .fma(FloatVector.broadcast(S, p.scale() * q[qo + a]), acc);
        }
        acc.intoArray(o, oo + i);
      }
    }
  }

  @Override
  public void backward(Shape p, int sh, float[] q, float[] k, float[] beta, float[] states,
      float[] w, float[] dOut, float[] dq, float[] dk, float[] dv, float[] dBeta, float[] g,
      float[] gk) {
    int nk = p.dk();
    int nv = p.dv();
    int sz = nk * nv;
    int s0 = sh * p.len() * p.steps();
    Arrays.fill(g, 0, sz, 0f);
    for (int t = p.len() - 1; t >= 0; t--) {
      int last = (s0 + t * p.steps() + p.steps() - 1) * sz;
      int qo = (sh * p.len() + t) * nk;
      int oo = (sh * p.len() + t) * nv;
      for (int a = 0; a < nk; a++) {
        FloatVector acc = FloatVector.zero(S);
        FloatVector c = FloatVector.broadcast(S, p.scale() * q[qo + a]);
        for (int i = 0; i < nv; i += S.length()) {
          FloatVector d = FloatVector.fromArray(S, dOut, oo + i);
          acc = FloatVector.fromArray(S, states, last + a * nv + i).fma(d, acc);
          d.fma(c, FloatVector.fromArray(S, g, a * nv + i)).intoArray(g, a * nv + i);
        }
        dq[qo + a] = p.scale() * Simd.sum(acc);
      }
      for (int j = p.steps() - 1; j >= 0; j--) {
        int s = s0 + t * p.steps() + j;
        int prev = (s - 1) * sz;
        boolean first = s == s0;
        float b = beta[s];
        FloatVector db = FloatVector.zero(S);
        for (int i = 0; i < nv; i += S.length()) {
          FloatVector acc = FloatVector.zero(S);
          for (int a = 0; a < nk; a++) {
            acc = FloatVector.fromArray(S, g, a * nv + i)
                .fma(FloatVector.broadcast(S, k[s * nk + a]), acc);
          }
          acc.intoArray(gk, i);
          db = FloatVector.fromArray(S, w, s * nv + i).fma(acc, db);
          acc.mul(b).intoArray(dv, s * nv + i);
        }
        dBeta[s] = Simd.sum(db);
        for (int a = 0; a < nk; a++) {
          FloatVector acc = FloatVector.zero(S);
          FloatVector c = FloatVector.broadcast(S, -b * k[s * nk + a]);
          for (int i = 0; i < nv; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, a * nv + i);
            FloatVector gki = FloatVector.fromArray(S, gk, i);
            acc = gi.fma(FloatVector.fromArray(S, w, s * nv + i), acc);
            if (!first) {
              acc = FloatVector.fromArray(S, states, prev + a * nv + i).neg().fma(gki, acc);
            }
            gki.fma(c, gi).intoArray(g, a * nv + i);
          }
          dk[s * nk + a] = b * Simd.sum(acc);
        }
      }
    }
  }
}
