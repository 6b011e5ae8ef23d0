package ssmlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API version of {@link Gemm#gemm}: packed panels and an MR x NR register tile.
 *
 * <p>Design (the BLIS/GotoBLAS scheme, cf. mamba.md section 13): K is cut into blocks of
 * {@link #KC} and each thread's rows into blocks of {@link #MC}. For each K block a thread packs
 * op(B) into column panels of NR = 2 vector lengths, laid out {@code [panel][p][NR]} (zero-padded
 * past n); for each row block it packs op(A) into tiles of MR rows, {@code [tile][p][MR]}
 * (zero-padded past m). The micro-kernel keeps the MR x NR tile of C in 2*MR vector registers:
 * per p it loads two B vectors, broadcasts MR values of A and issues 2*MR FMAs. MR = 6 gives 12
 * independent accumulators, enough to cover the FMA latency (5 cycles x 2 ports on AVX2 cores)
 * in 15 of the 16 vector registers. Panels are the outer loop over a row block, so one B panel
 * (KC x NR floats, 16 KiB) stays in L1 while the packed A block (MC x KC, 144 KiB) stays in L2.
 * Packing makes the transposed and plain cases the same kernel.
 *
 * <p>Threads split the row tiles of C into fixed contiguous ranges; each C element is summed by one
 * thread in a fixed p order, so the bits do not depend on the thread count.
 */
public final class VectorGemm {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int L = S.length();
  /** Copies one row of a transposed A tile (MR floats and a little more). */
  private static final VectorSpecies<Float> ROW8 = FloatVector.SPECIES_256;
  /** Rows of the register tile. */
  static final int MR = 6;
  /** Columns of the register tile: two vectors. */
  static final int NR = 2 * L;
  /** Depth of one K block. */
  static final int KC = 256;
  /** Rows of one packed A block (a multiple of MR). */
  static final int MC = 24 * MR;
  /** Fewest multiply-adds worth handing to another thread. */
  private static final long MIN_FMAS_PER_CHUNK = 1L << 16;
  /** Rows of a transposed A packed as one group (see {@link #packTransposed}). */
  private static final int G = 8;

  /** Per-thread packing buffers, grown on demand and reused. */
  private static final class Workspace {
    final float[] packA = new float[MC * KC];
    float[] packB = new float[0];
    final float[] tile = new float[MR * NR];
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private VectorGemm() {}

  /**
   * The panels of op(B) (k x n) for every K block at once, block p0 at {@code p0 * panels * NR}:
   * what {@link #gemm} packs per call, kept for many products with the same B.
   */
  static float[] packAll(boolean transB, float[] b, int bOff, int ldb, int n, int k,
      float[] reuse) {
    int panels = (n + NR - 1) / NR;
    int size = panels * NR * k;
    float[] out = reuse != null && reuse.length >= size ? reuse : new float[size];
    for (int p0 = 0; p0 < k; p0 += KC) {
      packB(transB, b, bOff, ldb, p0, Math.min(KC, k - p0), n, out, p0 * panels * NR);
    }
    return out;
  }

  /**
   * {@link #gemm} with op(B) already packed by {@link #packAll}; the same bits as packing it
   * here.
   */
  static void gemmPacked(boolean transA, int m, int n, int k, float[] a, int aOff, int lda,
      float[] packedB, float[] c, int cOff, int ldc, boolean accumulate) {
    if (m <= 0 || n <= 0 || k <= 0) { // nothing of B is read
      gemm(transA, false, m, n, k, a, aOff, lda, packedB, 0, n, c, cOff, ldc, accumulate);
      return;
    }
    int tiles = (m + MR - 1) / MR;
    long fmasPerTile = (long) MR * n * k;
    int minTiles = (int) Math.max(1, MIN_FMAS_PER_CHUNK / fmasPerTile);
    Parallel.forRange(tiles, minTiles, (t0, t1) -> rows(transA, false, t0 * MR,
        Math.min(m, t1 * MR), n, k, a, aOff, lda, null, 0, 0, packedB, c, cOff, ldc,
        accumulate));
  }

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
        Math.min(m, t1 * MR), n, k, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc,
        accumulate));
  }

  /** Computes rows [i0, i1) of C; op(B) from {@code packedB} when given, else packed here. */
  private static void rows(boolean transA, boolean transB, int i0, int i1, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] packedB,
      float[] c, int cOff, int ldc, boolean accumulate) {
    Workspace ws = WORKSPACE.get();
    int panels = (n + NR - 1) / NR;
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kc = Math.min(KC, k - p0);
      float[] pb;
      int pbOff;
      if (packedB != null) {
        pb = packedB;
        pbOff = p0 * panels * NR;
      } else {
        int need = panels * kc * NR;
        if (ws.packB.length < need) {
          ws.packB = new float[Math.max(need, panels * KC * NR)];
        }
        pb = ws.packB;
        pbOff = 0;
        packB(transB, b, bOff, ldb, p0, kc, n, pb, 0);
      }
      boolean acc = accumulate || p0 > 0;
      for (int ib = i0; ib < i1; ib += MC) {
        int mc = Math.min(MC, i1 - ib);
        float[] pa = ws.packA;
        packA(transA, a, aOff, lda, ib, mc, p0, kc, pa);
        for (int jp = 0; jp < panels; jp++) {
          int nr = Math.min(NR, n - jp * NR);
          for (int t = 0; t * MR < mc; t++) {
            int mr = Math.min(MR, mc - t * MR);
            int co = cOff + (ib + t * MR) * ldc + jp * NR;
            if (mr == MR && nr == NR) {
              kernel(pa, t * kc * MR, pb, pbOff + jp * kc * NR, kc, c, co, ldc, acc);
            } else if (mr == MR && nr <= L) {
              kernelNarrow(pa, t * kc * MR, pb, pbOff + jp * kc * NR, kc, c, co, ldc, nr, acc);
            } else {
              kernelEdge(pa, t * kc * MR, pb, pbOff + jp * kc * NR, kc, c, co, ldc, mr, nr, acc,
                  ws.tile);
            }
          }
        }
      }
    }
  }

  /** Packs rows [p0, p0+kc) of op(B) into panels {@code pb[at + (jp*kc + p)*NR + jj]}. */
  private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int n,
      float[] pb, int at) {
    int panels = (n + NR - 1) / NR;
    for (int jp = 0; jp < panels; jp++) {
      int j0 = jp * NR;
      int nr = Math.min(NR, n - j0);
      int base = at + jp * kc * NR;
      if (!transB) {
        for (int p = 0; p < kc; p++) {
          int dst = base + p * NR;
          int src = bOff + (p0 + p) * ldb + j0;
          if (nr == NR) { // two vectors: cheaper than an arraycopy call this short
            FloatVector.fromArray(S, b, src).intoArray(pb, dst);
            FloatVector.fromArray(S, b, src + L).intoArray(pb, dst + L);
            continue;
          }
          System.arraycopy(b, src, pb, dst, nr);
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
   * Packs rows [i, i+mc), columns [p0, p0+kc) of op(A) into tiles of MR rows:
   * {@code pa[(t*kc + p)*MR + ii]} holds op(A)(i + t*MR + ii, p0 + p), zero past row i+mc.
   */
  private static void packA(boolean transA, float[] a, int aOff, int lda, int i, int mc, int p0,
      int kc, float[] pa) {
    if (transA) {
      packTransposed(a, aOff, lda, i, mc, p0, kc, pa);
    } else {
      int tiles = (mc + MR - 1) / MR;
      int full = mc / MR;
      for (int t = 0; t < full; t++) { // six rows at once: the writes run in order
        int src = aOff + (i + t * MR) * lda + p0;
        int s1 = src + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        int s4 = s3 + lda;
        int s5 = s4 + lda;
        for (int p = 0, dst = t * kc * MR; p < kc; p++, dst += MR) {
          pa[dst] = a[src + p];
          pa[dst + 1] = a[s1 + p];
          pa[dst + 2] = a[s2 + p];
          pa[dst + 3] = a[s3 + p];
          pa[dst + 4] = a[s4 + p];
          pa[dst + 5] = a[s5 + p];
        }
      }
      for (int r = full * MR; r < tiles * MR; r++) {
        int dst = (r / MR) * kc * MR + r % MR;
        int src = aOff + (i + r) * lda + p0;
        for (int p = 0; p < kc; p++) {
          pa[dst + p * MR] = r < mc ? a[src + p] : 0f;
        }
      }
    }
  }

  /**
   * {@link #packA} for a transposed A, where row p of the block, op(A)(i..i+mc, p0 + p), is the
   * contiguous run {@code a[aOff + (p0+p)*lda + i ...]}. Rows are taken G at a time and each run
   * is spread over all the tiles, so the reads move along rows of a (not down a column at a
   * stride of lda floats, a new page and the same L1 set every step); with G = 8 the 8 x MR
   * floats a tile receives per group are three whole cache lines.
   */
  private static void packTransposed(float[] a, int aOff, int lda, int i, int mc, int p0, int kc,
      float[] pa) {
    int full = mc / MR;
    for (int g = 0; g < kc; g += G) {
      int gEnd = Math.min(kc, g + G);
      for (int t = 0; t < full; t++) {
        int src = aOff + (p0 + g) * lda + i + t * MR;
        int dst = (t * kc + g) * MR;
        for (int p = g; p < gEnd; p++, src += lda, dst += MR) {
          // 8 floats a copy: the 2 past the tile row land in row p+1, written after this one
          if (p < kc - 1 && src + ROW8.length() <= a.length) {
            FloatVector.fromArray(ROW8, a, src).intoArray(pa, dst);
          } else {
            for (int ii = 0; ii < MR; ii++) {
              pa[dst + ii] = a[src + ii];
            }
          }
        }
      }
      if (full * MR < mc) {
        int rows = mc - full * MR;
        int src = aOff + (p0 + g) * lda + i + full * MR;
        int dst = (full * kc + g) * MR;
        for (int p = g; p < gEnd; p++, src += lda, dst += MR) {
          for (int ii = 0; ii < MR; ii++) {
            pa[dst + ii] = ii < rows ? a[src + ii] : 0f;
          }
        }
      }
    }
  }

  /** The full MR x NR micro-kernel: C[tile] (+)= packed A tile · packed B panel. */
  private static void kernel(float[] pa, int ao, float[] pb, int bo, int kc, float[] c, int co,
      int ldc, boolean acc) {
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
    for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bo);
      FloatVector b1 = FloatVector.fromArray(S, pb, bo + L);
      FloatVector av = FloatVector.broadcast(S, pa[ao]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, pa[ao + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, pa[ao + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, pa[ao + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, pa[ao + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, pa[ao + 5]);
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
   * The MR x L micro-kernel for a panel of at most one vector of columns (a narrow C, such as an
   * attention head's): the FMAs of the panel's zero half are not issued.
   */
  private static void kernelNarrow(float[] pa, int ao, float[] pb, int bo, int kc, float[] c,
      int co, int ldc, int nr, boolean acc) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = c0;
    FloatVector c2 = c0;
    FloatVector c3 = c0;
    FloatVector c4 = c0;
    FloatVector c5 = c0;
    for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bo);
      c0 = FloatVector.broadcast(S, pa[ao]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, pa[ao + 1]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, pa[ao + 2]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, pa[ao + 3]).fma(b0, c3);
      c4 = FloatVector.broadcast(S, pa[ao + 4]).fma(b0, c4);
      c5 = FloatVector.broadcast(S, pa[ao + 5]).fma(b0, c5);
    }
    VectorMask<Float> m = S.indexInRange(0, nr);
    storeMasked(c0, c, co, m, acc);
    storeMasked(c1, c, co + ldc, m, acc);
    storeMasked(c2, c, co + 2 * ldc, m, acc);
    storeMasked(c3, c, co + 3 * ldc, m, acc);
    storeMasked(c4, c, co + 4 * ldc, m, acc);
    storeMasked(c5, c, co + 5 * ldc, m, acc);
  }

  private static void storeMasked(FloatVector v, float[] c, int co, VectorMask<Float> m,
      boolean acc) {
    if (acc) {
      v = v.add(FloatVector.fromArray(S, c, co, m));
    }
    v.intoArray(c, co, m);
  }

  /** A partial tile at the bottom or right edge: computes mr rows, stores mr x nr of them. */
  private static void kernelEdge(float[] pa, int ao, float[] pb, int bo, int kc, float[] c,
      int co, int ldc, int mr, int nr, boolean acc, float[] tile) {
    for (int r = 0; r < mr; r++) {
      FloatVector v0 = FloatVector.zero(S);
      FloatVector v1 = v0;
      for (int p = 0, a = ao + r, b = bo; p < kc; p++, a += MR, b += NR) {
        FloatVector av = FloatVector.broadcast(S, pa[a]);
        v0 = av.fma(FloatVector.fromArray(S, pb, b), v0);
        v1 = av.fma(FloatVector.fromArray(S, pb, b + L), v1);
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
