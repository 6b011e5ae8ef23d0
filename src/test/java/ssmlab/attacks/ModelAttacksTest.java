package ssmlab.attacks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@code model forward} and {@code model forms}: damaged configs, huge sizes. */
final class ModelAttacksTest {

  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void trainTinyRun() {
    run = Cli.tinyRun(dir);
  }

  private static Cli.Result forward(String config) throws Exception {
    Path file = Files.createTempFile(dir, "config", ".json");
    Files.writeString(file, config);
    return Cli.run("model", "forward", "--checkpoint", run.resolve("model.safetensors")
        .toString(), "--config", file.toString(), "--tokens", "0 1");
  }

  private static String config() throws Exception {
    return Files.readString(run.resolve("config.json"));
  }

  @Test
  void config_hugeLayerCount_isRefusedBeforeTheModelIsBuilt() throws Exception {
    forward(config().replaceFirst("\"n_layer\" : 1", "\"n_layer\" : 1000000000"))
        .isOneLineError("1000000000 layers", "heap");
  }

  @Test
  void config_hugeDState_namesDState() throws Exception {
    forward(config().replaceFirst("\"d_state\" : 4", "\"d_state\" : 1000000000"))
        .isOneLineError("ssm_cfg.d_state 1000000000 is too large");
  }

  @Test
  void config_repeatedKey_isRefused() throws Exception {
    forward(config().replaceFirst("\\{", "{\"n_layer\": 7,")).isOneLineError("n_layer");
  }

  @Test
  void forms_hugeLength_isRefusedNamingIt() {
    Cli.run("model", "forms", "--run", run.toString(), "-p", "8", "--length", "100000")
        .isOneLineError("--length 100000", "heap");
  }
}
