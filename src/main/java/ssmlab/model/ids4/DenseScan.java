package ssmlab.model.ids4;

import ssmlab.tensor.Simd;

/**
 * The loops of {@link InputDependentSsm} over one sequence: {@code h_t = h_{t-1}·M_t + b_t},
 * {@code h_{-1} = 0}, with M_t = A(x_t)ᵀ (N, N) row-major. A scalar reference and a Vector API
 * version, vectorised over the output index.
 *
 * <p>Offsets: {@code mo} indexes the sequence's (L, N, N) matrices, {@code ho} its (L, N)
 * vectors (b, h and the gradients g).
 */
sealed interface DenseScan permits ScalarDenseScan, VectorDenseScan {

  /** Overwrites {@code h[ho ..]} with the states. */
  void forward(int length, int n, float[] m, int mo, float[] b, int ho, float[] h);

  /**
   * The reverse sweep. On entry {@code g} holds dL/dh_t through the readout only; on exit the
   * total dL/dh_t, which is also dL/db_t. {@code dm} (L, N, N) is overwritten with dL/dM_t =
   * h_{t-1}ᵀ·g_t.
   */
  void backward(int length, int n, float[] m, int mo, float[] h, int ho, float[] g, float[] dm);

  /**
   * {@link TransitionNorm#INF} in place: each M_t becomes M_t / s_t with s_t = max(1, ‖A_t‖_∞),
   * ‖A_t‖_∞ being the largest absolute column sum of M_t = A_tᵀ. Writes s_t to
   * {@code scale[so + t]} and to {@code arg[so + t]} the first column of M_t (row of A_t) whose
   * sum is the norm, or −1 where the norm is at most 1 (M_t unchanged, s_t = 1).
   */
  void normalize(int length, int n, float[] m, int mo, float[] scale, int[] arg, int so);

  /**
   * The backward of {@link #normalize}, with {@code m} the normalised M'_t: on entry {@code dm}
   * holds dL/dM'_t, on exit dL/dM_t. Where s_t > 1, with c the arg column,
   * {@code dL/dM_t = (dL/dM'_t − ⟨dL/dM'_t, M'_t⟩ · sign(M'_t[:, c]) e_cᵀ) / s_t}.
   */
  void normalizeBackward(int length, int n, float[] m, int mo, float[] scale, int[] arg, int so,
      float[] dm);

  /** The first index of the largest value: ties go to the lowest row of A, as torch.max. */
  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The vector kernel where N fills whole vectors and SIMD is on, else the scalar one. */
  static DenseScan of(int n) {
    return Simd.ENABLED && VectorDenseScan.supports(n) ? new VectorDenseScan()
        : new ScalarDenseScan();
  }
}
