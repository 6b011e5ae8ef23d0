package ssmlab.model.deltanet;

import java.util.Arrays;

/**
 * The scalar reference loops of {@link DeltaRule}. Backward of one sub-step, with G = dL/dS_s
 * and Gk = G·k_s: {@code dβ = w·Gk}, {@code dv = β·Gk},
 * {@code dk = β(Gᵀw − S_{s−1}ᵀGk)}, and {@code dL/dS_{s−1} = G − β·Gk·k_sᵀ}.
 */
record ScalarDeltaRule() implements DeltaRule {

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
        for (int i = 0; i < dv; i++) {
          w[s * dv + i] = v[s * dv + i];
        }
        if (!first) {
          for (int a = 0; a < dk; a++) {
            float ka = k[s * dk + a];
            for (int i = 0; i < dv; i++) {
              w[s * dv + i] -= ka * states[cur - sz + a * dv + i];
            }
          }
        }
        for (int a = 0; a < dk; a++) {
          float c = beta[s] * k[s * dk + a];
          for (int i = 0; i < dv; i++) {
            float prev = first ? 0f : states[cur - sz + a * dv + i];
            states[cur + a * dv + i] = prev + c * w[s * dv + i];
          }
        }
      }
      int last = (s0 + t * p.steps() + p.steps() - 1) * sz;
      int qo = (sh * p.len() + t) * dk;
      int oo = (sh * p.len() + t) * dv;
      Arrays.fill(o, oo, oo + dv, 0f);
      for (int a = 0; a < dk; a++) {
        float c = p.scale() * q[qo + a];
        for (int i = 0; i < dv; i++) {
          o[oo + i] += c * states[last + a * dv + i];
        }
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
        float acc = 0f;
        float c = p.scale() * q[qo + a];
        for (int i = 0; i < nv; i++) {
          acc += states[last + a * nv + i] * dOut[oo + i];
          g[a * nv + i] += c * dOut[oo + i];
        }
        dq[qo + a] = p.scale() * acc;
      }
      for (int j = p.steps() - 1; j >= 0; j--) {
        int s = s0 + t * p.steps() + j;
        int prev = (s - 1) * sz;
        boolean first = s == s0;
        Arrays.fill(gk, 0, nv, 0f);
        for (int a = 0; a < nk; a++) {
          float ka = k[s * nk + a];
          for (int i = 0; i < nv; i++) {
            gk[i] += ka * g[a * nv + i];
          }
        }
        float b = beta[s];
        float db = 0f;
        for (int i = 0; i < nv; i++) {
          db += w[s * nv + i] * gk[i];
          dv[s * nv + i] = b * gk[i];
        }
        dBeta[s] = db;
        for (int a = 0; a < nk; a++) {
          float acc = 0f;
          for (int i = 0; i < nv; i++) {
            acc += g[a * nv + i] * w[s * nv + i];
            if (!first) {
              acc -= states[prev + a * nv + i] * gk[i];
            }
          }
          dk[s * nk + a] = b * acc;
        }
        for (int a = 0; a < nk; a++) {
          float c = b * k[s * nk + a];
          for (int i = 0; i < nv; i++) {
            g[a * nv + i] -= c * gk[i];
          }
        }
      }
    }
  }
}
