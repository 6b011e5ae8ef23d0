package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Attacks on {@code train}, {@code bench train} and {@code sweep}: sizes, threads, output. */
final class TrainSizeAttacksTest {

  private static String[] train(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "parity", "--model", "mamba",
        "--steps", "1", "--no-progress", "--out", out.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void train_hugeTrainLength_isRefusedBeforeAnyWork(@TempDir Path dir) {
    Path out = dir.resolve("r");
    Cli.run(train(out, "--train-lengths", "1000000000"))
        .isOneLineError("--train-lengths 1000000000", "heap");
    Cli.run(train(out, "--train-lengths", "1e9")).isOneLineError("1e9");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void train_hugeLayerCount_isRefusedBeforeTheModelIsBuilt(@TempDir Path dir) {
    Cli.run(train(dir.resolve("r"), "--layers", "100000000"))
        .isOneLineError("100000000 layers", "heap");
    Cli.run(train(dir.resolve("r"), "--d-model", "1000000")).isOneLineError("d_model 1000000");
  }

  @Test
  void threads_overTheCap_areRefused(@TempDir Path dir) {
    Cli.run(train(dir.resolve("r"), "--threads", "100000"))
        .isOneLineError("--threads must be in 1..1024, got 100000");
    Cli.run("bench", "train", "--model", "mamba", "--threads", "100000")
        .isOneLineError("--threads must be in 1..1024");
    Cli.run("sweep", "--threads-per-run", "100000", "--out", dir.resolve("s").toString(),
        dir.resolve("spec.yaml").toString()).isOneLineError("--threads-per-run must be in 1..1024");
  }

  @Test
  void bench_hugeSizes_areRefused() {
    Cli.run("bench", "train", "--model", "mamba", "--length", "1000000000", "--steps", "1")
        .isOneLineError("--length 1000000000");
    Cli.run("bench", "train", "--model", "mamba", "--layers", "100000000", "--steps", "1")
        .isOneLineError("100000000 layers");
  }

  @Test
  void train_summary_keysInTheDocumentedOrder(@TempDir Path dir) {
    Cli.Result r = Cli.run(train(dir.resolve("r"), "--d-model", "8", "--layers", "1",
        "--batch", "2", "--train-lengths", "4"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> keys = new ArrayList<>();
    JsonMapper.builder().build().readTree(r.out()).propertyNames().forEach(keys::add);
    assertThat(keys).containsExactly("out", "steps", "final_loss", "parameters", "seconds");
  }

  @Test
  void emptyOut_isRefusedOnEveryCommandWithOut(@TempDir Path dir) {
    Cli.run("train", "--task", "parity", "--model", "mamba", "--out", "")
        .isOneLineError("--out", "empty");
    Cli.run("tasks", "export", "--task", "parity", "--train-lengths", "2", "--test-lengths",
        "3", "--out", "").isOneLineError("--out", "empty");
    Cli.run("sweep", "--out", "", dir.resolve("spec.yaml").toString())
        .isOneLineError("--out", "empty");
    Cli.run("demo", "--out", "").isOneLineError("--out", "empty");
  }

  @Test
  void sweep_trainOptionNotANumber_saysSoInTheUsersWords(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), """
        name: t
        tasks: [parity]
        models: [mamba]
        layers: [1]
        widths: [8]
        train_lengths: ["4"]
        test_lengths: [4]
        seeds: [1]
        train: {steps: 1, batch: 2, lr: 1.0e-3, options: {warmup: abc}}
        """);
    Cli.Result r = Cli.run("sweep", "--no-progress", "--out", dir.resolve("out").toString(),
        spec.toString());
    assertThat(r.err()).contains("train option 'warmup' must be an integer >= 0, not abc")
        .doesNotContain("For input string");
  }
}
