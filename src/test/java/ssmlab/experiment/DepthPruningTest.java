package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.progress.Progress;

final class DepthPruningTest {

  /** 2 tasks x 4 layers x 2 seeds = 16 runs. */
  private static final String SPEC = """
      name: depth-grid
      tasks: [parity, s3]
      models: [transformer]
      layers: [1, 2, 3, 4]
      widths: [8]
      train_lengths: ["3-10"]
      test_lengths: [10, 20]
      seeds: [1, 2]
      train: {steps: 5, batch: 2, lr: 0.001}
      """;

  /**
   * Parity: seed 1 solves with 2 layers, seed 2 with 3; s3: nothing solves. Records the runs it
   * trains.
   */
  private static final class Solver implements RunExecutor {
    final Set<String> trained = ConcurrentHashMap.newKeySet();

    @Override
    public RunResult execute(RunSpec spec, int threads) {
      trained.add(spec.task() + " L" + spec.layers() + " s" + spec.seed());
      boolean solved = spec.task().equals("parity") && spec.layers() >= 4 - spec.seed();
      List<LengthMetrics> metrics = new ArrayList<>();
      for (int n : spec.testLengths()) {
        double acc = solved ? 1.0 : 0.5;
        metrics.add(new LengthMetrics(n, acc, acc, 0.1));
      }
      return new RunResult(metrics, 1, 0.1);
    }
  }

  @Test
  void deeperRunsOfASolvedConfiguration_arePruned_anySeed_otherConfigurationsNot(
      @TempDir Path dir) throws Exception {
    Solver solver = new Solver();
    SweepRunner.Summary summary = new SweepRunner(solver, new ResultsDir(dir),
        new SweepRunner.Options(1, 1), Progress.NONE)
        .pruneDeeper(new DepthPruning(0.9))
        .run(SweepSpecs.parseYaml(SPEC), Shard.ALL);

    // parity: layers 1 and 2 trained (both seeds); 3 and 4 pruned by seed 1's 2 layers
    assertThat(summary).isEqualTo(new SweepRunner.Summary(16, 0, 12, List.of(), 4));
    assertThat(solver.trained).contains("parity L1 s1", "parity L2 s1", "parity L2 s2",
        "s3 L4 s1", "s3 L4 s2").doesNotContain("parity L3 s2", "parity L3 s1", "parity L4 s1");
  }

  @Test
  void withoutPruning_everyRunTrains_andAgainNothing(@TempDir Path dir) throws Exception {
    Solver solver = new Solver();
    var runner = new SweepRunner(solver, new ResultsDir(dir), new SweepRunner.Options(2, 1),
        Progress.NONE);
    assertThat(runner.run(SweepSpecs.parseYaml(SPEC), Shard.ALL))
        .isEqualTo(new SweepRunner.Summary(16, 0, 16, List.of()));
    assertThat(solver.trained).hasSize(16);
  }

  @Test
  void pruningAfterTheFact_leavesFinishedDeeperRunsAlone(@TempDir Path dir) throws Exception {
    SweepSpec spec = SweepSpecs.parseYaml(SPEC);
    new SweepRunner(new Solver(), new ResultsDir(dir), new SweepRunner.Options(1, 1),
        Progress.NONE).run(spec, Shard.ALL);
    Solver again = new Solver();
    SweepRunner.Summary summary = new SweepRunner(again, new ResultsDir(dir),
        new SweepRunner.Options(1, 1), Progress.NONE).pruneDeeper(new DepthPruning(0.9))
        .run(spec, Shard.ALL);
    assertThat(summary).isEqualTo(new SweepRunner.Summary(16, 16, 0, List.of(), 0));
    assertThat(again.trained).isEmpty();
  }

  @Test
  void plan_namesWhatPruningWouldLeaveOut_andWritesNothing(@TempDir Path dir) throws Exception {
    SweepSpec spec = SweepSpecs.parseYaml(SPEC);
    var shallow = RunFilter.parse(List.of("layers=1,2"));
    new SweepRunner(new Solver(), new ResultsDir(dir), new SweepRunner.Options(1, 1),
        Progress.NONE).run(spec, Shard.ALL, shallow);
    List<Path> before;
    try (var files = Files.walk(dir)) {
      before = files.toList();
    }

    Solver never = new Solver();
    SweepRunner.Plan plan = new SweepRunner(never, new ResultsDir(dir),
        new SweepRunner.Options(1, 1), Progress.NONE).pruneDeeper(new DepthPruning(0.9))
        .plan(spec, Shard.ALL, RunFilter.ALL);

    // parity L2 s1 solves: parity L3 and L4 (both seeds) would be pruned; s3 L3, L4 would train
    assertThat(plan.runs()).isEqualTo(16);
    assertThat(plan.finished()).isEqualTo(8);
    assertThat(plan.train()).extracting(r -> r.spec().task() + " L" + r.spec().layers())
        .containsExactly("s3 L3", "s3 L3", "s3 L4", "s3 L4");
    assertThat(plan.pruned().keySet()).extracting(r -> r.spec().task())
        .containsOnly("parity").hasSize(4);
    assertThat(never.trained).isEmpty();
    try (var files = Files.walk(dir)) {
      assertThat(files.toList()).isEqualTo(before);
    }
  }

  @Test
  void threshold_mustBeAnAccuracy() {
    assertThatThrownBy(() -> new DepthPruning(0)).hasMessageContaining("--prune-deeper");
    assertThatThrownBy(() -> new DepthPruning(1.5)).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> new DepthPruning(Double.NaN)).isInstanceOf(
        IllegalArgumentException.class);
  }
}
