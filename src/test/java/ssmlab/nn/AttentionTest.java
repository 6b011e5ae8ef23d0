package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class AttentionTest {

  @ParameterizedTest(name = "rotary={0}")
  @ValueSource(booleans = {false, true})
  void attention_gradients_matchFiniteDifferences(boolean rotary) {
    var layer = new CausalSelfAttention("attn", 8, 2, rotary, new SplittableRandom(3));
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 5, 31);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @ParameterizedTest(name = "rotary={0}")
  @ValueSource(booleans = {false, true})
  void attention_laterTokens_doNotChangeEarlierOutputs(boolean rotary) {
    var layer = new CausalSelfAttention("attn", 8, 2, rotary, new SplittableRandom(4));
    float[] x = GradCheck.randomProjection(6 * 8, new SplittableRandom(5));
    float[] before = layer.forward(x, 1, 6).clone();
    for (int i = 4 * 8; i < x.length; i++) {
      x[i] += 1f;
    }
    float[] after = layer.forward(x, 1, 6);
    for (int i = 0; i < 4 * 8; i++) {
      assertThat(after[i]).as("index %d", i).isEqualTo(before[i]);
    }
    assertThat(after[5 * 8]).isNotEqualTo(before[5 * 8]);
  }

  @Test
  void attention_matchesNaiveDoubleReference() {
    int d = 6;
    int heads = 3;
    int len = 4;
    var layer = new CausalSelfAttention("attn", d, heads, false, new SplittableRandom(6));
    float[] x = GradCheck.randomProjection(2 * len * d, new SplittableRandom(7));
    float[] y = layer.forward(x, 2, len);
    float[] wqkv = layer.parameters().get(0).data();
    float[] bqkv = layer.parameters().get(1).data();
    float[] wo = layer.parameters().get(2).data();
    float[] bo = layer.parameters().get(3).data();
    int hd = d / heads;
    for (int b = 0; b < 2; b++) {
      double[][] qkv = new double[len][3 * d];
      for (int t = 0; t < len; t++) {
        for (int j = 0; j < 3 * d; j++) {
          double s = bqkv[j];
          for (int i = 0; i < d; i++) {
            s += (double) wqkv[j * d + i] * x[(b * len + t) * d + i];
          }
          qkv[t][j] = s;
        }
      }
      for (int t = 0; t < len; t++) {
        double[] ctx = new double[d];
        for (int h = 0; h < heads; h++) {
          double[] w = new double[t + 1];
          double z = 0;
          for (int u = 0; u <= t; u++) {
            double s = 0;
            for (int i = 0; i < hd; i++) {
              s += qkv[t][h * hd + i] * qkv[u][d + h * hd + i];
            }
            w[u] = Math.exp(s / Math.sqrt(hd));
            z += w[u];
          }
          for (int u = 0; u <= t; u++) {
            for (int i = 0; i < hd; i++) {
              ctx[h * hd + i] += w[u] / z * qkv[u][2 * d + h * hd + i];
            }
          }
        }
        for (int j = 0; j < d; j++) {
          double s = bo[j];
          for (int i = 0; i < d; i++) {
            s += (double) wo[j * d + i] * ctx[i];
          }
          assertThat((double) y[(b * len + t) * d + j]).as("b=%d t=%d j=%d", b, t, j)
              .isCloseTo(s, within(1e-5));
        }
      }
    }
  }

  @Test
  void rope_inverseUndoesRotation_andKeepsNorm() {
    var rope = new RoPE(8);
    rope.ensure(10);
    float[] v = GradCheck.randomProjection(8, new SplittableRandom(8));
    float[] orig = v.clone();
    rope.rotate(v, 0, 7, false);
    double n0 = 0;
    double n1 = 0;
    for (int i = 0; i < 8; i++) {
      n0 += orig[i] * orig[i];
      n1 += v[i] * v[i];
    }
    assertThat(n1).isCloseTo(n0, within(1e-5));
    rope.rotate(v, 0, 7, true);
    for (int i = 0; i < 8; i++) {
      assertThat(v[i]).isCloseTo(orig[i], within(1e-6f));
    }
  }

  @Test
  void rope_position1_rotatesFirstPairByOneRadian() {
    var rope = new RoPE(4);
    rope.ensure(2);
    float[] v = {1, 0, 0, 0};
    rope.rotate(v, 0, 1, false);
    // pair (v0, v2) has θ_0 = 1: (1, 0) → (cos 1, sin 1)
    assertThat((double) v[0]).isCloseTo(Math.cos(1), within(1e-7));
    assertThat((double) v[2]).isCloseTo(Math.sin(1), within(1e-7));
  }

  @Test
  void sinusoidalPositions_handComputed() {
    var pos = AbsolutePositions.sinusoidal(4);
    float[] y = pos.forward(new float[2 * 4], 1, 2);
    // t = 1: sin(1), cos(1), sin(1/100), cos(1/100)
    assertThat(y[0]).isZero();
    assertThat(y[1]).isEqualTo(1f);
    assertThat((double) y[4]).isCloseTo(Math.sin(1), within(1e-7));
    assertThat((double) y[5]).isCloseTo(Math.cos(1), within(1e-7));
    assertThat((double) y[6]).isCloseTo(Math.sin(0.01), within(1e-7));
    assertThat((double) y[7]).isCloseTo(Math.cos(0.01), within(1e-7));
  }

  @Test
  void learnedPositions_gradients_matchFiniteDifferences() {
    var pos = AbsolutePositions.learned("pos", 5, 8, new SplittableRandom(9));
    GradCheck.Report r = GradCheck.checkLayer(pos, 3, 4, 32);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }
}
