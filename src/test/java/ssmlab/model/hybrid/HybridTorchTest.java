package ssmlab.model.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;
import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.nn.CrossEntropy;
import ssmlab.nn.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java hybrid against the project's own PyTorch reference ({@code src/test/python/
 * hybrid_ref.py}, float64): logits to 1e-4 relative and every parameter's gradient norm of a
 * mean cross-entropy to 0.5%, on random small models covering each block order and attention
 * position. Runs with Debian's {@code /usr/bin/python3} and python3-torch; skipped without.
 * Slow: starting PyTorch and its step-by-step scan take about 10 s.
 */
@Tag("slow")
final class HybridTorchTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path SCRIPT = Path.of("src/test/python/hybrid_ref.py");
  private static final int BATCH = 2;
  private static final int LENGTH = 7;
  private static final int VOCAB = 11;

  /** A random small model: pattern, position, width, heads, and one Mamba variation. */
  private record Case(String pattern, String pos, int dModel, int heads,
      Map<String, String> mamba) {
    ModelConfig config() {
      var options = new TreeMap<>(mamba);
      options.putAll(Map.of("pattern", pattern, "pos", pos, "heads", String.valueOf(heads)));
      return new ModelConfig("hybrid", VOCAB, dModel, pattern.length(), options);
    }

    String name() {
      return pattern + "-" + pos + "-h" + heads;
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("MA", "rope", 16, 2, Map.of("d_state", "4")),
      new Case("AM", "alibi", 12, 6, Map.of("d_state", "3", "d_conv", "2")),
      new Case("AM", "none", 16, 4, Map.of("d_state", "4", "expand", "1")),
      new Case("MAMA", "alibi", 16, 4, Map.of("d_state", "4", "eigenvalues", "-1,1",
          "discretization", "zoh")),
      new Case("MAMA", "rope", 16, 2, Map.of("d_state", "2", "dt_rank", "3")));

  @TempDir Path dir;

  @Test
  void javaForwardAndGradients_matchPyTorch() throws Exception {
    assumeTrue(torchInstalled(), "python3-torch is not installed for /usr/bin/python3");
    Map<String, Result> java = new LinkedHashMap<>();
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString()));
    long seed = 1;
    for (Case c : CASES) {
      Path caseDir = dir.resolve(c.name());
      Files.createDirectories(caseDir);
      java.put(caseDir.toString(), writeAndRun(c, caseDir, seed++));
      cmd.add(caseDir.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    for (String line : out.strip().split("\n")) {
      JsonNode torch = JSON.readTree(line);
      Result j = java.get(torch.get("case").asString());
      String name = Path.of(torch.get("case").asString()).getFileName().toString();
      assertThat(logitError(torch.get("logits"), j.logits())).as("%s logits", name)
          .isLessThan(1e-4);
      assertThat(j.loss()).as("%s loss", name)
          .isCloseTo(torch.get("loss").asDouble(), Percentage.withPercentage(1e-3));
      for (var e : j.gradNorms().entrySet()) {
        double want = torch.get("grad_norms").get(e.getKey()).asDouble();
        assertThat(Math.abs(e.getValue() - want) / want).as("%s grad norm %s: %g vs %g", name,
            e.getKey(), e.getValue(), want).isLessThan(0.005);
      }
      java.remove(torch.get("case").asString());
    }
    assertThat(java).as("cases PyTorch did not answer").isEmpty();
  }

  private record Result(float[] logits, double loss, Map<String, Double> gradNorms) {}

  /** Writes the case for the reference and returns the Java logits, loss and gradient norms. */
  private static Result writeAndRun(Case c, Path caseDir, long seed) throws IOException {
    SequenceModel m = OrderOneWeights.create(c.config(), seed);
    var rng = new SplittableRandom(seed);
    int[] tokens = rng.ints(BATCH * LENGTH, 0, VOCAB).toArray();
    int[] targets = rng.ints(BATCH * LENGTH, 0, VOCAB).toArray();
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    for (Parameter p : m.parameters()) {
      tensors.put(p.name(), new FloatTensor(p.shape(), p.data().clone()));
    }
    Safetensors.write(caseDir.resolve("model.safetensors"), Map.of(), tensors);
    Map<String, Object> json = new LinkedHashMap<>(m.config().options());
    json.putAll(Map.of("d_model", c.dModel(), "heads", c.heads(), "d_state",
        m.config().intOption("d_state"), "expand", m.config().intOption("expand"),
        "dt_rank", m.config().intOption("dt_rank"), "eps", 1e-5, "batch", BATCH,
        "length", LENGTH, "tokens", tokens, "targets", targets));
    JSON.writeValue(caseDir.resolve("case.json").toFile(), json);

    m.zeroGrad();
    float[] logits = m.forward(tokens, BATCH, LENGTH).clone();
    var ce = new CrossEntropy();
    double loss = ce.forwardBackward(logits, targets, BATCH * LENGTH, VOCAB);
    m.backward(ce.gradient());
    Map<String, Double> norms = new LinkedHashMap<>();
    for (Parameter p : m.parameters()) {
      double s = 0;
      for (float g : p.grad()) {
        s += (double) g * g;
      }
      norms.put(p.name(), Math.sqrt(s));
    }
    return new Result(logits, loss, norms);
  }

  /** max |torch − java| / max |torch| over every logit. */
  private static double logitError(JsonNode want, float[] got) {
    assertThat(want.size()).isEqualTo(got.length);
    double max = 0;
    double err = 0;
    for (int i = 0; i < got.length; i++) {
      double w = want.get(i).asDouble();
      max = Math.max(max, Math.abs(w));
      err = Math.max(err, Math.abs(w - got[i]));
    }
    return err / max;
  }

  private static boolean torchInstalled() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
      return false;
    }
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
