package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

final class ModelForwardTest {

  private static Path golden(String name, String file) throws URISyntaxException {
    return Path.of(ModelForwardTest.class
        .getResource("/ssmlab/model/mamba/golden/" + name + "/" + file).toURI());
  }

  private static String tokens(JsonNode golden) {
    var sb = new StringBuilder();
    golden.get("tokens").forEach(t -> sb.append(t.asInt()).append(' '));
    return sb.toString().strip();
  }

  @Test
  void forward_signedGolden_printsPyTorchLogits() throws Exception {
    JsonNode g = Json.MAPPER.readTree(golden("d16-l1-neg", "golden.json").toFile());
    Result r = MainTest.run("model", "forward",
        "--checkpoint", golden("d16-l1-neg", "model.safetensors").toString(),
        "--config", golden("d16-l1-neg", "config.json").toString(),
        "--tokens", tokens(g), "--eigenvalues", "-1,1");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode logits = Json.MAPPER.readTree(r.out()).get("logits");
    assertThat(logits.size()).isEqualTo(g.get("tokens").size());
    double max = 0;
    double err = 0;
    for (int t = 0; t < logits.size(); t++) {
      for (int v = 0; v < logits.get(t).size(); v++) {
        double want = g.get("logits").get(t).get(v).asDouble();
        max = Math.max(max, Math.abs(want));
        err = Math.max(err, Math.abs(want - logits.get(t).get(v).asDouble()));
      }
    }
    assertThat(err).isLessThan(1e-4 * max);
  }

  @Test
  void forward_withoutTheSignedOption_differsFromThatGolden() throws Exception {
    JsonNode g = Json.MAPPER.readTree(golden("d16-l1-neg", "golden.json").toFile());
    Result r = MainTest.run("model", "forward",
        "--checkpoint", golden("d16-l1-neg", "model.safetensors").toString(),
        "--config", golden("d16-l1-neg", "config.json").toString(), "--tokens", tokens(g));
    assertThat(r.code()).isZero();
    double got = Json.MAPPER.readTree(r.out()).get("logits").get(8).get(0).asDouble();
    assertThat(got).isNotCloseTo(g.get("logits").get(8).get(0).asDouble(),
        org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void forward_badInputs_areOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path ckpt = golden("d12-l1", "model.safetensors");
    Path cfg = golden("d12-l1", "config.json");
    Path truncated = dir.resolve("t.safetensors");
    Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(ckpt), 500));
    Path wrongSize = dir.resolve("config.json");
    Files.writeString(wrongSize, Files.readString(cfg).replace("\"d_model\": 12", "\"d_model\": 16"));
    String[][] cases = {
      {"--checkpoint", ckpt.toString(), "--config", cfg.toString(), "--tokens", "1 7"},
      {"--checkpoint", ckpt.toString(), "--config", cfg.toString(), "--tokens", "1 x"},
      {"--checkpoint", truncated.toString(), "--config", cfg.toString(), "--tokens", "1"},
      {"--checkpoint", ckpt.toString(), "--config", wrongSize.toString(), "--tokens", "1"},
      {"--checkpoint", ckpt.toString(), "--config", cfg.toString(), "--tokens", "1",
        "--eigenvalues", "0,2"},
      {"--checkpoint", dir.resolve("none").toString(), "--config", cfg.toString(), "--tokens", "1"},
    };
    for (String[] c : cases) {
      String[] args = new String[c.length + 2];
      args[0] = "model";
      args[1] = "forward";
      System.arraycopy(c, 0, args, 2, c.length);
      Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", c) + " -> " + r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
  }

}
