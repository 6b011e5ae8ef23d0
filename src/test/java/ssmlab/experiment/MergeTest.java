package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.io.Provenance;
import ssmlab.progress.Progress;
import ssmlab.tasks.LengthRange;

final class MergeTest {
  @TempDir Path dir;
  private ResultsDir results;

  @BeforeEach
  void sweepHalf() throws Exception {
    results = new ResultsDir(dir);
    new SweepRunner(new FakeTraining(0), results, new SweepRunner.Options(2, 1), Progress.NONE)
        .run(Specs.grid(), new Shard(0, 2));
  }

  @Test
  void merge_halfDone_listsMissingRuns() throws Exception {
    Merge.Summary s = Merge.merge(results);
    assertThat(s.expected()).isEqualTo(24);
    assertThat(s.finished()).isEqualTo(12);
    assertThat(s.missing()).hasSize(12)
        .containsExactlyElementsOf(new Shard(1, 2).select(Specs.grid().expand()).stream()
            .map(Run::id).toList());
    assertThat(Files.readAllLines(dir.resolve(ResultsDir.JSONL))).hasSize(12 * 3);
    // header + one line per row
    assertThat(Files.readAllLines(dir.resolve(ResultsDir.CSV))).hasSize(1 + 12 * 3);
  }

  @Test
  void folderOfResultsFormatOne_isRefusedSayingWhatToDo() throws Exception {
    Path sweepJson = dir.resolve(ResultsDir.SWEEP_FILE);
    assertThat(Files.readString(sweepJson)).contains("\"format\" : 3");
    Files.writeString(sweepJson, Files.readString(sweepJson).replace("\"format\" : 3,", ""));
    for (var call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
        () -> Merge.merge(results), () -> results.claim(Specs.grid()))) {
      assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("results format 1")
          .hasMessageContaining("run the sweep again into a new folder");
    }
  }

  @Test
  void merge_truncatedFile_isReported() throws Exception {
    Path file = results.runFile(new Shard(0, 2).select(Specs.grid().expand()).get(3).id());
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt result file").hasMessageContaining(file.toString());
  }

  @Test
  void merge_emptyObject_isReportedAsCorrupt() throws Exception {
    Path file = results.runFile(new Shard(0, 2).select(Specs.grid().expand()).get(1).id());
    Files.writeString(file, "{}");
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt result file");
  }

  @Test
  void merge_metricsForOtherLengths_isReported() throws Exception {
    RunRecord r = results.readRuns().getFirst();
    results.write(new RunRecord(r.id(), r.sweep(), r.specHash(), r.spec(),
        new RunResult(r.result().metrics().subList(0, 1), 1, 0), r.provenance()));
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(r.id()).hasMessageContaining("lengths");
  }

  @Test
  void merge_editedConfiguration_isReported() throws Exception {
    Path file = results.runFile(new Shard(0, 2).select(Specs.grid().expand()).get(0).id());
    Files.writeString(file, Files.readString(file).replace("\"steps\":50", "\"steps\":51"));
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the hash of its configuration");
  }

  @Test
  void merge_resultOfAnotherSpec_isReported() throws Exception {
    RunRecord r = results.readRuns().getFirst();
    results.write(new RunRecord(r.id(), r.sweep(), "0123456789abcdef", r.spec(), r.result(),
        r.provenance()));
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different sweep specs");
  }

  @Test
  void merge_foreignRun_isReported() throws Exception {
    RunRecord r = results.readRuns().getFirst();
    RunSpec s = r.spec();
    RunSpec other = new RunSpec(s.task(), s.taskOptions(), s.model(), s.label(),
        s.modelOptions(), s.trainLengths(), s.testLengths(), s.steps(), s.batch(), s.lr(),
        s.trainOptions(), 99);
    results.write(new RunRecord(RunId.of(other), r.sweep(), r.specHash(), other, r.result(),
        r.provenance()));
    assertThatThrownBy(() -> Merge.merge(results)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not part of the sweep");
  }

  @Test
  void gather_sameRunWithOtherResult_isReported(@TempDir Path other) throws Exception {
    ResultsDir copy = new ResultsDir(other);
    Merge.gather(copy, List.of(results));
    RunRecord r = copy.readRuns().getFirst();
    copy.write(new RunRecord(r.id(), r.sweep(), r.specHash(), r.spec(),
        new RunResult(r.result().metrics(), r.result().trainSeconds() + 1, 0), r.provenance()));
    assertThatThrownBy(() -> Merge.gather(results, List.of(copy)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two different results").hasMessageContaining(r.id());
  }

  @Test
  void gather_otherSpec_isReported(@TempDir Path other) throws Exception {
    SweepSpec spec = SweepSpecs.parseYaml(Specs.GRID.replace("seeds: [1, 2]", "seeds: [7]"));
    new SweepRunner(new FakeTraining(0), new ResultsDir(other), new SweepRunner.Options(1, 1),
        Progress.NONE).run(spec, new Shard(0, 4));
    assertThatThrownBy(() -> Merge.gather(results, List.of(new ResultsDir(other))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spec");
  }

  @Test
  void csv_quotesCellsWithCommasAndQuotes() {
    RunSpec spec = new RunSpec("t", Map.of("k", "a\"b"), "m", "m[-1,1]", Map.of(),
        new LengthRange(2, 3), List.of(4), 1, 1, 0.5, Map.of(), 9);
    RunRecord r = new RunRecord(RunId.of(spec), "s", "h", spec,
        new RunResult(List.of(new LengthMetrics(4, 0.75, 0.5, 0.25)), 2.0, 0.125),
        new Provenance("c", false, "1", "25", true, 1, java.util.List.of()));
    String csv = Csv.write(ResultRow.of(r));
    // Written by hand: options as canonical JSON with doubled quotes, label with a comma quoted.
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).isEqualTo(RunId.of(spec)
        + ",s,h,t,\"{\"\"k\"\":\"\"a\\\"\"b\"\"}\",m,\"m[-1,1]\",{},,,2,3,4,1,1,0.5,{},9,"
        + "0.75,0.5,0.25,2.0,0.125,c,25,true,1,,,");
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith(
        "id,sweep,spec_hash,task,task_options,model,label,model_options,layers,d_model,")
        .endsWith(",sequences,unlabelled,diverged");
  }
}
