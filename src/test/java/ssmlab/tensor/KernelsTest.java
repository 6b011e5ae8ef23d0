package ssmlab.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class KernelsTest {

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void vectorKernels_randomSlices_matchScalar(long seed) {
    var rng = new SplittableRandom(seed);
    int n = rng.nextInt(70);
    int off = rng.nextInt(4);
    float[] a = random(off + n, 3, rng);
    float[] b = random(off + n, 3, rng);
    float[] dy = random(off + n, 1, rng);
    String msg = "seed=" + seed + " n=" + n;

    assertClose(run((o) -> ScalarKernels.add(a, off, b, off, o, off, n), off + n),
        run((o) -> VectorKernels.add(a, off, b, off, o, off, n), off + n), 0, msg + " add");
    assertClose(run((o) -> ScalarKernels.mul(a, off, b, off, o, off, n), off + n),
        run((o) -> VectorKernels.mul(a, off, b, off, o, off, n), off + n), 0, msg + " mul");
    float[] ys = b.clone();
    float[] yv = b.clone();
    ScalarKernels.axpy(0.7f, a, off, ys, off, n);
    VectorKernels.axpy(0.7f, a, off, yv, off, n);
    assertClose(ys, yv, 1e-6, msg + " axpy");
    assertThat((double) VectorKernels.sum(a, off, n))
        .as(msg + " sum").isCloseTo(ScalarKernels.sum(a, off, n), within(1e-4));
    assertThat((double) VectorKernels.dot(a, off, b, off, n))
        .as(msg + " dot").isCloseTo(ScalarKernels.dot(a, off, b, off, n), within(1e-3));
    assertThat(VectorKernels.max(a, off, n)).as(msg + " max").isEqualTo(ScalarKernels.max(a, off,
        n));
    assertClose(run((o) -> ScalarKernels.exp(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.exp(a, off, o, off, n), off + n), 3e-7, msg + " exp");
    assertClose(run((o) -> ScalarKernels.silu(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.silu(a, off, o, off, n), off + n), 1e-6, msg + " silu");
    if (n > 0) {
      float[] ss = a.clone();
      float[] sv = a.clone();
      ScalarKernels.softmax(ss, off, n, 0.7f);
      VectorKernels.softmax(sv, off, n, 0.7f);
      assertClose(ss, sv, 1e-6, msg + " softmax");
    }
    assertClose(run((o) -> ScalarKernels.sigmoid(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.sigmoid(a, off, o, off, n), off + n), 1e-6, msg + " sigmoid");
    assertClose(run((o) -> ScalarKernels.tanh(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.tanh(a, off, o, off, n), off + n), 3e-7, msg + " tanh");
    assertClose(run((o) -> ScalarKernels.gelu(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.gelu(a, off, o, off, n), off + n), 1e-6, msg + " gelu");
    assertClose(run((o) -> ScalarKernels.geluBackward(a, off, dy, off, o, off, n, false), off + n),
        run((o) -> VectorKernels.geluBackward(a, off, dy, off, o, off, n, false), off + n), 1e-6,
        msg + " geluBackward");
    assertClose(run((o) -> ScalarKernels.softplus(a, off, o, off, n), off + n),
        run((o) -> VectorKernels.softplus(a, off, o, off, n), off + n), 1e-6, msg + " softplus");
    assertClose(run((o) -> ScalarKernels.siluBackward(a, off, dy, off, o, off, n, false), off + n),
        run((o) -> VectorKernels.siluBackward(a, off, dy, off, o, off, n, false), off + n), 1e-6,
        msg + " siluBackward");
    assertClose(
        run((o) -> ScalarKernels.softplusBackward(a, off, dy, off, o, off, n, false), off + n),
        run((o) -> VectorKernels.softplusBackward(a, off, dy, off, o, off, n, false), off + n),
        1e-6, msg + " softplusBackward");
    int half = n / 2;
    for (boolean inverse : new boolean[] {false, true}) {
      float[] rs = a.clone();
      float[] rv = a.clone();
      ScalarKernels.rotatePairs(rs, off, half, b, dy, off, inverse);
      VectorKernels.rotatePairs(rv, off, half, b, dy, off, inverse);
      assertThat(rv).as(msg + " rotatePairs, the same bits").isEqualTo(rs);
    }
  }

  @Test
  void vectorExp_wideRangeAndSpecials_withinTwoUlp() {
    float[] x = new float[4096];
    for (int i = 0; i < x.length - 8; i++) {
      x[i] = -87.2f + 175.8f * i / (x.length - 9);
    }
    float[] special = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -100f, 100f,
        0f, -0f, 1f};
    System.arraycopy(special, 0, x, x.length - 8, 8);
    float[] y = new float[x.length];
    VectorKernels.exp(x, 0, y, 0, x.length);
    for (int i = 0; i < x.length - 8; i++) {
      double want = Math.exp(x[i]);
      assertThat((double) y[i]).as("exp(%s)", x[i]).isCloseTo(want, within(2.5 * Math.ulp(
          (float) want)));
    }
    assertThat(y[x.length - 8]).isNaN();
    assertThat(y[x.length - 7]).isZero();
    assertThat(y[x.length - 6]).isInfinite();
    assertThat(y[x.length - 5]).isZero();
    assertThat(y[x.length - 4]).isInfinite();
    assertThat(y[x.length - 3]).isEqualTo(1f);
    assertThat(y[x.length - 1]).isCloseTo((float) Math.E, within(Math.ulp((float) Math.E)));
  }

  @Test
  void softmax_handComputed() {
    float[] x = {0f, (float) Math.log(3), 5f};
    Kernels.softmax(x, 0, 2, 1f);
    assertThat(x[0]).isCloseTo(0.25f, within(1e-7f));
    assertThat(x[1]).isCloseTo(0.75f, within(1e-7f));
    assertThat(x[2]).isEqualTo(5f);
  }

  @Test
  void softplus_largeInput_isIdentity() {
    float[] x = {25f, 30f, 19f, 0f, -30f, 1f, 2f, 3f, 50f};
    float[] y = new float[x.length];
    VectorKernels.softplus(x, 0, y, 0, x.length);
    assertThat(y[0]).isEqualTo(25f);
    assertThat(y[1]).isEqualTo(30f);
    assertThat((double) y[3]).isCloseTo(Math.log(2), within(1e-7));
    assertThat((double) y[4]).isCloseTo(Math.exp(-30), within(1e-16));
    assertThat(y[8]).isEqualTo(50f);
  }

  interface Fill {
    void into(float[] out);
  }

  static float[] run(Fill f, int n) {
    float[] out = new float[n];
    f.into(out);
    return out;
  }

  static void assertClose(float[] want, float[] got, double relTol, String msg) {
    for (int i = 0; i < want.length; i++) {
      double tol = relTol * Math.max(1, Math.abs(want[i]));
      assertThat((double) got[i]).as("%s index %d", msg, i).isCloseTo(want[i], within(tol));
    }
  }

  static float[] random(int n, float scale, SplittableRandom rng) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
    }
    return a;
  }
}
