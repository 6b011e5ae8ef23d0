package ssmlab.nn;

import ssmlab.tensor.Gemm;

/**
 * The matrix products of one attention head with its (len, len) scores or probabilities, by
 * blocks of query rows, each over only the part the causal mask keeps: row block [i0, i1) needs
 * key columns [0, i1) of the scores, and key rows [i0, len) of a transposed product. That is about
 * half the work of the full products, with the same bits: the skipped terms are products with
 * masked zeros, and the K ranges keep the boundaries of {@link Gemm#K_BLOCK}.
 *
 * <p>Matrices are row-major with the strides given; a head's scores have stride {@code len}.
 */
final class CausalProducts {

  /** Query rows a block: whole register tiles. */
  static final int ROW_BLOCK = 8 * Gemm.ROW_TILE;

  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

  private CausalProducts() {}

  /**
   * {@code s = a · bᵀ} for a (len, hd) and b (len, hd), written on and below the diagonal (and up
   * to a whole panel past it); the rest of s is left as it was.
   */
  static void scores(int len, int hd, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] s, int sOff) {
    float[] bt = transposed(len, hd, b, bOff, ldb);
    for (int i0 = 0; i0 < len; i0 += ROW_BLOCK) {
      int i1 = Math.min(len, i0 + ROW_BLOCK);
      int cols = Math.min(len, (i1 + Gemm.COLUMN_PANEL - 1) / Gemm.COLUMN_PANEL
          * Gemm.COLUMN_PANEL);
      Gemm.gemm(false, false, i1 - i0, cols, hd, a, aOff + i0 * lda, lda, bt, 0, len, s,
          sOff + i0 * len, len, false);
    }
  }

  /**
   * bᵀ (hd, len) of b (len, hd), in this thread's scratch: the blocks then read rows of it,
   * which the product copies whole, instead of transposing b's columns once a block.
   */
  private static float[] transposed(int len, int hd, float[] b, int bOff, int ldb) {
    float[] bt = SCRATCH.get();
    if (bt.length < len * hd) {
      bt = new float[len * hd];
      SCRATCH.set(bt);
    }
    for (int t = 0; t < len; t++) {
      for (int d = 0; d < hd; d++) {
        bt[d * len + t] = b[bOff + t * ldb + d];
      }
    }
    return bt;
  }

  /** {@code out = p · x} for p (len, len), zero above the diagonal, and x (len, hd). */
  static void mix(int len, int hd, float[] p, int pOff, float[] x, int xOff, int ldx,
      float[] out, int oOff, int ldo) {
    for (int i0 = 0; i0 < len; i0 += ROW_BLOCK) {
      int i1 = Math.min(len, i0 + ROW_BLOCK);
      Gemm.gemm(false, false, i1 - i0, hd, i1, p, pOff + i0 * len, len, x, xOff, ldx, out,
          oOff + i0 * ldo, ldo, false);
    }
  }

  /** {@code out = pᵀ · x} for p (len, len), zero above the diagonal, and x (len, hd). */
  static void mixTransposed(int len, int hd, float[] p, int pOff, float[] x, int xOff, int ldx,
      float[] out, int oOff, int ldo) {
    for (int j0 = 0; j0 < len; j0 += ROW_BLOCK) {
      int j1 = Math.min(len, j0 + ROW_BLOCK);
      int k0 = len <= Gemm.K_BLOCK ? j0 : j0 - j0 % Gemm.K_BLOCK;
      Gemm.gemm(true, false, j1 - j0, hd, len - k0, p, pOff + k0 * len + j0, len, x,
          xOff + k0 * ldx, ldx, out, oOff + j0 * ldo, ldo, false);
    }
  }
}
