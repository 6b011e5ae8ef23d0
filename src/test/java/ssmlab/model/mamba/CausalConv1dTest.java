package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ssmlab.nn.GradCheck;
import ssmlab.nn.GradCheck.Probe;

final class CausalConv1dTest {

  @Test
  void forward_handComputed_isCausalWithZeroLeftPad() {
    // one channel, K = 2, w = (w0, w1) = (2, 3), bias 1: y[t] = 1 + 2*x[t-1] + 3*x[t]
    float[] x = {1, 10, 100};
    float[] y = new float[3];
    CausalConv1d.forward(x, new float[] {2, 3}, new float[] {1}, y, 1, 3, 1, 2);
    assertThat(y).containsExactly(4f, 33f, 321f);
  }

  @Test
  void forward_twoChannels_keepChannelsApart() {
    // (L=2, C=2), K = 1: a per-channel scale, no mixing
    float[] y = new float[4];
    CausalConv1d.forward(new float[] {1, 2, 3, 4}, new float[] {10, -1}, null, y, 1, 2, 2, 1);
    assertThat(y).containsExactly(10f, -2f, 30f, -4f);
  }

  @Test
  void backward_matchesFiniteDifferences() {
    int batch = 2;
    int len = 5;
    int ch = 3;
    int k = 4;
    var rng = new SplittableRandom(7);
    float[] x = GradCheck.randomProjection(batch * len * ch, rng);
    float[] w = GradCheck.randomProjection(ch * k, rng);
    float[] bias = GradCheck.randomProjection(ch, rng);
    float[] r = GradCheck.randomProjection(batch * len * ch, rng);
    float[] dx = new float[x.length];
    float[] dw = new float[w.length];
    float[] db = new float[ch];
    float[] y = new float[x.length];
    var report = GradCheck.check(
        List.of(new Probe("x", x, dx), new Probe("w", w, dw), new Probe("bias", bias, db)),
        () -> {
          CausalConv1d.forward(x, w, bias, y, batch, len, ch, k);
          return GradCheck.dot(y, r);
        },
        () -> {
          java.util.Arrays.fill(dw, 0f);
          java.util.Arrays.fill(db, 0f);
          CausalConv1d.backward(x, w, r, dx, dw, db, batch, len, ch, k);
        },
        GradCheck.EPS, 64, rng);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(db[0]).isCloseTo(sumChannel(r, 0, ch), within(1e-5f));
  }

  @Test
  void vectorLoops_giveTheBitsOfTheScalarLoops() {
    // 37 channels: two 16-lane blocks and a scalar tail (on AVX-512); dw and dbias start non-zero
    int batch = 3;
    int len = 7;
    int ch = 37;
    int k = 4;
    var rng = new SplittableRandom(11);
    float[] x = GradCheck.randomProjection(batch * len * ch, rng);
    float[] w = GradCheck.randomProjection(ch * k, rng);
    float[] bias = GradCheck.randomProjection(ch, rng);
    float[] dy = GradCheck.randomProjection(batch * len * ch, rng);
    float[] dw0 = GradCheck.randomProjection(ch * k, rng);
    float[] db0 = GradCheck.randomProjection(ch, rng);

    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    float[] dw = dw0.clone();
    float[] db = db0.clone();
    CausalConv1d.forward(x, w, bias, y, batch, len, ch, k);
    CausalConv1d.backward(x, w, dy, dx, dw, db, batch, len, ch, k);

    float[] yRef = new float[x.length];
    float[] dxRef = new float[x.length];
    float[] dwRef = dw0.clone();
    float[] dbRef = db0.clone();
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < len; t++) {
        for (int c = 0; c < ch; c++) {
          int i = (b * len + t) * ch + c;
          yRef[i] = bias[c];
          dbRef[c] += dy[i];
          for (int j = 0; j < k; j++) {
            int src = t - (k - 1) + j;
            if (src >= 0) {
              int s = (b * len + src) * ch + c;
              yRef[i] += w[c * k + j] * x[s];
              dxRef[s] += w[c * k + j] * dy[i];
              dwRef[c * k + j] += dy[i] * x[s];
            }
          }
        }
      }
    }
    assertThat(y).containsExactly(yRef);
    assertThat(dx).containsExactly(dxRef);
    assertThat(dw).containsExactly(dwRef);
    assertThat(db).containsExactly(dbRef);
  }

  private static float sumChannel(float[] r, int c, int ch) {
    float s = 0;
    for (int i = c; i < r.length; i += ch) {
      s += r[i];
    }
    return s;
  }
}
