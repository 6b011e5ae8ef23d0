package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on {@code ssmlab sweep} and {@code ssmlab demo}: bad values in a spec are refused
 * before any run trains, bad output folders are one line.
 */
final class SweepAttacksTest {
  @TempDir Path dir;

  /** One tiny run: an LSTM on parity, three steps. */
  static String spec(String trainOptions, String seeds, String testLengths) {
    return """
        name: tiny
        tasks: [parity]
        models: [{name: lstm, model: lstm, options: {d_model: 8}}]
        layers: [1]
        trainLengths: ["2-4"]
        testLengths: %s
        seeds: %s
        train: {steps: 3, batch: 2, lr: 0.01, options: {%s}}
        """.formatted(testLengths, seeds, trainOptions);
  }

  static String spec(String trainOptions) {
    return spec(trainOptions, "[1]", "[4]");
  }

  private Cli.Result sweep(String yaml, Path out) throws Exception {
    Path file = Files.writeString(dir.resolve("spec.yaml"), yaml);
    return Cli.run("sweep", file.toString(), "--out", out.toString(), "--no-progress");
  }

  @Test
  void tinySpec_runs() throws Exception {
    Cli.Result r = sweep(spec("eval_samples: 4"), dir.resolve("out"));
    assertThat(r.code()).as(r.err()).isZero();
  }

  // eval_samples -5 was stored as a finished run with accuracy -0.0; 0 and 2.5 failed only after
  // training. Every option is checked before the first run starts, so no folder appears.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "eval_samples: -5 | eval_samples", "eval_samples: 0 | eval_samples",
      "eval_samples: 2.5 | eval_samples", "eval_samples: abc | eval_samples",
      "eval_samples: 99999999999 | eval_samples", "eval_samples: true | eval_samples",
      "warmup: -1 | warmup", "warmup: 1.5 | warmup", "warmup: 3 | warmup",
      "weight_decay: -0.1 | weight_decay", "weight_decay: .inf | weight_decay",
      "weight_decay: .nan | weight_decay", "weight_decay: x | weight_decay",
      "clip: 0 | clip", "clip: -1 | clip", "clip: .inf | clip", "clip: .nan | clip",
      "schedule: linear | cosine", "wamrup: 1 | wamrup"})
  void badTrainOption_isRefusedBeforeAnyRun(String option, String named) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec(option), out))).contains(named);
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1.5]", "[1e30]", "[\"one\"]"})
  void nonIntegerSeed_isRefused(String seeds) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("", seeds, "[4]"), out)))
        .contains("'seeds[0]' must be an integer");
    assertThat(out).doesNotExist();
  }

  @Test
  void fractionalLayers_isRefused() throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("").replace("layers: [1]", "layers: [1.5]"), out)))
        .contains("'layers[0]' must be an integer, not 1.5");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"name: again\n", "train: {steps: 1, batch: 1, lr: 1}\n"})
  void repeatedKey_isRefused(String repeated) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("") + repeated, out))).containsIgnoringCase("duplicate");
    assertThat(out).doesNotExist();
  }

  @Test
  void repeatedNestedKeyInJson_isRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("spec.json"), """
        {"name": "tiny", "tasks": ["parity"], "models": ["lstm"], "trainLengths": ["2-4"],
         "testLengths": [4], "seeds": [1],
         "train": {"steps": 3, "batch": 2, "lr": 0.01, "lr": 0.1}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("sweep", file.toString(), "--out", out.toString());
    assertThat(Cli.refused(r)).containsIgnoringCase("duplicate");
    assertThat(out).doesNotExist();
  }

  // testLengths [1000000000] failed with NegativeArraySizeException after training.
  @ParameterizedTest
  @ValueSource(strings = {"[1000000000]", "[4, 2000000000]"})
  void hugeTestLength_isRefusedBeforeTraining(String lengths) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("", "[1]", lengths), out))).contains("too large");
    assertThat(out).doesNotExist();
  }

  @Test
  void hugeBatch_isRefusedBeforeTraining() throws Exception {
    Path out = dir.resolve("out");
    String yaml = spec("").replace("batch: 2", "batch: 1000000000");
    assertThat(Cli.refused(sweep(yaml, out))).contains("too large");
    assertThat(out).doesNotExist();
  }

  @Test
  void outIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    assertThat(Cli.refused(sweep(spec(""), file))).contains("afile");
    assertThat(file).hasContent("keep");
    assertThat(Cli.refused(sweep(spec(""), file.resolve("sub")))).contains("afile");
    assertThat(file).hasContent("keep");
  }

  @Test
  void outInAnUnwritableFolder_isOneLine() throws Exception {
    Path out = Cli.unwritableFolder(dir).resolve("out");
    assertThat(Cli.refused(sweep(spec(""), out))).contains(out.getParent().toString());
  }

  @Test
  void demoOutIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    Cli.Result r = Cli.run("demo", "--no-progress", "--out", file.toString());
    assertThat(Cli.refused(r)).contains("afile");
    assertThat(file).hasContent("keep");
  }
}
