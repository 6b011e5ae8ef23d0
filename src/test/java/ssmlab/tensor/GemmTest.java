package ssmlab.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class GemmTest {

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @Test
  void matmulNT_twoByTwo_handComputed() {
    float[] x = {1, 2, 3, 4}; // (2, 2)
    float[] w = {5, 6, 7, 8}; // (2, 2) rows are outputs
    float[] y = new float[4];
    Gemm.matmulNT(x, w, y, 2, 2, 2, false);
    // y[i][j] = Σ_p x[i][p]·w[j][p]
    assertThat(y).containsExactly(17, 23, 39, 53);
  }

  @Test
  void matmulTN_accumulates_handComputed() {
    float[] dy = {1, 0, 0, 1, 1, 1}; // (3, 2)
    float[] x = {1, 2, 3, 4, 5, 6}; // (3, 2)
    float[] dw = {10, 10, 10, 10}; // (2, 2)
    Gemm.matmulTN(dy, x, dw, 3, 2, 2);
    // dw[j][p] += Σ_i dy[i][j]·x[i][p]: column 0 of dy selects rows 0, 2; column 1 rows 1, 2
    assertThat(dw).containsExactly(16, 18, 18, 20);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void vectorGemm_randomShapes_matchesScalarReference(long seed) {
    var rng = new SplittableRandom(seed);
    int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 70};
    int m = rng.nextInt(5) == 0 ? 140 + rng.nextInt(200) : sizes[rng.nextInt(sizes.length)];
    int n = sizes[rng.nextInt(sizes.length)];
    int k = rng.nextInt(4) == 0 ? 250 + rng.nextInt(300) : sizes[rng.nextInt(sizes.length)];
    boolean ta = rng.nextBoolean();
    boolean tb = rng.nextBoolean();
    boolean acc = rng.nextBoolean();
    int aOff = rng.nextInt(5);
    int bOff = rng.nextInt(5);
    int cOff = rng.nextInt(5);
    int lda = (ta ? m : k) + rng.nextInt(3);
    int ldb = (tb ? k : n) + rng.nextInt(3);
    int ldc = n + rng.nextInt(3);
    float[] a = random(aOff + lda * (ta ? k : m), rng);
    float[] b = random(bOff + ldb * (tb ? n : k), rng);
    float[] c0 = random(cOff + ldc * m, rng);
    float[] cs = c0.clone();
    float[] cv = c0.clone();
    ScalarGemm.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, cs, cOff, ldc, acc);
    VectorGemm.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, cv, cOff, ldc, acc);
    for (int i = 0; i < cs.length; i++) {
      float tol = 1e-6f * k * 4 + 1e-6f;
      assertThat(cv[i]).as("seed=%d m=%d n=%d k=%d ta=%b tb=%b index %d", seed, m, n, k, ta, tb, i)
          .isCloseTo(cs[i], org.assertj.core.data.Offset.offset(tol));
    }
  }

  @Test
  void vectorGemm_threadCount_doesNotChangeBits() {
    var rng = new SplittableRandom(7);
    int m = 203;
    int n = 77;
    int k = 300;
    float[] a = random(m * k, rng);
    float[] b = random(n * k, rng);
    float[] c1 = new float[m * n];
    float[] c2 = new float[m * n];
    int before = Parallel.threads();
    try {
      Parallel.setThreads(1);
      VectorGemm.gemm(false, true, m, n, k, a, 0, k, b, 0, k, c1, 0, n, false);
      Parallel.setThreads(2);
      VectorGemm.gemm(false, true, m, n, k, a, 0, k, b, 0, k, c2, 0, n, false);
    } finally {
      Parallel.setThreads(before);
    }
    assertThat(c2).containsExactly(c1);
  }

  /** Packing a transposed A only moves data: the product has the bits of A stored plainly. */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void vectorGemm_transposedA_sameBitsAsPlainA(long seed) {
    var rng = new SplittableRandom(seed);
    int[] sizes = {1, 2, 5, 6, 7, 12, 13, 17, 33, 70};
    int m = rng.nextInt(3) == 0 ? 140 + rng.nextInt(200) : sizes[rng.nextInt(sizes.length)];
    int n = sizes[rng.nextInt(sizes.length)];
    int k = rng.nextInt(3) == 0 ? 250 + rng.nextInt(600) : sizes[rng.nextInt(sizes.length)];
    boolean tb = rng.nextBoolean();
    int aOff = rng.nextInt(5);
    int lda = m + rng.nextInt(3);
    int ldb = (tb ? k : n) + rng.nextInt(3);
    float[] at = random(aOff + lda * k, rng); // op(A)(i, p) = at[aOff + p*lda + i]
    float[] a = new float[m * k];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        a[i * k + p] = at[aOff + p * lda + i];
      }
    }
    float[] b = random(ldb * (tb ? n : k), rng);
    float[] c0 = random(m * n, rng);
    float[] plain = c0.clone();
    float[] transposed = c0.clone();
    VectorGemm.gemm(false, tb, m, n, k, a, 0, k, b, 0, ldb, plain, 0, n, true);
    VectorGemm.gemm(true, tb, m, n, k, at, aOff, lda, b, 0, ldb, transposed, 0, n, true);
    assertThat(transposed).as("seed=%d m=%d n=%d k=%d", seed, m, n, k).containsExactly(plain);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void preparedB_sameBitsAsPackingEachProduct_andFollowsAChangedB(long seed) {
    var rng = new SplittableRandom(seed);
    int[] sizes = {1, 2, 5, 16, 17, 33, 64, 70};
    int m = sizes[rng.nextInt(sizes.length)];
    int n = sizes[rng.nextInt(sizes.length)];
    int k = rng.nextInt(3) == 0 ? 250 + rng.nextInt(600) : sizes[rng.nextInt(sizes.length)];
    boolean ta = rng.nextBoolean();
    boolean tb = rng.nextBoolean();
    boolean acc = rng.nextBoolean();
    int bOff = rng.nextInt(5);
    int lda = (ta ? m : k) + rng.nextInt(3);
    int ldb = (tb ? k : n) + rng.nextInt(3);
    float[] a = random(lda * (ta ? k : m), rng);
    float[] b = random(bOff + ldb * (tb ? n : k), rng);
    Gemm.PreparedB prepared = new Gemm.PreparedB(n, k);
    for (int round = 0; round < 2; round++) {
      prepared.prepare(tb, b, bOff, ldb);
      float[] c0 = random(m * n, rng);
      float[] expected = c0.clone();
      float[] got = c0.clone();
      Gemm.gemm(ta, tb, m, n, k, a, 0, lda, b, bOff, ldb, expected, 0, n, acc);
      Gemm.gemm(ta, m, a, 0, lda, prepared, got, 0, n, acc);
      assertThat(got).as("seed=%d m=%d n=%d k=%d round %d", seed, m, n, k, round)
          .containsExactly(expected);
      b = random(b.length, rng); // the weights change: prepare reads them again
    }
  }

  static float[] random(int n, SplittableRandom rng) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (2 * rng.nextDouble() - 1);
    }
    return a;
  }
}
