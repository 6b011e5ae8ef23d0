package ssmlab.model.deltanet;

import ssmlab.tensor.Simd;

/**
 * The loops of {@link DeltaNetMixer}'s scan over one (sequence, head), with n_h Householder
 * steps per token: a scalar reference and a Vector API version. Sub-step s = t·n_h + j:
 *
 * <pre>
 *   w_s = v_s − S_{s−1} k_s                 S_{−1} = 0
 *   S_s = S_{s−1} + β_s w_s k_sᵀ            = S_{s−1}(I − β_s k_s k_sᵀ) + β_s v_s k_sᵀ
 *   o_t = scale · S_{t·n_h + n_h − 1} q_t
 * </pre>
 *
 * <p>Layout (head-major, {@code sh} = sequence·H + head): q at {@code (sh·L + t)·dk}, o at
 * {@code (sh·L + t)·dv}; for global sub-step {@code g = sh·L·n_h + s}, k at {@code g·dk}, v and
 * w at {@code g·dv}, β at {@code g}, and S_s at {@code g·dk·dv}, stored transposed: element
 * (a, i) = S[i][a], so every step is a row-wise axpy over the value index i.
 */
sealed interface DeltaRule permits ScalarDeltaRule, VectorDeltaRule {

  /** Sizes of one scan: length L, steps n_h, key and value sizes, the output scale. */
  record Shape(int len, int steps, int dk, int dv, float scale) {}

  /** Writes the states S_s, the residuals w_s and the outputs o_t of one (sequence, head). */
  void forward(Shape p, int sh, float[] q, float[] k, float[] v, float[] beta, float[] states,
      float[] w, float[] o);

  /**
   * The reverse sweep: overwrites dq, dk, dv, dBeta of (sequence, head) {@code sh} from dOut.
   * {@code g} (dk·dv) and {@code gk} (dv) are scratch: dL/dS and dL/dS·k.
   */
  void backward(Shape p, int sh, float[] q, float[] k, float[] beta, float[] states, float[] w,
      float[] dOut, float[] dq, float[] dk, float[] dv, float[] dBeta, float[] g, float[] gk);

  /** The vector kernel where dv fills whole vectors and SIMD is on, else the scalar one. */
  static DeltaRule of(int dv) {
    return Simd.ENABLED && VectorDeltaRule.supports(dv) ? new VectorDeltaRule()
        : new ScalarDeltaRule();
  }
}
