package ssmlab.model.deltanet;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;

/**
 * {@link DeltaRule} with the Vector API and no horizontal sums in the matrix products: each
 * product contracts over the row index of a layout whose rows are vectors. The forward pass keeps
 * the state twice, transposed in {@code work} (rows a, for {@code S·k} and {@code S·q}) and as
 * cached (rows i); the backward pass keeps dL/dS both ways, Gᵀ in {@code g[0, dk·dv)} (for
 * {@code G·k}) and G in {@code g[dk·dv, 2·dk·dv)} (for {@code Gᵀw}), beside the cached S (for
 * {@code Sᵀ·dOut}, {@code Sᵀ·Gk}). Both copies take the same rank-one updates with the same
 * products, so they hold the same bits. Same arithmetic as {@link ScalarDeltaRule} up to float
 * rounding.
 */
record VectorDeltaRule() implements DeltaRule {

  private static final VectorSpecies<Float> S = Simd.SPECIES;

  static boolean supports(int dk, int dv) {
    return dk % S.length() == 0 && dv % S.length() == 0;
  }

  @Override
  public void forward(Shape p, int sh, float[] q, float[] k, float[] v, float[] beta,
      float[] states, float[] w, float[] o, float[] work) {
    int dk = p.dk();
    int dv = p.dv();
    int sz = dk * dv;
    int s0 = sh * p.len() * p.steps();
    Arrays.fill(work, 0, sz, 0f);
    for (int t = 0; t < p.len(); t++) {
      for (int j = 0; j < p.steps(); j++) {
        int s = s0 + t * p.steps() + j;
        int cur = s * sz;
        boolean first = s == s0;
        float b = beta[s];
        // w = v − S k, over the rows a of Sᵀ; then Sᵀ[a] += (β k_a) w
        for (int i = 0; i < dv; i += S.length()) {
          FloatVector wi = FloatVector.fromArray(S, v, s * dv + i);
          for (int a = 0; a < dk; a++) {
            wi = FloatVector.fromArray(S, work, a * dv + i)
                .fma(FloatVector.broadcast(S, -k[s * dk + a]), wi);
          }
          wi.intoArray(w, s * dv + i);
          for (int a = 0; a < dk; a++) {
            wi.fma(FloatVector.broadcast(S, b * k[s * dk + a]),
                FloatVector.fromArray(S, work, a * dv + i)).intoArray(work, a * dv + i);
          }
        }
        // the cache, rows i: S[i] = S_prev[i] + w_i (β k)
        for (int a = 0; a < dk; a += S.length()) {
          FloatVector bk = FloatVector.fromArray(S, k, s * dk + a).mul(b);
          for (int i = 0; i < dv; i++) {
            FloatVector prev = first ? FloatVector.zero(S)
                : FloatVector.fromArray(S, states, cur - sz + i * dk + a);
            bk.fma(FloatVector.broadcast(S, w[s * dv + i]), prev)
                .intoArray(states, cur + i * dk + a);
          }
        }
      }
      int qo = (sh * p.len() + t) * dk;
      int oo = (sh * p.len() + t) * dv;
      for (int i = 0; i < dv; i += S.length()) {
        FloatVector acc = FloatVector.zero(S);
        for (int a = 0; a < dk; a++) {
          acc = FloatVector.fromArray(S, work, a * dv + i)
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
    Arrays.fill(g, 0, 2 * sz, 0f);
    for (int t = p.len() - 1; t >= 0; t--) {
      int last = (s0 + t * p.steps() + p.steps() - 1) * sz;
      int qo = (sh * p.len() + t) * nk;
      int oo = (sh * p.len() + t) * nv;
      // dq = scale Sᵀ dOut over the rows i of S; G += dOut (scale q)ᵀ in both layouts
      for (int a = 0; a < nk; a += S.length()) {
        FloatVector sq = FloatVector.fromArray(S, q, qo + a).mul(p.scale());
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < nv; i++) {
          FloatVector d = FloatVector.broadcast(S, dOut[oo + i]);
          acc = FloatVector.fromArray(S, states, last + i * nk + a).fma(d, acc);
          sq.fma(d, FloatVector.fromArray(S, g, sz + i * nk + a)).intoArray(g, sz + i * nk + a);
        }
        acc.mul(p.scale()).intoArray(dq, qo + a);
      }
      for (int a = 0; a < nk; a++) {
        FloatVector c = FloatVector.broadcast(S, p.scale() * q[qo + a]);
        for (int i = 0; i < nv; i += S.length()) {
          FloatVector.fromArray(S, dOut, oo + i).fma(c, FloatVector.fromArray(S, g, a * nv + i))
              .intoArray(g, a * nv + i);
        }
      }
      for (int j = p.steps() - 1; j >= 0; j--) {
        backwardStep(p, s0 + t * p.steps() + j, s0, k, beta, states, w, dk, dv, dBeta, g, gk);
      }
    }
  }

  /** One sub-step s of the reverse sweep; g holds dL/dS_s on entry and dL/dS_{s−1} on exit. */
  private static void backwardStep(Shape p, int s, int s0, float[] k, float[] beta,
      float[] states, float[] w, float[] dk, float[] dv, float[] dBeta, float[] g, float[] gk) {
    int nk = p.dk();
    int nv = p.dv();
    int sz = nk * nv;
    int prev = (s - 1) * sz;
    float b = beta[s];
    // Gk over the rows a of Gᵀ; dβ = w·Gk; dv = β Gk
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
    // dk = β(Gᵀw − S_prevᵀ Gk) over the rows i of G and S; G −= Gk (β k)ᵀ in both layouts
    for (int a = 0; a < nk; a += S.length()) {
      FloatVector negBk = FloatVector.fromArray(S, k, s * nk + a).mul(-b);
      FloatVector acc = FloatVector.zero(S);
      for (int i = 0; i < nv; i++) {
        FloatVector gi = FloatVector.fromArray(S, g, sz + i * nk + a);
        acc = gi.fma(FloatVector.broadcast(S, w[s * nv + i]), acc);
        if (s > s0) {
          acc = FloatVector.fromArray(S, states, prev + i * nk + a)
              .fma(FloatVector.broadcast(S, -gk[i]), acc);
        }
        negBk.fma(FloatVector.broadcast(S, gk[i]), gi).intoArray(g, sz + i * nk + a);
      }
      acc.mul(b).intoArray(dk, s * nk + a);
    }
    for (int a = 0; a < nk; a++) {
      FloatVector c = FloatVector.broadcast(S, -b * k[s * nk + a]);
      for (int i = 0; i < nv; i += S.length()) {
        FloatVector.fromArray(S, gk, i).fma(c, FloatVector.fromArray(S, g, a * nv + i))
            .intoArray(g, a * nv + i);
      }
    }
  }
}
