package ssmlab.attacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;

/** Attacks on checkpoints: weights that are not finite numbers, run.json with repeated keys. */
final class CheckpointAttacksTest {

  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void trainTinyRun() {
    run = Cli.tinyRun(dir);
  }

  private static Path withWeight(String name, float value) throws Exception {
    Path copy = Files.createTempDirectory(dir, "bad");
    for (String f : new String[] {"config.json", "run.json", "metrics.jsonl"}) {
      Files.copy(run.resolve(f), copy.resolve(f));
    }
    Map<String, FloatTensor> tensors = new LinkedHashMap<>(
        Safetensors.read(run.resolve("model.safetensors")));
    tensors.get(name).data()[1] = value;
    Safetensors.write(copy.resolve("model.safetensors"), Map.of("format", "pt"), tensors);
    return copy;
  }

  @Test
  void nanOrInfiniteWeight_isRefusedNamingTheTensor() throws Exception {
    String tensor = "backbone.layers.0.mixer.out_proj.weight";
    Cli.run("eval", "--run", withWeight(tensor, Float.NaN).toString(), "--lengths", "4")
        .isOneLineError(tensor, "NaN");
    Path inf = withWeight(tensor, Float.POSITIVE_INFINITY);
    Cli.run("eval", "--run", inf.toString(), "--lengths", "4").isOneLineError(tensor, "Infinity");
    Cli.run("model", "forward", "--checkpoint", inf.resolve("model.safetensors").toString(),
        "--config", inf.resolve("config.json").toString(), "--tokens", "0 1")
        .isOneLineError(tensor);
  }

  @Test
  void runJson_repeatedKey_isRefused() throws Exception {
    Path copy = withWeight("backbone.layers.0.mixer.D", 0.5f);
    String json = Files.readString(copy.resolve("run.json"));
    Files.writeString(copy.resolve("run.json"), json.replaceFirst("\\{", "{\"task\":\"z2\","));
    Cli.run("eval", "--run", copy.toString(), "--lengths", "4").isOneLineError("run.json");
  }
}
