package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.progress.Progress;

final class RunFilterTest {

  private static List<Run> grid() {
    return Specs.grid().expand();
  }

  @Test
  void select_keepsRunsWhoseValuesAreListed_forEveryKey() {
    RunFilter f = RunFilter.parse(List.of("model=mamba[-1,1],transformer", "layers=1", "seed=2"));

    List<Run> kept = f.select(grid());

    // 2 tasks x 2 of the 3 models x 1 of 2 layers x 1 of 2 seeds
    assertThat(kept).hasSize(4);
    assertThat(kept).allSatisfy(r -> {
      assertThat(r.spec().label()).isIn("mamba[-1,1]", "transformer");
      assertThat(r.spec().modelOptions().get("layers")).isEqualTo(1);
      assertThat(r.spec().seed()).isEqualTo(2L);
    });
  }

  @Test
  void select_byFamilyTaskAndWidth() {
    assertThat(RunFilter.parse(List.of("family=mamba")).select(grid())).hasSize(16);
    assertThat(RunFilter.parse(List.of("task=word-s3", "d_model=8")).select(grid())).hasSize(12);
    assertThat(RunFilter.parse(List.of("d_model=16")).select(grid())).isEmpty();
  }

  @Test
  void unmatched_namesValuesNoRunHas() {
    RunFilter f = RunFilter.parse(List.of("model=mamba,lstm", "layers=1,3"));

    assertThat(f.unmatched(grid())).containsExactly("model=mamba", "model=lstm", "layers=3");
  }

  @Test
  void parse_refusesUnknownKeysRepeatsAndEmptyValues() {
    assertThatThrownBy(() -> RunFilter.parse(List.of("width=8")))
        .hasMessageContaining("KEY one of task, model, family, layers, d_model, seed");
    assertThatThrownBy(() -> RunFilter.parse(List.of("seed")))
        .hasMessageContaining("expected KEY=V1,V2");
    assertThatThrownBy(() -> RunFilter.parse(List.of("seed=1", "seed=2")))
        .hasMessageContaining("names 'seed' twice");
    assertThatThrownBy(() -> RunFilter.parse(List.of("seed=,")))
        .hasMessageContaining("no value");
  }

  @Test
  void sweep_withFilter_runsTheSliceOnly_andTheRestLater(@TempDir Path dir) throws Exception {
    Set<String> ran = ConcurrentHashMap.newKeySet();
    RunExecutor recording = (spec, threads) -> {
      ran.add(RunId.of(spec));
      return new FakeTraining(0).execute(spec, threads);
    };
    RunFilter first = RunFilter.parse(List.of("layers=1"));
    var runner = new SweepRunner(recording, new ResultsDir(dir), new SweepRunner.Options(2, 1),
        Progress.NONE);

    SweepRunner.Summary slice = runner.run(Specs.grid(), Shard.ALL, first);
    assertThat(slice).isEqualTo(new SweepRunner.Summary(12, 0, 12, List.of()));
    assertThat(ran).containsExactlyInAnyOrderElementsOf(
        first.select(grid()).stream().map(Run::id).toList());

    ran.clear();
    SweepRunner.Summary rest = runner.run(Specs.grid(), Shard.ALL, RunFilter.ALL);
    assertThat(rest).isEqualTo(new SweepRunner.Summary(24, 12, 12, List.of()));
    assertThat(ran).hasSize(12).doesNotContainAnyElementsOf(
        first.select(grid()).stream().map(Run::id).toList());
  }

  @Test
  void sweep_withAValueNoRunHas_isRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
    var runner = new SweepRunner(new FakeTraining(0), new ResultsDir(dir.resolve("out")),
        new SweepRunner.Options(1, 1), Progress.NONE);

    assertThatThrownBy(() -> runner.run(Specs.grid(), Shard.ALL,
        RunFilter.parse(List.of("model=mamba"))))
        .hasMessageContaining("--where model=mamba matches no run");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
