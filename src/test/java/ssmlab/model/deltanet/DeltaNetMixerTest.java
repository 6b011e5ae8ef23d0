package ssmlab.model.deltanet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ssmlab.model.mamba.Eigenvalues;
import ssmlab.nn.GradCheck;
import ssmlab.nn.Init;
import ssmlab.nn.Parameter;

final class DeltaNetMixerTest {

  @ParameterizedTest(name = "d_model={0} heads={1} d_conv={2} {3} n_h={4}")
  @CsvSource({
    "32, 2, 4, '0,1', 1",   // dv = 16: the vector scan on every x86 width
    "32, 2, 4, '-1,1', 2",
    "6, 2, 4, '-1,1', 1",   // dv = 3: the scalar scan
    "6, 2, 1, '0,1', 3",
    "4, 1, 2, '-1,1', 2"})
  void backward_matchesFiniteDifferences(int dModel, int heads, int dConv, String ev,
      int householder) {
    var mixer = new DeltaNetMixer("m", dModel, heads, dConv, Eigenvalues.parse(ev), householder,
        new SplittableRandom(3));
    randomize(mixer, 4);
    var report = GradCheck.checkLayer(mixer, 2, 5, 23);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(report.perTensor()).hasSize(1 + mixer.parameters().size());
  }

  @ParameterizedTest(name = "n_h={0}")
  @CsvSource({"1", "2"})
  void vectorRule_matchesScalarRule(int steps) {
    int dk = 16;
    int len = 7;
    int sh = 1; // the second (sequence, head): offsets must be honoured
    var p = new DeltaRule.Shape(len, steps, dk, dk, 0.25f);
    var rng = new SplittableRandom(5);
    int sub = 2 * len * steps;
    float[] q = random(2 * len * dk, rng);
    float[] k = random(sub * dk, rng);
    float[] v = random(sub * dk, rng);
    float[] beta = random(sub, rng);
    float[] dOut = random(2 * len * dk, rng);
    DeltaRule[] rules = {new ScalarDeltaRule(), new VectorDeltaRule()};
    float[][][] out = new float[2][][];
    for (int r = 0; r < 2; r++) {
      float[] states = new float[sub * dk * dk];
      float[] w = new float[sub * dk];
      float[] o = new float[2 * len * dk];
      float[] dq = new float[q.length];
      float[] dk2 = new float[k.length];
      float[] dv = new float[v.length];
      float[] db = new float[beta.length];
      rules[r].forward(p, sh, q, k, v, beta, states, w, o);
      rules[r].backward(p, sh, q, k, beta, states, w, dOut, dq, dk2, dv, db, new float[dk * dk],
          new float[dk]);
      out[r] = new float[][] {states, w, o, dq, dk2, dv, db};
    }
    for (int a = 0; a < out[0].length; a++) {
      for (int i = 0; i < out[0][a].length; i++) {
        assertThat((double) out[1][a][i]).as("array %d index %d", a, i).isCloseTo(out[0][a][i],
            org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(out[0][a][i]))));
      }
    }
  }

  /** One head, dk = 2, by hand: S_1 = β v kᵀ from S_0 = 0, then the delta rule at t = 1. */
  @Test
  void deltaRule_handComputed() {
    var p = new DeltaRule.Shape(2, 1, 2, 2, 1f);
    float[] k = {1, 0, 0.6f, 0.8f};
    float[] v = {2, 3, 1, 1};
    float[] beta = {0.5f, 1f};
    float[] q = {0, 1, 1, 0};
    float[] states = new float[8];
    float[] w = new float[4];
    float[] o = new float[4];
    new ScalarDeltaRule().forward(p, 0, q, k, v, beta, states, w, o);
    // S_0 = 0.5·(2, 3)(1, 0)ᵀ = [[1, 0], [1.5, 0]]; o_0 = S_0·(0, 1) = (0, 0)
    // w_1 = (1, 1) − S_0·(0.6, 0.8) = (0.4, 0.1); S_1 = S_0 + w_1 (0.6, 0.8)ᵀ; o_1 = S_1·(1, 0)
    assertThat(o[0]).isZero();
    assertThat(o[1]).isZero();
    assertThat((double) o[2]).isCloseTo(1 + 0.4 * 0.6, org.assertj.core.data.Offset.offset(1e-6));
    assertThat((double) o[3]).isCloseTo(1.5 + 0.1 * 0.6,
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void headsNotDividingWidth_areRefused() {
    assertThatThrownBy(() -> new DeltaNetMixer("m", 10, 4, 4, Eigenvalues.POSITIVE, 1,
        new SplittableRandom(1))).hasMessageContaining("heads (4) must divide d_model (10)");
  }

  private static float[] random(int n, SplittableRandom rng) {
    float[] a = new float[n];
    Init.uniform(a, 1f, rng);
    return a;
  }

  /** O(1) weights so every gradient stands above the float32 noise of finite differences. */
  static void randomize(DeltaNetMixer mixer, long seed) {
    var rng = new SplittableRandom(seed);
    for (Parameter p : mixer.parameters()) {
      float[] v = p.data();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) ((2 * rng.nextDouble() - 1) * 0.5);
      }
    }
  }
}
