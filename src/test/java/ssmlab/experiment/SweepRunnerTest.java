package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.io.AtomicFile;
import ssmlab.progress.Progress;

final class SweepRunnerTest {

  private static SweepRunner.Summary run(RunExecutor executor, Path dir, int workers, Shard shard)
      throws Exception {
    return new SweepRunner(executor, new ResultsDir(dir), new SweepRunner.Options(workers, 1),
        Progress.NONE).run(Specs.grid(), shard);
  }

  @Test
  void run_all_writesOneFilePerRun(@TempDir Path dir) throws Exception {
    SweepRunner.Summary summary = run(new FakeTraining(0), dir, 2, Shard.ALL);

    assertThat(summary).isEqualTo(new SweepRunner.Summary(24, 0, 24, List.of()));
    List<RunRecord> records = new ResultsDir(dir).readRuns();
    assertThat(records).extracting(RunRecord::id)
        .containsExactlyInAnyOrderElementsOf(Specs.grid().expand().stream().map(Run::id).toList());
    assertThat(records.getFirst().specHash()).isEqualTo(Specs.grid().hash());
    assertThat(records.getFirst().provenance().threads()).isEqualTo(1);
    assertThat(Files.exists(dir.resolve(ResultsDir.SWEEP_FILE))).isTrue();
  }

  @Test
  void run_writesEveryKeySnakeCaseInAFixedOrder(@TempDir Path dir) throws Exception {
    run(new FakeTraining(0), dir, 2, Shard.ALL);
    ResultsDir results = new ResultsDir(dir);
    List<Path> files = new java.util.ArrayList<>(results.runFiles());
    files.add(dir.resolve(ResultsDir.SWEEP_FILE));

    for (Path file : files) {
      assertThat(JsonKeys.camelCase(file)).as(file.toString()).isEmpty();
    }
    Path run = files.getFirst();
    assertThat(JsonKeys.top(run))
        .containsExactly("id", "sweep", "spec_hash", "spec", "result", "provenance");
    assertThat(JsonKeys.of(run)).containsSubsequence("/spec/task", "/spec/task_options",
        "/spec/model", "/spec/label", "/spec/model_options", "/spec/train_lengths",
        "/spec/test_lengths", "/spec/steps", "/spec/batch", "/spec/lr", "/spec/train_options",
        "/spec/seed", "/result/metrics", "/result/metrics/0/length",
        "/result/metrics/0/token_accuracy", "/result/metrics/0/sequence_accuracy",
        "/result/metrics/0/loss", "/result/train_seconds", "/result/train_loss");
    assertThat(JsonKeys.top(dir.resolve(ResultsDir.SWEEP_FILE)))
        .containsExactly("format", "spec_hash", "spec");
  }

  @Test
  void run_again_skipsFinishedRuns(@TempDir Path dir) throws Exception {
    run(new FakeTraining(0), dir, 2, Shard.ALL);
    var calls = new AtomicInteger();
    RunExecutor counting = (spec, threads) -> {
      calls.incrementAndGet();
      return new FakeTraining(0).execute(spec, threads);
    };

    SweepRunner.Summary again = run(counting, dir, 2, Shard.ALL);

    assertThat(calls).hasValue(0);
    assertThat(again).isEqualTo(new SweepRunner.Summary(24, 24, 0, List.of()));
  }

  @Test
  void run_failingRun_leavesNoFileAndIsRetried(@TempDir Path dir) throws Exception {
    String victim = Specs.grid().expand().get(5).id();
    RunExecutor flaky = (spec, threads) -> {
      if (RunId.of(spec).equals(victim)) {
        throw new IllegalStateException("diverged");
      }
      return new FakeTraining(0).execute(spec, threads);
    };

    SweepRunner.Summary first = run(flaky, dir, 2, Shard.ALL);
    assertThat(first.failed()).singleElement().asString().startsWith(victim).contains("diverged");
    assertThat(first.finished()).isEqualTo(23);
    assertThat(new ResultsDir(dir).isFinished(victim)).isFalse();

    Set<String> ran = ConcurrentHashMap.newKeySet();
    SweepRunner.Summary second = run((spec, threads) -> {
      ran.add(RunId.of(spec));
      return new FakeTraining(0).execute(spec, threads);
    }, dir, 2, Shard.ALL);
    assertThat(ran).containsExactly(victim);
    assertThat(second.finished()).isEqualTo(1);
  }

