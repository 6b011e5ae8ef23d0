package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import tools.jackson.databind.JsonNode;

final class TrainCommandTest {

  @Test
  void trainThenEval_writesRunFolderAndReportsAccuracyPerLength(@TempDir Path dir)
      throws Exception {
    Path run = dir.resolve("run");
    Result t = MainTest.run("train", "--task", "parity", "--model", "lstm", "--d-model", "16",
        "--layers", "1", "--steps", "200", "--lr", "1e-2", "--train-lengths", "2..10",
        "--batch", "16", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(run.resolve("model.safetensors")).exists();
    assertThat(run.resolve("config.json")).exists();
    assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(200);
    assertThat(Files.readAllLines(run.resolve("metrics.jsonl")).getFirst())
        .contains("\"grad_norm\":").doesNotContain("gradNorm");
    assertThat(Files.readString(run.resolve("run.json"))).contains("\"weight_decay\":")
        .doesNotContain("weightDecay");
    assertThat(t.err()).contains("train: 200/200 steps (100%)").contains(", loss ");

    Result e = MainTest.run("eval", "--run", run.toString(), "--lengths", "8,32",
        "--count", "64");
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(e.out());
    assertThat(json.get("lengths")).hasSize(2);
    assertThat(json.get("lengths").get(1).get("length").asInt()).isEqualTo(32);
    assertThat(json.get("lengths").get(1).get("token_accuracy").asDouble()).isGreaterThan(0.95);
  }

  @Test
  void train_mamba_writesMambaSsmCheckpointThatModelForwardReads(@TempDir Path dir) {
    Path run = dir.resolve("m");
    Result t = MainTest.run("train", "--task", "z2", "--model", "mamba", "--d-model", "8",
        "--layers", "1", "--steps", "3", "--batch", "2", "--train-lengths", "4",
        "--no-progress", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Result f = MainTest.run("model", "forward", "--checkpoint",
        run.resolve("model.safetensors").toString(), "--config",
        run.resolve("config.json").toString(), "--tokens", "0 1 1");
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out()).startsWith("{\"logits\":[[");
  }

  @Test
  void eval_referenceForward_inDoubleAndExactFp_agreesWithTheEngine(@TempDir Path dir)
      throws Exception {
    Path run = dir.resolve("m");
    Result t = MainTest.run("train", "--task", "parity", "--model", "mamba", "--d-model", "8",
        "--layers", "1", "--d-state", "4", "--steps", "60", "--lr", "1e-2", "--batch", "8",
        "--train-lengths", "2..8", "--no-progress", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    double[] accuracy = new double[3];
    String[][] ariths = {{"--arith", "float32"}, {"--arith", "double"},
        {"--arith", "fp", "--precision", "53", "--exponent-bits", "11"}};
    for (int i = 0; i < ariths.length; i++) {
      String[] args = new String[] {"eval", "--run", run.toString(), "--lengths", "8",
          "--count", "16"};
      Result e = MainTest.run(concat(args, ariths[i]));
      assertThat(e.code()).as(e.err()).isZero();
      JsonNode json = Json.MAPPER.readTree(e.out());
      assertThat(json.get("arith").asString()).isEqualTo(ariths[i][1]);
      accuracy[i] = json.get("lengths").get(0).get("token_accuracy").asDouble();
    }
    assertThat(accuracy[1]).isEqualTo(accuracy[0]);
    assertThat(accuracy[2]).isEqualTo(accuracy[0]);

    // The two scan forms differ by rounding only: next to nothing at p = 53; at p = 4 both are
    // visibly off the double logits.
    double[] gap = new double[2];
    double[] error = new double[2];
    int[] precisions = {53, 4};
    for (int i = 0; i < 2; i++) {
      Result f = MainTest.run("model", "forms", "--run", run.toString(), "--precision",
          "" + precisions[i], "--exponent-bits", "11", "--length", "6", "--count", "2");
      assertThat(f.code()).as(f.err()).isZero();
      JsonNode json = Json.MAPPER.readTree(f.out());
      gap[i] = json.get("max_relative_difference_between_forms").asDouble();
      error[i] = Math.min(json.get("max_relative_error_sequential").asDouble(),
          json.get("max_relative_error_unrolled").asDouble());
    }
    assertThat(gap[0]).isLessThan(1e-12);
    assertThat(error[0]).isLessThan(1e-12);
    assertThat(error[1]).isGreaterThan(1e-3);

    for (String[] bad : new String[][] {{"--arith", "fp"}, {"--precision", "8"},
        {"--arith", "posit"}, {"--form", "parallel"}}) {
      Result e = MainTest.run(concat(new String[] {"eval", "--run", run.toString(),
          "--lengths", "8"}, bad));
      assertThat(e.code()).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(e.err().strip().lines()).as(e.err()).hasSize(1);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badInput_isOneLineAndExitTwo(@TempDir Path dir) {
    for (String[] args : new String[][] {
        {"train", "--task", "nope", "--model", "lstm", "--out", dir.toString()},
        {"train", "--task", "parity", "--model", "nope", "--out", dir.toString()},
        {"train", "--task", "parity", "--model", "lstm", "--steps", "0", "--out", dir.toString()},
        {"eval", "--run", dir.resolve("missing").toString(), "--lengths", "8"},
        {"bench", "train", "--model", "lstm", "--vocab", "1"}}) {
      Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
  }

  @Test
  void benchTrain_printsOneJsonLine() throws Exception {
    Result r = MainTest.run("bench", "train", "--model", "rnn", "--d-model", "8", "--layers",
        "1", "--batch", "2", "--length", "4", "--vocab", "5", "--steps", "2", "--threads", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("tokens_per_s").asDouble()).isPositive();
    assertThat(json.get("gflop_per_s").asDouble()).isPositive();
  }

  /** A diverging IDS4 without bounded transitions is pointed at transition_norm inf. */
  @Test
  void divergenceHint_namesTransitionNormForUnboundedIds4Only() {
    ModelConfig ids4 = Models.resolve(new ModelConfig("ids4", 8, 16, 1, Map.of()));
    assertThat(TrainCommand.divergenceHint(ids4)).contains("transition_norm=inf")
        .contains("smaller --lr");
    ModelConfig bounded = Models.resolve(new ModelConfig("ids4", 8, 16, 1,
        Map.of("transition_norm", "inf")));
    assertThat(TrainCommand.divergenceHint(bounded)).isEqualTo("try a smaller --lr");
    ModelConfig mamba = Models.resolve(new ModelConfig("mamba", 8, 16, 1, Map.of()));
    assertThat(TrainCommand.divergenceHint(mamba)).isEqualTo("try a smaller --lr");
  }
}
