package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.ResultsFixture;
import ssmlab.experiment.RunExecutor;
import tools.jackson.databind.JsonNode;

/** The sweep command over the tests' stand-in executor (Main registers it with training). */
final class SweepCommandTest {
  @TempDir Path dir;
  private Path spec;

  @BeforeEach
  void writeSpec() throws Exception {
    spec = Files.writeString(dir.resolve("grid.yaml"), ResultsFixture.GRID);
  }

  private static MainTest.Result run(RunExecutor executor, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
        new SweepCommand(executor));
    int code = cl.execute(args);
    return new MainTest.Result(code, out.toString(), err.toString());
  }

  @Test
  void sweep_spec_runsEverythingThenMerges() throws Exception {
    Path out = dir.resolve("out");
    MainTest.Result r = run(ResultsFixture.executor(), "sweep", spec.toString(),
        "--out", out.toString(), "--jobs", "2");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(r.out());
    assertThat(summary.get("runs").asInt()).isEqualTo(24);
    assertThat(summary.get("finished").asInt()).isEqualTo(24);
    assertThat(r.err()).contains("24/24 runs (100%)");
    assertThat(Files.readAllLines(out.resolve(ResultsDir.JSONL))).hasSize(72);

    MainTest.Result again = run(ResultsFixture.executor(), "sweep", spec.toString(),
        "--out", out.toString(), "--no-progress");
    assertThat(Json.MAPPER.readTree(again.out()).get("skipped").asInt()).isEqualTo(24);
    assertThat(again.err()).isEmpty();
  }

  @Test
  void dryRun_listsWhatWouldTrain_andWritesNothing() throws Exception {
    Path out = dir.resolve("planned");
    MainTest.Result r = run(ResultsFixture.executor(), "sweep", spec.toString(),
        "--out", out.toString(), "--dry-run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out).doesNotExist();
    var lines = r.out().lines().toList();
    assertThat(lines).hasSize(25);
    for (String line : lines.subList(0, 24)) {
      JsonNode run = Json.MAPPER.readTree(line);
      assertThat(run.get("action").asString()).isEqualTo("train");
      assertThat(run.get("id").asString()).hasSize(16);
      assertThat(run.has("task") && run.has("model") && run.has("seed")).isTrue();
    }
    JsonNode summary = Json.MAPPER.readTree(lines.get(24));
    assertThat(summary.get("runs").asInt()).isEqualTo(24);
    assertThat(summary.get("train").asInt()).isEqualTo(24);

    assertThat(run(ResultsFixture.executor(), "sweep", spec.toString(), "--out", out.toString(),
        "--no-progress", "--shard", "0/3").code()).isZero();
    MainTest.Result after = run(ResultsFixture.executor(), "sweep", spec.toString(),
        "--out", out.toString(), "--dry-run");
    JsonNode left = Json.MAPPER.readTree(after.out().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(left.get("finished").asInt()).isEqualTo(8);
    assertThat(left.get("train").asInt()).isEqualTo(16);
  }

  @Test
  void sweep_shards_splitTheRunsAndLeaveMergingToMerge() throws Exception {
    Path out = dir.resolve("shared");
    int total = 0;
    for (String shard : new String[] {"0/2", "1/2"}) {
      MainTest.Result r = run(ResultsFixture.executor(), "sweep", spec.toString(),
          "--out", out.toString(), "--shard", shard, "--no-progress");
      assertThat(r.code()).as(r.err()).isZero();
      total += Json.MAPPER.readTree(r.out()).get("finished").asInt();
    }
    assertThat(total).isEqualTo(24);
    assertThat(out.resolve(ResultsDir.JSONL)).doesNotExist();
    assertThat(MainTest.run("results", "merge", out.toString(), "--complete").code()).isZero();
  }

  /** Kept models are the very ones the results measured: eval on the same samples agrees. */
  @Test
  void sweep_keepModels_writesRunFoldersThatEvalReads() throws Exception {
    Path small = Files.writeString(dir.resolve("small.yaml"), """
        name: keep
        tasks: [parity]
        models: [lstm]
        layers: [1]
        widths: [4]
        train_lengths: ["2-6"]
        test_lengths: [6]
        seeds: [3]
        train: {steps: 20, batch: 4, lr: 0.01, options: {eval_samples: 32}}
        """);
    Path out = dir.resolve("kept");
    MainTest.Result r = MainTest.run("sweep", small.toString(), "--out", out.toString(),
        "--keep-models", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    var record = new ResultsDir(out).readRuns().getFirst();
    Path model = out.resolve(SweepCommand.MODELS).resolve(record.id());
    MainTest.Result e = MainTest.run("eval", "--run", model.toString(), "--lengths", "6",
        "--count", "32", "--seed", String.valueOf(3 * 1_000_003L));
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(Json.MAPPER.readTree(e.out()).get("lengths").get(0).get("token_accuracy")
        .asDouble()).isEqualTo(record.result().metrics().getFirst().tokenAccuracy());
    assertThat(run(ResultsFixture.executor(), "sweep", spec.toString(), "--out",
        dir.resolve("fake").toString(), "--keep-models").err())
        .contains("--keep-models: this sweep trains no models to keep");
  }

  @Test
  void sweep_badShard_isOneLineExitTwo() {
    MainTest.Result r = run(ResultsFixture.executor(), "sweep", spec.toString(),
        "--out", dir.resolve("o").toString(), "--shard", "2/2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString().contains("shard");
  }

  @Test
  void sweep_missingSpec_isOneLineExitTwo() {
    MainTest.Result r = run(ResultsFixture.executor(), "sweep",
        dir.resolve("nope.yaml").toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString().contains("nope.yaml");
  }

  @Test
  void sweep_failingRuns_exitThreeWithOneLine() {
    MainTest.Result r = run((s, threads) -> {
      throw new IllegalStateException("diverged");
    }, "sweep", spec.toString(), "--out", dir.resolve("o").toString(), "--no-progress");
    assertThat(r.code()).isEqualTo(SweepCommand.RUNS_FAILED);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .contains("24 runs failed", "diverged", "rerun");
  }
}