  @Test
  void run_resultForOtherLengths_isAFailure(@TempDir Path dir) throws Exception {
    RunExecutor wrong = (spec, threads) -> new RunResult(List.of(), 0, 0);
    assertThat(run(wrong, dir, 1, Shard.ALL).failed()).hasSize(24)
        .allSatisfy(f -> assertThat(f).contains("lengths"));
  }

  @Test
  void run_invalidRunInAnotherShard_failsBeforeWritingAnything(@TempDir Path dir) {
    String victim = new Shard(1, 2).select(Specs.grid().expand()).getFirst().id();
    RunExecutor picky = new RunExecutor() {
      @Override
      public RunResult execute(RunSpec spec, int threads) {
        throw new AssertionError("nothing may run");
      }

      @Override
      public void validate(RunSpec spec) {
        if (RunId.of(spec).equals(victim)) {
          throw new IllegalArgumentException("unknown task option: colour");
        }
      }
    };
    assertThatThrownBy(() -> run(picky, dir.resolve("out"), 1, new Shard(0, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void run_otherSpecInSameFolder_isRefused(@TempDir Path dir) throws Exception {
    run(new FakeTraining(0), dir, 1, new Shard(0, 8));
    SweepSpec other = SweepSpecs.parseYaml(Specs.GRID.replace("seeds: [1, 2]", "seeds: [3]"));
    var runner = new SweepRunner(new FakeTraining(0), new ResultsDir(dir),
        new SweepRunner.Options(1, 1), Progress.NONE);
    assertThatThrownBy(() -> runner.run(other, Shard.ALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another --out");
  }

  // Two shards writing into one shared folder, merged, equal the unsharded sweep byte for byte;
  // the worker count changes nothing either.
  @Test
  void run_twoShardsMerged_equalUnshardedSweep(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole");
    Path shared = dir.resolve("shared");
    run(new FakeTraining(0), whole, 1, Shard.ALL);
    SweepRunner.Summary s0 = run(new FakeTraining(0), shared, 2, Shard.parse("0/2"));
    SweepRunner.Summary s1 = run(new FakeTraining(0), shared, 2, Shard.parse("1/2"));
    assertThat(s0.runs() + s1.runs()).isEqualTo(24);

    Merge.Summary mergedWhole = Merge.merge(new ResultsDir(whole));
    Merge.Summary mergedShards = Merge.merge(new ResultsDir(shared));

    assertThat(mergedShards).isEqualTo(mergedWhole);
    assertThat(mergedShards.missing()).isEmpty();
    assertThat(mergedShards.rows()).isEqualTo(24 * 3);
    for (String file : List.of(ResultsDir.JSONL, ResultsDir.CSV)) {
      assertThat(Files.readString(shared.resolve(file)))
          .isEqualTo(Files.readString(whole.resolve(file)));
    }
  }

  // A temporary file a killed writer left is deleted when its shard starts again; another
  // shard's (maybe being written right now) is left alone.
  @Test
  void run_staleTempFiles_ofOwnShardOnlyAreDeleted(@TempDir Path dir) throws Exception {
    String mine = new Shard(0, 2).select(Specs.grid().expand()).getFirst().id();
    String theirs = new Shard(1, 2).select(Specs.grid().expand()).getFirst().id();
    Path runs = Files.createDirectories(dir.resolve(ResultsDir.RUNS));
    Path stale = Files.writeString(runs.resolve("." + mine + ".json.123" + AtomicFile.TEMP_SUFFIX),
        "{\"half");
    Path other = Files.writeString(
        runs.resolve("." + theirs + ".json.456" + AtomicFile.TEMP_SUFFIX), "{\"half");

    run(new FakeTraining(0), dir, 1, new Shard(0, 2));

    assertThat(stale).doesNotExist();
    assertThat(other).exists();
    assertThat(Merge.merge(new ResultsDir(dir)).finished()).isEqualTo(12);
  }

  // Two shards on machines without a shared folder: each writes its own folder; gathering them
  // into a third and merging gives the unsharded sweep's bytes.
  @Test
  void run_twoShardsInSeparateFolders_gatheredEqualUnshardedSweep(@TempDir Path dir)
      throws Exception {
    Path whole = dir.resolve("whole");
    run(new FakeTraining(0), whole, 2, Shard.ALL);
    run(new FakeTraining(0), dir.resolve("node0"), 1, Shard.parse("0/2"));
    run(new FakeTraining(0), dir.resolve("node1"), 1, Shard.parse("1/2"));
    ResultsDir merged = new ResultsDir(dir.resolve("merged"));

    int copied = Merge.gather(merged, List.of(new ResultsDir(dir.resolve("node0")),
        new ResultsDir(dir.resolve("node1")), new ResultsDir(dir.resolve("node0"))));

    assertThat(copied).isEqualTo(24);
    assertThat(Merge.merge(merged)).isEqualTo(Merge.merge(new ResultsDir(whole)));
    for (String file : List.of(ResultsDir.JSONL, ResultsDir.CSV, ResultsDir.SWEEP_FILE)) {
      assertThat(Files.readString(merged.root().resolve(file)))
          .isEqualTo(Files.readString(whole.resolve(file)));
    }
  }

  @Test
  void options_forCores_dividesCoresByThreadsPerRun() {
    assertThat(SweepRunner.Options.forCores(16, 4)).isEqualTo(new SweepRunner.Options(4, 4));
    assertThat(SweepRunner.Options.forCores(2, 4)).isEqualTo(new SweepRunner.Options(1, 4));
    assertThatThrownBy(() -> new SweepRunner.Options(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void divergedRuns_areRecordedWithZeroAccuracy_andNotRetried(@TempDir Path dir)
      throws Exception {
    var calls = new AtomicInteger();
    RunExecutor diverging = (spec, threads) -> {
      calls.incrementAndGet();
      RunResult trained = new FakeTraining(0).execute(spec, threads);
      return spec.seed() == 2
          ? RunResult.diverged(spec.testLengths(), 0.5, 0.7, "step 9: the loss is NaN")
          : trained;
    };

    SweepRunner.Summary first = run(diverging, dir, 2, Shard.ALL);

    assertThat(first.finished()).isEqualTo(24);
    assertThat(first.failed()).isEmpty();
    assertThat(first.diverged()).hasSize(12)
        .allSatisfy(line -> assertThat(line).endsWith(": step 9: the loss is NaN"));
    List<RunRecord> records = new ResultsDir(dir).readRuns();
    assertThat(records).filteredOn(r -> r.spec().seed() == 2).hasSize(12).allSatisfy(r -> {
      assertThat(r.result().diverged()).isEqualTo("step 9: the loss is NaN");
      assertThat(r.result().metrics()).allSatisfy(m -> assertThat(m.sequenceAccuracy()).isZero());
    });
    assertThat(records).filteredOn(r -> r.spec().seed() == 1)
        .allSatisfy(r -> assertThat(r.result().diverged()).isNull());
    String file = Files.readString(new ResultsDir(dir).runFile(
        records.stream().filter(r -> r.spec().seed() == 1).findFirst().orElseThrow().id()));
    assertThat(file).doesNotContain("diverged");

    SweepRunner.Summary again = run(diverging, dir, 2, Shard.ALL);
    assertThat(again).isEqualTo(new SweepRunner.Summary(24, 24, 0, List.of()));
    assertThat(calls).hasValue(24);
  }
}
