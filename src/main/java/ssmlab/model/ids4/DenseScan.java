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

  /** The vector kernel where N fills whole vectors and SIMD is on, else the scalar one. */
  static DenseScan of(int n) {
    return Simd.ENABLED && VectorDenseScan.supports(n) ? new VectorDenseScan()
        : new ScalarDenseScan();
  }
}
