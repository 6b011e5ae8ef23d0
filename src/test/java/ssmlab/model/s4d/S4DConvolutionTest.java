package ssmlab.model.s4d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ssmlab.tensor.Parallel;

final class S4DConvolutionTest {

  @Test
  void forwardAndBackward_matchTheScalarDoubleSums() {
    // 37 channels: vector lanes and a scalar tail; lengths around the blocks of four
    for (int length : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 13, 17, 33}) {
      for (int h : new int[] {37, 16}) {
        check(3, length, h, 100L * length + h);
      }
    }
  }

  @Test
  void bits_doNotDependOnTheThreadCount() {
    int before = Parallel.threads();
    try {
      float[][] one = run(1, 5, 29, 37);
      float[][] two = run(2, 5, 29, 37);
      for (int i = 0; i < one.length; i++) {
        assertThat(two[i]).as("output %d", i).containsExactly(one[i]);
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static float[][] run(int threads, int batch, int length, int h) {
    Parallel.setThreads(threads);
    var rng = new SplittableRandom(5);
    float[] k = random(h * length, rng);
    float[] d = random(h, rng);
    float[] u = random(batch * length * h, rng);
    float[] dy = random(batch * length * h, rng);
    float[] y = new float[u.length];
    float[] du = new float[u.length];
    float[] dk = new float[k.length];
    float[] dD = new float[h];
    S4DConvolution.forward(k, d, u, y, batch, length, h);
    S4DConvolution.backward(k, d, u, dy, du, dk, dD, batch, length, h);
    return new float[][] {y, du, dk, dD};
  }

  private static void check(int batch, int length, int h, long seed) {
    var rng = new SplittableRandom(seed);
    float[] k = random(h * length, rng);
    float[] d = random(h, rng);
    float[] u = random(batch * length * h, rng);
    float[] dy = random(batch * length * h, rng);
    float[] dk0 = random(h * length, rng);
    float[] dD0 = random(h, rng);

    float[] y = new float[u.length];
    float[] yRef = new float[u.length];
    S4DConvolution.forward(k, d, u, y, batch, length, h);
    S4DKernel.convolve(k, d, u, yRef, batch, length, h);
    close(y, yRef, "y L=" + length + " H=" + h);

    float[] du = new float[u.length];
    float[] dk = dk0.clone();
    float[] dD = dD0.clone();
    float[] duRef = new float[u.length];
    float[] dkRef = dk0.clone();
    float[] dDRef = dD0.clone();
    S4DConvolution.backward(k, d, u, dy, du, dk, dD, batch, length, h);
    S4DKernel.convolveBackward(k, d, u, dy, duRef, dkRef, dDRef, batch, length, h);
    close(du, duRef, "du L=" + length + " H=" + h);
    close(dk, dkRef, "dk L=" + length + " H=" + h);
    close(dD, dDRef, "dD L=" + length + " H=" + h);
  }

  /** Float sums of up to ~100 terms of size 1 against double ones: 1e-5 absolute is ample. */
  private static void close(float[] got, float[] want, String what) {
    for (int i = 0; i < want.length; i++) {
      assertThat(Math.abs(got[i] - want[i])).as("%s [%d]: %s vs %s", what, i, got[i], want[i])
          .isLessThan(1e-5f * (1 + Math.abs(want[i])) * 8);
    }
  }

  private static float[] random(int n, SplittableRandom rng) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return a;
  }
}
