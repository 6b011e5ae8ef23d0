package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.model.LanguageModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live checks against the PyTorch peer ({@code ../shared/bench/torch_peer.py} run by Debian's
 * python3 with python3-torch); skipped where either is missing. Slow: each call starts PyTorch.
 */
@Tag("slow")
final class TorchPeerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static Path peer() {
    for (Path p : List.of(Path.of("../shared/bench/torch_peer.py"),
        Path.of("/work/shared/bench/torch_peer.py"))) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath();
      }
    }
    return null;
  }

  private static String python(String... args) throws IOException, InterruptedException {
    Path peer = peer();
    assumeTrue(peer != null && Files.isExecutable(Path.of("/usr/bin/python3")),
        "torch_peer.py or /usr/bin/python3 missing");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", peer.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assumeTrue(!out.contains("No module named 'torch'"), "python3-torch is not installed");
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static double relativeError(JsonNode want, float[] got, int vocab) {
    double max = 0;
    double err = 0;
    for (int t = 0; t < want.size(); t++) {
      for (int v = 0; v < vocab; v++) {
        double w = want.get(t).get(v).asDouble();
        max = Math.max(max, Math.abs(w));
        err = Math.max(err, Math.abs(w - got[t * vocab + v]));
      }
    }
    return err / max;
  }

  @Test
  void freshGoldens_matchJavaForward() throws Exception {
    String[][] sizes = {
      {"--d-model", "24", "--layers", "3", "--vocab", "9", "--length", "20"},
      {"--d-model", "20", "--layers", "1", "--vocab", "5", "--length", "7", "--d-state", "4",
        "--negative-eigenvalues"}};
    for (String[] size : sizes) {
      Path out = dir.resolve(String.join("", size).replace("-", ""));
      List<String> args = new ArrayList<>(List.of("golden", "--out", out.toString(), "--seed",
          "5"));
      args.addAll(List.of(size));
      python(args.toArray(String[]::new));
      MambaConfig cfg = MambaConfig.read(out.resolve("config.json"));
      if (List.of(size).contains("--negative-eigenvalues")) {
        cfg = cfg.withEigenvalues(Eigenvalues.SIGNED);
      }
      LanguageModel m = MambaCheckpoint.load(out.resolve("model.safetensors"), cfg);
      JsonNode g = JSON.readTree(out.resolve("golden.json").toFile());
      float[] logits = m.forward(GoldenTest.ints(g.get("tokens")), 1, g.get("tokens").size());
      assertThat(relativeError(g.get("logits"), logits, m.vocabSize())).as(out.toString())
          .isLessThan(1e-4);
    }
  }

  @Test
  void javaCheckpoint_readByPyTorch_givesJavaLogits() throws Exception {
    MambaConfig cfg = MambaConfig.of(16, 2, 11).withSizes(16, 4, 2);
    cfg = new MambaConfig(cfg.dModel(), cfg.nLayer(), cfg.vocabSize(), cfg.dState(), cfg.dConv(),
        cfg.expand(), cfg.dtRank(), cfg.dtMin(), cfg.dtMax(), cfg.dtScale(), cfg.dtInitFloor(),
        cfg.dtInit(), true, false, true, false, 1, true, 1e-5, Eigenvalues.POSITIVE,
        Discretization.MAMBA);
    LanguageModel m = MambaLM.create(cfg, new SplittableRandom(3));
    MambaMixerTest.randomize(m.parameters(), 8);
    MambaCheckpoint.save(m, dir.resolve("model.safetensors"), Map.of("format", "pt"));
    cfg.write(dir.resolve("config.json"));
    int[] tokens = {3, 1, 4, 1, 5, 9, 2, 6};
    float[] logits = m.forward(tokens, 1, tokens.length);
    String out = python("forward", "--checkpoint", dir.resolve("model.safetensors").toString(),
        "--config", dir.resolve("config.json").toString(), "--tokens", "3 1 4 1 5 9 2 6");
    JsonNode torch = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(relativeError(torch.get("logits"), logits, m.vocabSize())).isLessThan(1e-4);
  }
}
