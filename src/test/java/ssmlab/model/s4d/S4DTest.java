package ssmlab.model.s4d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.GradCheck;
import ssmlab.nn.Parameter;

final class S4DTest {

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void recurrentAndConvolutionForms_agree(long seed) {
    var rng = new SplittableRandom(seed);
    var mixer = new S4DMixer("m", 5, 8, rng);
    // larger steps than the init, so that the state carries far back in time
    Arrays.fill(mixer.parameters().get(0).data(), (float) Math.log(0.3));
    float[] x = GradCheck.randomProjection(2 * 33 * 5, rng);
    float[] rec = mixer.recurrentForward(x, 2, 33);
    float[] conv = mixer.convolutionForward(x, 2, 33);
    for (int i = 0; i < rec.length; i++) {
      assertThat(conv[i]).as("seed=%d i=%d", seed, i)
          .isCloseTo(rec[i], within(1e-5f * (1 + Math.abs(rec[i]))));
    }
  }

  @Test
  void kernel_handComputed() {
    // one channel, one state: A = -1, dt = ln 2 -> Abar = 1/2, Bbar = (1/2 - 1)/(-1) * B = B/2
    var p = S4DKernel.discretize(new float[] {(float) Math.log(Math.log(2))}, new float[] {0},
        new float[] {2}, new float[] {3}, 1, 1);
    assertThat(p.aBar()[0]).isCloseTo(0.5f, within(1e-6f));
    assertThat(p.bBar()[0]).isCloseTo(1f, within(1e-6f));
    // K[k] = C * Abar^k * Bbar = 3, 1.5, 0.75
    assertThat(S4DKernel.kernel(p, 1, 1, 3)).containsExactly(new float[] {3f, 1.5f, 0.75f},
        within(1e-6f));
  }

  /**
   * Steps of 0.4, O(1) embeddings and projections: every gradient then stands well above the
   * float32 noise of finite differences, and the RMSNorm of a std-0.02 embedding is not probed
   * with a step of a quarter of its scale.
   */
  static void enlarge(java.util.List<Parameter> params) {
    var rng = new SplittableRandom(9);
    for (Parameter p : params) {
      if (p.name().endsWith("log_dt")) {
        Arrays.fill(p.data(), (float) Math.log(0.4));
      } else if (p.name().endsWith("embedding.weight") || p.name().contains("out_proj")
          || p.name().endsWith(".C")) {
        float[] r = GradCheck.randomProjection(p.size(), rng);
        System.arraycopy(r, 0, p.data(), 0, r.length);
      }
    }
  }

  @Test
  void mixer_backward_matchesFiniteDifferences() {
    var mixer = new S4DMixer("m", 4, 3, new SplittableRandom(2));
    enlarge(mixer.parameters());
    var report = checkLayer(mixer, 2, 7, 3, 2e-2);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
  }

  /**
   * {@link GradCheck#checkLayer} with a chosen step: the S4D output is smooth in its parameters,
   * so a larger step lowers the float32 noise of the differences without truncation error.
   */
  static GradCheck.Report checkLayer(S4DMixer layer, int batch, int len, long seed, double eps) {
    var rng = new SplittableRandom(seed);
    float[] x = GradCheck.randomProjection(batch * len * layer.inputDim(), rng);
    float[] r = GradCheck.randomProjection(batch * len * layer.outputDim(), rng);
    float[] dx = new float[x.length];
    var probes = new java.util.ArrayList<GradCheck.Probe>();
    probes.add(new GradCheck.Probe("input", x, dx));
    for (Parameter p : layer.parameters()) {
      probes.add(new GradCheck.Probe(p.name(), p.data(), p.grad()));
    }
    return GradCheck.check(probes, () -> GradCheck.dot(layer.forward(x, batch, len), r), () -> {
      layer.parameters().forEach(Parameter::zeroGrad);
      layer.forward(x, batch, len);
      System.arraycopy(layer.backward(r), 0, dx, 0, dx.length);
    }, eps, 64, rng);
  }

  @Test
  void model_backward_matchesFiniteDifferences() {
    SequenceModel m = Models.create(ModelConfig.of("s4d", 5, 6, 2).with("d_state", 4), 1);
    enlarge(m.parameters());
    int[] tokens = {0, 1, 2, 3, 4, 4, 3, 2};
    var rng = new SplittableRandom(4);
    float[] r = GradCheck.randomProjection(tokens.length * m.vocabSize(), rng);
    var probes = m.parameters().stream()
        .map(p -> new GradCheck.Probe(p.name(), p.data(), p.grad())).toList();
    var report = GradCheck.check(probes, () -> GradCheck.dot(m.forward(tokens, 2, 4), r), () -> {
      m.zeroGrad();
      m.forward(tokens, 2, 4);
      m.backward(r);
    }, 2e-2, 24, rng);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(m.parameters()).extracting(Parameter::name)
        .contains("backbone.layers.1.mixer.A_log", "backbone.layers.1.mixer.log_dt");
  }
}
