package ssmlab.tensor;

/**
 * Matrix products on row-major float32 matrices: the three a dense layer needs, and the general
 * strided form they are made of.
 *
 * <p>Shapes follow PyTorch's {@code nn.Linear}: a weight {@code W} is (out, in) = (n, k), an
 * activation {@code x} is (rows, in) = (m, k). Every method has the same result whether it runs on
 * the scalar or the vector path (up to float rounding) and the same bits for any thread count.
 * Arrays are never resized; the output must not alias an input.
 */
public final class Gemm {

  /**
   * The vector path sums K in blocks of this many, each block from the first p of the product;
   * a product over a K range cut at a multiple of it sums each element in the same order.
   */
  public static final int K_BLOCK = VectorGemm.KC;
  /** Rows of the vector path's register tile: row ranges cut at multiples of it cut no tile. */
  public static final int ROW_TILE = VectorGemm.MR;
  /** A multiple of the vector path's panel width (columns) for every vector length up to 512 bits. */
  public static final int COLUMN_PANEL = 32;

  private Gemm() {}

  /**
   * Linear forward: {@code y = x · Wᵀ} (or {@code y += x · Wᵀ} when {@code accumulate}).
   *
   * @param x (m, k), not modified
   * @param w (n, k), not modified
   * @param y (m, n), modified
   */
  public static void matmulNT(float[] x, float[] w, float[] y, int m, int k, int n,
      boolean accumulate) {
    gemm(false, true, m, n, k, x, 0, k, w, 0, k, y, 0, n, accumulate);
  }

  /**
   * Weight gradient: {@code dW += dyᵀ · x}, summed over the m rows.
   *
   * @param dy (m, n), not modified
   * @param x (m, k), not modified
   * @param dw (n, k), modified (accumulated)
   */
  public static void matmulTN(float[] dy, float[] x, float[] dw, int m, int n, int k) {
    gemm(true, false, n, k, m, dy, 0, n, x, 0, k, dw, 0, k, true);
  }

  /**
   * Input gradient: {@code dx = dy · W} (or {@code dx += dy · W} when {@code accumulate}).
   *
   * @param dy (m, n), not modified
   * @param w (n, k), not modified
   * @param dx (m, k), modified
   */
  public static void matmulNN(float[] dy, float[] w, float[] dx, int m, int n, int k,
      boolean accumulate) {
    gemm(false, false, m, k, n, dy, 0, n, w, 0, k, dx, 0, k, accumulate);
  }

  /**
   * The general product {@code C = op(A) · op(B)} (or {@code C += ...} when {@code accumulate}),
   * with {@code op(A)} of shape (m, k) and {@code op(B)} of shape (k, n).
   *
   * <p>Element (i, p) of {@code op(A)} is {@code a[aOff + i*lda + p]}, or
   * {@code a[aOff + p*lda + i]} when {@code transA}; likewise for B with (p, j). Element (i, j) of
   * C is {@code c[cOff + i*ldc + j]}. Only the m x n window of C is written.
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc, boolean accumulate) {
    if (Simd.ENABLED) {
      VectorGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc,
          accumulate);
    } else {
      ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc,
          accumulate);
    }
  }

  /**
   * op(B) (k x n) made ready once for many products {@code C = op(A) · op(B)} with the same B, such
   * as a recurrent weight at every time step: the vector path packs it into its panels once
   * instead of once a product. The products have the bits of {@link #gemm}.
   */
  public static final class PreparedB {
    private final int n;
    private final int k;
    private boolean transB;
    private float[] b;
    private int bOff;
    private int ldb;
    private float[] packed;

    /** Room for an op(B) of k rows and n columns. */
    public PreparedB(int n, int k) {
      this.n = n;
      this.k = k;
    }

    /**
     * Reads op(B) now (element (p, j) at {@code b[bOff + p*ldb + j]}, or
     * {@code b[bOff + j*ldb + p]} when {@code transB}); again whenever B changes.
     */
    public void prepare(boolean transB, float[] b, int bOff, int ldb) {
      this.transB = transB;
      this.b = b;
      this.bOff = bOff;
      this.ldb = ldb;
      if (Simd.ENABLED) {
        packed = VectorGemm.packAll(transB, b, bOff, ldb, n, k, packed);
      }
    }
  }

  /** {@link #gemm} with a prepared op(B): {@code C (m, n) (+)= op(A) (m, k) · op(B)}. */
  public static void gemm(boolean transA, int m, float[] a, int aOff, int lda, PreparedB b,
      float[] c, int cOff, int ldc, boolean accumulate) {
    if (b.b == null) {
      throw new IllegalStateException("PreparedB used before prepare");
    }
    if (Simd.ENABLED) {
      VectorGemm.gemmPacked(transA, m, b.n, b.k, a, aOff, lda, b.packed, c, cOff, ldc,
          accumulate);
    } else {
      ScalarGemm.gemm(transA, b.transB, m, b.n, b.k, a, aOff, lda, b.b, b.bOff, b.ldb, c, cOff,
          ldc, accumulate);
    }
  }
}
