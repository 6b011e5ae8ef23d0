package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ssmlab.model.LanguageModel;
import ssmlab.nn.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java Mamba against PyTorch: checkpoints, inputs, logits, loss and gradient norms written by
 * {@code torch_peer.py golden} (float64 PyTorch; the checkpoint stores float32), committed under
 * {@code src/test/resources/ssmlab/model/mamba/golden/}.
 */
final class GoldenTest {

  static Path golden(String name) {
    try {
      return Path.of(GoldenTest.class.getResource("/ssmlab/model/mamba/golden/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"d16-l2, '0,1'", "d12-l1, '0,1'", "d40-l2, '0,1'", "d16-l1-neg, '-1,1'"})
  void forward_matchesPyTorchLogits_andBackwardMatchesGradientNorms(String name, String ev) {
    Path dir = golden(name);
    MambaConfig cfg = MambaConfig.read(dir.resolve("config.json"))
        .withEigenvalues(Eigenvalues.parse(ev));
    LanguageModel model = MambaCheckpoint.load(dir.resolve("model.safetensors"), cfg);
    JsonNode g = JsonMapper.builder().build().readTree(dir.resolve("golden.json").toFile());
    int[] tokens = ints(g.get("tokens"));
    int len = tokens.length;
    int vocab = model.vocabSize();
    float[] logits = model.forward(tokens, 1, len).clone();

    double maxMagnitude = 0;
    double maxError = 0;
    for (int t = 0; t < len; t++) {
      for (int v = 0; v < vocab; v++) {
        double want = g.get("logits").get(t).get(v).asDouble();
        maxMagnitude = Math.max(maxMagnitude, Math.abs(want));
        maxError = Math.max(maxError, Math.abs(want - logits[t * vocab + v]));
      }
    }
    assertThat(maxError).as("%s: worst logit error vs max |logit| %.4g", name, maxMagnitude)
        .isLessThan(1e-4 * maxMagnitude);

    // The loss gradient: mean cross-entropy over positions, as F.cross_entropy.
    int[] targets = ints(g.get("targets"));
    float[] dLogits = new float[logits.length];
    double loss = 0;
    for (int t = 0; t < len; t++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < vocab; v++) {
        max = Math.max(max, logits[t * vocab + v]);
      }
      double z = 0;
      for (int v = 0; v < vocab; v++) {
        z += Math.exp(logits[t * vocab + v] - max);
      }
      loss += (Math.log(z) + max - logits[t * vocab + targets[t]]) / len;
      for (int v = 0; v < vocab; v++) {
        double p = Math.exp(logits[t * vocab + v] - max) / z;
        dLogits[t * vocab + v] = (float) ((p - (v == targets[t] ? 1 : 0)) / len);
      }
    }
    assertThat(loss).isCloseTo(g.get("loss").asDouble(),
        org.assertj.core.data.Offset.offset(1e-4));
    model.zeroGrad();
    model.backward(dLogits);
    for (Parameter p : model.parameters()) {
      double want = g.get("grad_norms").get(p.name()).asDouble();
      double norm = 0;
      for (float v : p.grad()) {
        norm += (double) v * v;
      }
      assertThat(Math.sqrt(norm)).as("%s %s", name, p.name())
          .isCloseTo(want, org.assertj.core.data.Percentage.withPercentage(0.5));
    }
  }
}
