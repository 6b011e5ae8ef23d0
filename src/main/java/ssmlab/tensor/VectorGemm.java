package ssmlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API version of {@link Gemm#gemm}: column panels of B and an MR x NR register tile.
 *
 * <p>Design (after the BLIS/GotoBLAS scheme, cf. mamba.md section 13): K is cut into blocks of
 * {@link #KC} and each thread's rows into blocks of {@link #MC}. The micro-kernel keeps the
 * MR x NR tile of C (NR = 2 vector lengths) in 2*MR vector registers: per p it loads two B
 * vectors, broadcasts MR values of A and issues 2*MR FMAs. MR = 6 gives 12 independent
 * accumulators, enough to cover the FMA latency (5 cycles x 2 ports on AVX2 cores) in 15 of the
 * 16 vector registers. For each K block op(B) = Bᵀ is packed into panels {@code [panel][p][NR]}
 * (zero-padded past n); a plain B is read in place (only a partial last panel is packed). A is
 * never packed: the kernel broadcasts its elements where they lie, a row or a column of A
 * alike. The models' products are small (m = batch x length in the hundreds, n and k up to a
 * few hundred), so every operand sits in L2 and packing A, which cost as much as the FMAs it fed
 * when n is 128, bought nothing. Every C element is the same chain of FMAs over p, K block by K
 * block, whatever is packed.
 *
 * <p>Threads split the row tiles of C into fixed contiguous ranges; each C element is summed by one
 * thread in a fixed p order, so the bits do not depend on the thread count.
 */
public final class VectorGemm {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int L = S.length();
  /** Rows of the register tile. */
  static final int MR = 6;
  /** Columns of the register tile: two vectors. */
  static final int NR = 2 * L;
  /** Depth of one K block. */
  static final int KC = 256;
  /** Rows of one block of A (a multiple of MR). */
  static final int MC = 24 * MR;
  /** Fewest multiply-adds worth handing to another thread. */
  private static final long MIN_FMAS_PER_CHUNK = 1L << 16;

  /** Per-thread packing buffers, grown on demand and reused. */
  private static final class Workspace {
    float[] packB = new float[0];
    final float[] tile = new float[MR * NR];
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private VectorGemm() {}

  /** See {@link Gemm#gemm}. */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc, boolean accumulate) {
    if (m <= 0 || n <= 0) {
      return;
    }
    if (k <= 0) {
      if (!accumulate) {
        for (int i = 0; i < m; i++) {
          java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
      }
      return;
    }
    int tiles = (m + MR - 1) / MR;
    long fmasPerTile = (long) MR * n * k;
    int minTiles = (int) Math.max(1, MIN_FMAS_PER_CHUNK / fmasPerTile);
    Parallel.forRange(tiles, minTiles, (t0, t1) -> rows(transA, transB, t0 * MR,
        Math.min(m, t1 * MR), n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
  }

  /** Computes rows [i0, i1) of C. */
  private static void rows(boolean transA, boolean transB, int i0, int i1, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc, boolean accumulate) {
    Workspace ws = WORKSPACE.get();
    int panels = (n + NR - 1) / NR;
    // A is read in place: element (i, p) of op(A) at a[aOff + i*rowStep + p*depthStep].
    int rowStep = transA ? 1 : lda;
    int depthStep = transA ? lda : 1;
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      int need = panels * kc * NR;
      if (ws.packB.length < need) {
        ws.packB = new float[Math.max(need, panels * KC * NR)];
      }
      float[] pb = ws.packB;
      // op(B) = B keeps its full panels in place (rows of NR contiguous floats, ldb apart);
      // only op(B) = Bᵀ, and a partial last panel, are packed.
      int packedFrom = transB ? 0 : n / NR;
      packB(transB, b, bOff, ldb, p0, kc, n, packedFrom, pb);
      boolean acc = accumulate || p0 > 0;
      int aBase = aOff + p0 * depthStep;
      for (int ib = i0; ib < i1; ib += MC) {
        int mc = Math.min(MC, i1 - ib);
        for (int jp = 0; jp < panels; jp++) {
          int nr = Math.min(NR, n - jp * NR);
          boolean inPlace = jp < packedFrom;
          float[] bp = inPlace ? b : pb;
          int bo = inPlace ? bOff + p0 * ldb + jp * NR : jp * kc * NR;
          int bStep = inPlace ? ldb : NR;
          for (int t = 0; t * MR < mc; t++) {
            int mr = Math.min(MR, mc - t * MR);
            int ao = aBase + (ib + t * MR) * rowStep;
            int co = cOff + (ib + t * MR) * ldc + jp * NR;
            if (mr == MR && nr == NR) {
              kernel(a, ao, rowStep, depthStep, bp, bo, bStep, kc, c, co, ldc, acc);
            } else {
              kernelEdge(a, ao, rowStep, depthStep, bp, bo, bStep, kc, c, co, ldc, mr, nr, acc,
                  ws.tile);
            }
          }
        }
      }
    }
  }

  /**
   * Packs rows [p0, p0+kc) of op(B), panels {@code from} on, into
   * {@code pb[(jp*kc + p)*NR + jj]}.
   */
  private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int n,
      int from, float[] pb) {
    int panels = (n + NR - 1) / NR;
    for (int jp = from; jp < panels; jp++) {
      int j0 = jp * NR;
      int nr = Math.min(NR, n - j0);
      int base = jp * kc * NR;
      if (!transB) {
        for (int p = 0; p < kc; p++) {
          int dst = base + p * NR;
          System.arraycopy(b, bOff + (p0 + p) * ldb + j0, pb, dst, nr);
          for (int jj = nr; jj < NR; jj++) {
            pb[dst + jj] = 0f;
          }
        }
      } else {
        for (int jj = 0; jj < NR; jj++) {
          if (jj < nr) {
            int src = bOff + (j0 + jj) * ldb + p0;
            for (int p = 0; p < kc; p++) {
              pb[base + p * NR + jj] = b[src + p];
            }
          } else {
            for (int p = 0; p < kc; p++) {
              pb[base + p * NR + jj] = 0f;
            }
          }
        }
      }
    }
  }

  /**
   * The full MR x NR micro-kernel: C[tile] (+)= A tile · B panel, with A's element (r, p) at
   * {@code a[ao + r*rs + p*ps]} and B's row p at {@code b[bo + p*bs]}.
   */
  private static void kernel(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs,
      int kc, float[] c, int co, int ldc, boolean acc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c50 = c00;
    FloatVector c51 = c00;
    int a1 = ao + rs;
    int a2 = ao + 2 * rs;
    int a3 = ao + 3 * rs;
    int a4 = ao + 4 * rs;
    int a5 = ao + 5 * rs;
    for (int p = 0, q = 0; p < kc; p++, q += ps, bo += bs) {
      FloatVector b0 = FloatVector.fromArray(S, b, bo);
      FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
      FloatVector av = FloatVector.broadcast(S, a[ao + q]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[a1 + q]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[a2 + q]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[a3 + q]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[a4 + q]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[a5 + q]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    store(c00, c01, c, co, acc);
    store(c10, c11, c, co + ldc, acc);
    store(c20, c21, c, co + 2 * ldc, acc);
    store(c30, c31, c, co + 3 * ldc, acc);
    store(c40, c41, c, co + 4 * ldc, acc);
    store(c50, c51, c, co + 5 * ldc, acc);
  }

  private static void store(FloatVector v0, FloatVector v1, float[] c, int co, boolean acc) {
    if (acc) {
      v0 = v0.add(FloatVector.fromArray(S, c, co));
      v1 = v1.add(FloatVector.fromArray(S, c, co + L));
    }
    v0.intoArray(c, co);
    v1.intoArray(c, co + L);
  }

  /**
   * A partial tile at the bottom or right edge (operands laid out as for {@link #kernel}):
   * computes mr rows, stores mr x nr of them.
   */
  private static void kernelEdge(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs,
      int kc, float[] c, int co, int ldc, int mr, int nr, boolean acc, float[] tile) {
    for (int r = 0; r < mr; r++) {
      FloatVector v0 = FloatVector.zero(S);
      FloatVector v1 = v0;
      for (int p = 0, ai = ao + r * rs, bi = bo; p < kc; p++, ai += ps, bi += bs) {
        FloatVector av = FloatVector.broadcast(S, a[ai]);
        v0 = av.fma(FloatVector.fromArray(S, b, bi), v0);
        v1 = av.fma(FloatVector.fromArray(S, b, bi + L), v1);
      }
      v0.intoArray(tile, r * NR);
      v1.intoArray(tile, r * NR + L);
    }
    for (int r = 0; r < mr; r++) {
      int row = co + r * ldc;
      for (int j = 0; j < nr; j++) {
        c[row + j] = acc ? c[row + j] + tile[r * NR + j] : tile[r * NR + j];
      }
    }
  }
}
