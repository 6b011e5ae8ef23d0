package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference checks of every basic layer's backward. */
final class LayerGradientTest {

  @ParameterizedTest(name = "bias={0}")
  @ValueSource(booleans = {true, false})
  void linear_gradients_matchFiniteDifferences(boolean bias) {
    var layer = new Linear("lin", 7, 11, bias, new SplittableRandom(1));
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 3, 11);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void tiedLinear_gradient_landsInSharedWeight() {
    var emb = new Embedding("embedding", 9, 6, 0.5f, new SplittableRandom(2));
    var head = Linear.tiedTo(emb.weight());
    assertThat(head.parameters()).isEmpty();
    GradCheck.Report r = GradCheck.checkLayer(new WithParams(head, emb.parameters()), 2, 3, 12);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void rmsNorm_gradients_matchFiniteDifferences() {
    var layer = new RMSNorm("norm", 10, RMSNorm.DEFAULT_EPS);
    randomize(layer.parameters(), 3);
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 3, 13);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void layerNorm_gradients_matchFiniteDifferences() {
    var layer = new LayerNorm("ln", 10, LayerNorm.DEFAULT_EPS);
    randomize(layer.parameters(), 4);
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 3, 14);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void silu_gradient_matchesFiniteDifferences() {
    GradCheck.Report r = GradCheck.checkLayer(Activation.silu(13), 2, 3, 15);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void gelu_gradient_matchesFiniteDifferences() {
    GradCheck.Report r = GradCheck.checkLayer(Activation.gelu(13), 2, 3, 18);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void gelu_handComputed() {
    float[] y = Activation.gelu(1).forward(new float[] {1f}, 1, 1);
    // 0.5·(1 + tanh(√(2/π)·1.044715))
    double want = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715));
    assertThat((double) y[0]).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void softplus_gradient_matchesFiniteDifferences() {
    var rng = new SplittableRandom(16);
    float[] x = new float[2 * 3 * 13];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (8 * rng.nextDouble() - 4);
    }
    GradCheck.Report r = GradCheck.checkLayer(Activation.softplus(13), x, 2, 3, 16);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void embedding_gradient_matchesFiniteDifferences() {
    var emb = new Embedding("embedding", 5, 4, 1f, new SplittableRandom(5));
    int[] tokens = {0, 3, 3, 1, 4, 3};
    var rng = new SplittableRandom(17);
    float[] proj = GradCheck.randomProjection(tokens.length * 4, rng);
    var p = emb.weight();
    GradCheck.Report r = GradCheck.check(
        List.of(new GradCheck.Probe(p.name(), p.data(), p.grad())),
        () -> GradCheck.dot(emb.forward(tokens, 2, 3), proj),
        () -> {
          p.zeroGrad();
          emb.forward(tokens, 2, 3);
          emb.backward(proj);
        }, GradCheck.EPS, 100, rng);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void rmsNorm_handComputed() {
    var layer = new RMSNorm("norm", 2, 0f);
    float[] y = layer.forward(new float[] {3, 4}, 1, 1);
    // rms = sqrt((9 + 16) / 2) = sqrt(12.5)
    double rms = Math.sqrt(12.5);
    assertThat((double) y[0]).isCloseTo(3 / rms, org.assertj.core.data.Offset.offset(1e-6));
    assertThat((double) y[1]).isCloseTo(4 / rms, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void layerNorm_handComputed() {
    var layer = new LayerNorm("ln", 3, 0f);
    float[] y = layer.forward(new float[] {1, 2, 3}, 1, 1);
    // mean 2, biased variance 2/3
    double s = Math.sqrt(2.0 / 3);
    assertThat((double) y[0]).isCloseTo(-1 / s, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(y[1]).isZero();
    assertThat((double) y[2]).isCloseTo(1 / s, org.assertj.core.data.Offset.offset(1e-6));
  }

  static void randomize(List<Parameter> params, long seed) {
    var rng = new SplittableRandom(seed);
    for (Parameter p : params) {
      Init.uniform(p.data(), 1f, rng);
      for (int i = 0; i < p.size(); i++) {
        p.data()[i] += 1f;
      }
    }
  }

  /** A layer seen with extra parameters (for checking a tied weight through its owner). */
  record WithParams(Layer inner, List<Parameter> params) implements Layer {
    @Override
    public int inputDim() {
      return inner.inputDim();
    }

    @Override
    public int outputDim() {
      return inner.outputDim();
    }

    @Override
    public float[] forward(float[] x, int batch, int len) {
      return inner.forward(x, batch, len);
    }

    @Override
    public float[] backward(float[] dy) {
      return inner.backward(dy);
    }

    @Override
    public List<Parameter> parameters() {
      return params;
    }
  }
}
