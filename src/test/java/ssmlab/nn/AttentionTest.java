package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

final class AttentionTest {

  @ParameterizedTest(name = "positions={0}")
  @EnumSource(value = PositionalEncoding.class, names = {"NONE", "ROPE", "ALIBI"})
  void attention_gradients_matchFiniteDifferences(PositionalEncoding positions) {
    var layer = new CausalSelfAttention("attn", 8, 2, positions, new SplittableRandom(3));
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 5, 31);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @ParameterizedTest(name = "positions={0}")
  @EnumSource(value = PositionalEncoding.class, names = {"NONE", "ROPE", "ALIBI"})
  void attention_laterTokens_doNotChangeEarlierOutputs(PositionalEncoding positions) {
    var layer = new CausalSelfAttention("attn", 8, 2, positions, new SplittableRandom(4));
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
    var layer = new CausalSelfAttention("attn", d, heads, PositionalEncoding.NONE,
        new SplittableRandom(6));
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
  void alibi_slopes_powerOfTwoAndThePapersRuleOtherwise() {
    assertThat(ALiBi.slopes(8)).containsExactly(
        1 / 2.0, 1 / 4.0, 1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 64.0, 1 / 128.0, 1 / 256.0);
    assertThat(ALiBi.slopes(2)).containsExactly(1 / 16.0, 1 / 256.0);
    // 6 heads: the 4-head slopes, then every other slope of 8 heads
    assertThat(ALiBi.slopes(6)).containsExactly(
        1 / 4.0, 1 / 16.0, 1 / 64.0, 1 / 256.0, 1 / 2.0, 1 / 8.0);
    assertThat(ALiBi.slopes(1)).containsExactly(1 / 256.0);
  }

  /**
   * 3 tokens, 2 heads of size 2, weights chosen so that q·k_j = 2·[j = 0] in both heads and the
   * output of query i is (p_i0, p_i1) per head: the probabilities must be
   * softmax_j(q·k_j/√2 − m_h·(i − j)) with m = (1/16, 1/256).
   */
  @Test
  void alibi_threeTokensTwoHeads_scoresAreTheFormula() {
    var layer = new CausalSelfAttention("attn", 4, 2, PositionalEncoding.ALIBI,
        new SplittableRandom(1));
    float[] wqkv = layer.parameters().get(0).data(); // (12, 4)
    float[] bqkv = layer.parameters().get(1).data();
    float[] wo = layer.parameters().get(2).data();
    Arrays.fill(wqkv, 0f);
    Arrays.fill(bqkv, 0f);
    Arrays.fill(wo, 0f);
    Arrays.fill(layer.parameters().get(3).data(), 0f);
    for (int h = 0; h < 2; h++) {
      bqkv[2 * h] = 2f; // q = (2, 0)
      wqkv[(4 + 2 * h) * 4 + 2 * h] = 1f; // k_j = (x_j[2h], 0)
    }
    for (int i = 0; i < 4; i++) {
      wqkv[(8 + i) * 4 + i] = 1f; // v = x
      wo[i * 4 + i] = 1f;
    }
    float[] x = {1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0};
    float[] y = layer.forward(x, 1, 3);
    double[] m = {1 / 16.0, 1 / 256.0};
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < 3; i++) {
        double[] e = new double[i + 1];
        double z = 0;
        for (int j = 0; j <= i; j++) {
          e[j] = Math.exp((j == 0 ? 2 : 0) / Math.sqrt(2) - m[h] * (i - j));
          z += e[j];
        }
        assertThat((double) y[i * 4 + 2 * h]).as("p_%d0, head %d", i, h)
            .isCloseTo(e[0] / z, within(1e-6));
        assertThat((double) y[i * 4 + 2 * h + 1]).as("p_%d1, head %d", i, h)
            .isCloseTo(i == 0 ? 0 : e[1] / z, within(1e-6));
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
