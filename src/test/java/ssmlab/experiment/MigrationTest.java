package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.progress.Progress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

final class MigrationTest {
  /** Format 2's names of the keys format 3 renamed. */
  private static final Map<String, String> RENAMED = Map.of("specHash", "spec_hash",
      "taskOptions", "task_options", "modelOptions", "model_options",
      "trainLengths", "train_lengths", "testLengths", "test_lengths",
      "trainOptions", "train_options", "tokenAccuracy", "token_accuracy",
      "sequenceAccuracy", "sequence_accuracy", "trainSeconds", "train_seconds",
      "trainLoss", "train_loss");

  @TempDir Path dir;

  private static SweepSpec spec() {
    return SweepSpecs.parseYaml(Format2Fixture.SPEC);
  }

  /** Every file of a folder by its path inside it, with its text. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (!p.startsWith(root.resolve(ResultsDir.LOCKS))) {
          out.put(root.relativize(p).toString(), Files.readString(p));
        }
      }
    }
    return out;
  }

  // The expected file is the old text with the keys renamed by plain text replacement, the id
  // and spec hash worked out anew: an oracle that shares no code with the migration.
  @Test
  void migrate_format2_rekeysEveryFileAndKeepsResultsAndProvenance() throws Exception {
    List<String> oldIds = Format2Fixture.write(dir);
    Map<String, String> before = files(dir);

    Migration.Outcome outcome = Migration.migrate(new ResultsDir(dir));

    assertThat(outcome.from()).isEqualTo(2);
    assertThat(outcome.runs()).isEqualTo(4);
    assertThat(outcome.specHash()).isEqualTo(spec().hash());
    List<String> newIds = spec().expand().stream().map(Run::id).sorted().toList();
    assertThat(Files.list(dir.resolve(ResultsDir.RUNS)).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(newIds.stream().map(id -> id + ".json").toList());
    assertThat(newIds).doesNotContainAnyElementsOf(oldIds);
    for (String oldId : oldIds) {
      ObjectNode expected = (ObjectNode) Canonical.MAPPER.readTree(
          snakeCase(before.get(ResultsDir.RUNS + "/" + oldId + ".json")));
      // A result measured before sequence counts were recorded gets them as null.
      for (JsonNode m : expected.get("result").get("metrics")) {
        if (!m.has("sequences")) {
          ((ObjectNode) m).putNull("sequences").putNull("unlabelled");
        }
      }
      String id = Canonical.hash(expected.get("spec"), RunId.HEX_DIGITS);
      expected.put("id", id).put("spec_hash", spec().hash());
      Path file = dir.resolve(ResultsDir.RUNS).resolve(id + ".json");
      assertThat(Canonical.MAPPER.readTree(Files.readString(file))).isEqualTo(expected);
      assertThat(JsonKeys.camelCase(file)).isEmpty();
      assertThat(JsonKeys.top(file))
          .containsExactly("id", "sweep", "spec_hash", "spec", "result", "provenance");
    }
    Path sweep = dir.resolve(ResultsDir.SWEEP_FILE);
    ObjectNode expected = (ObjectNode) Canonical.MAPPER.readTree(
        snakeCase(before.get(ResultsDir.SWEEP_FILE)));
    expected.put("format", 3).put("spec_hash", spec().hash());
    assertThat(Canonical.MAPPER.readTree(Files.readString(sweep))).isEqualTo(expected);
    assertThat(JsonKeys.camelCase(sweep)).isEmpty();
  }

  private static String snakeCase(String text) {
    for (var e : RENAMED.entrySet()) {
      text = text.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"");
    }
    return text;
  }

  @Test
  void migrate_again_isANoOp() throws Exception {
    Format2Fixture.write(dir);
    Migration.migrate(new ResultsDir(dir));
    Map<String, String> once = files(dir);

    Migration.Outcome again = Migration.migrate(new ResultsDir(dir));

    assertThat(again.alreadyCurrent()).isTrue();
    assertThat(files(dir)).isEqualTo(once);
  }

  // Resumable: the migrated folder holds the runs a sweep of the same spec would write, so
  // running that sweep trains nothing.
  @Test
  void migrate_thenSweepOfSameSpec_findsEveryRunDone() throws Exception {
    Format2Fixture.write(dir);
    Migration.migrate(new ResultsDir(dir));
    var calls = new AtomicInteger();
    RunExecutor counting = (spec, threads) -> {
      calls.incrementAndGet();
      throw new AssertionError("retrained " + spec);
    };

    SweepRunner.Summary summary = new SweepRunner(counting, new ResultsDir(dir),
        new SweepRunner.Options(1, 1), Progress.NONE).run(spec(), Shard.ALL);

    assertThat(calls).hasValue(0);
    assertThat(summary).isEqualTo(new SweepRunner.Summary(4, 4, 0, List.of()));
  }

  // A migration killed after some result files were rewritten (and some old ones deleted)
  // leaves sweep.json at format 2; running it again ends where an uninterrupted one does.
  @Test
  void migrate_cutShort_isFinishedByRunningAgain() throws Exception {
    Path whole = dir.resolve("whole");
    Path cut = dir.resolve("cut");
    Format2Fixture.write(whole);
    Format2Fixture.write(cut);
    Migration.migrate(new ResultsDir(whole));
    Path runs = cut.resolve(ResultsDir.RUNS);
    List<Run> done = spec().expand().subList(0, 2);
    for (Run run : done) {
      Files.copy(whole.resolve(ResultsDir.RUNS).resolve(run.id() + ".json"),
          runs.resolve(run.id() + ".json"));
    }
    Files.delete(runs.resolve(Format2.runId(done.getFirst().spec()) + ".json"));
    assertThat(Files.readString(cut.resolve(ResultsDir.SWEEP_FILE))).contains("\"format\" : 2");

    assertThat(Migration.migrate(new ResultsDir(cut)).from()).isEqualTo(2);

    assertThat(files(cut)).isEqualTo(files(whole));
  }

  // An older ssmlab still running on the folder may add a format-2 result after the migration:
  // reading it says to migrate, and migrating again rewrites just that file.
  @Test
  void format2ResultInFormat3Folder_isNamedAndMigratedAlone() throws Exception {
    Path old = dir.resolve("old");
    Path folder = dir.resolve("folder");
    String stray = Format2Fixture.write(old).get(1);
    Format2Fixture.write(folder);
    Migration.migrate(new ResultsDir(folder));
    Map<String, String> migrated = files(folder);
    Files.copy(old.resolve(ResultsDir.RUNS).resolve(stray + ".json"),
        folder.resolve(ResultsDir.RUNS).resolve(stray + ".json"));

    assertThatThrownBy(() -> Merge.load(new ResultsDir(folder)))
        .hasMessageContaining("results format 2")
        .hasMessageContaining("ssmlab results migrate " + folder);
    Migration.Outcome outcome = Migration.migrate(new ResultsDir(folder));

    assertThat(outcome.from()).isEqualTo(3);
    assertThat(outcome.runs()).isEqualTo(1);
    assertThat(files(folder)).isEqualTo(migrated);
  }

  @Test
  void migrate_keptModels_areRenamedWithTheirRuns() throws Exception {
    List<String> oldIds = Format2Fixture.write(dir);
    Path models = dir.resolve(ResultsDir.MODELS);
    for (String id : oldIds) {
      Files.createDirectories(models.resolve(id));
      Files.writeString(models.resolve(id).resolve("run.json"), id);
    }

    Migration.migrate(new ResultsDir(dir));

    for (RunRecord r : new ResultsDir(dir).readRuns()) {
      String oldId = Format2.runId(r.spec());
      assertThat(oldIds).contains(oldId);
      assertThat(models.resolve(r.id()).resolve("run.json")).hasContent(oldId);
      assertThat(models.resolve(oldId)).doesNotExist();
    }
  }

  @Test
  void migrate_mergedFolder_writesTheMergedFilesAnew() throws Exception {
    Format2Fixture.write(dir);
    Files.writeString(dir.resolve(ResultsDir.JSONL), "{\"id\":\"stale\"}\n");

    assertThat(Migration.migrate(new ResultsDir(dir)).merged()).isTrue();

    assertThat(Merge.load(new ResultsDir(dir))).hasSize(6);
    assertThat(Files.readString(dir.resolve(ResultsDir.JSONL))).doesNotContain("stale")
        .contains("\"spec_hash\":\"" + spec().hash() + "\"");
    assertThat(dir.resolve(ResultsDir.CSV)).exists();
  }

  @Test
  void format2Folder_isRefusedSayingHowToMigrate() throws Exception {
    Format2Fixture.write(dir);
    ResultsDir results = new ResultsDir(dir);
    for (var call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
        () -> Merge.load(results), () -> Merge.merge(results), () -> results.claim(spec()))) {
      assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("results format 2")
          .hasMessageContaining("run 'ssmlab results migrate " + dir + "'");
    }
  }

  @Test
  void migrate_format1_keepsItsRefusal() throws Exception {
    Format2Fixture.write(dir);
    Path sweep = dir.resolve(ResultsDir.SWEEP_FILE);
    Files.writeString(sweep, Files.readString(sweep).replace("\"format\" : 2,", ""));
    Map<String, String> before = files(dir);

    assertThatThrownBy(() -> Migration.migrate(new ResultsDir(dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("results format 1")
        .hasMessageContaining("run the sweep again into a new folder");
    assertThat(files(dir)).isEqualTo(before);
  }

  // Checked before anything is written: an edited file stops the migration with no change.
  @Test
  void migrate_editedFiles_areRefusedBeforeWritingAnything() throws Exception {
    List<String> oldIds = Format2Fixture.write(dir);
    Path run = dir.resolve(ResultsDir.RUNS).resolve(oldIds.getLast() + ".json");
    Files.writeString(run, Files.readString(run).replace("\"steps\":10", "\"steps\":11"));
    Map<String, String> before = files(dir);
    assertThatThrownBy(() -> Migration.migrate(new ResultsDir(dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the hash of its configuration");
    assertThat(files(dir)).isEqualTo(before);

    Path sweep = dir.resolve(ResultsDir.SWEEP_FILE);
    Files.writeString(sweep, Files.readString(sweep).replace("\"seeds\" : [ 1 ]",
        "\"seeds\" : [ 1, 2 ]"));
    assertThatThrownBy(() -> Migration.migrate(new ResultsDir(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edited");
  }

  @Test
  void migrate_folderWithoutSweepFile_isRefused() throws Exception {
    Files.createDirectories(dir.resolve(ResultsDir.RUNS));
    assertThatThrownBy(() -> Migration.migrate(new ResultsDir(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sweep.json");
  }

  @Test
  void format2_keysAndHashes_matchTheFixtureText() throws Exception {
    List<String> oldIds = Format2Fixture.write(dir);
    JsonNode sweep = Canonical.MAPPER.readTree(
        Files.readString(dir.resolve(ResultsDir.SWEEP_FILE)));
    assertThat(Format2.specHash(spec())).isEqualTo(sweep.get("specHash").asString());
    assertThat(spec().expand().stream().map(run -> Format2.runId(run.spec())).sorted())
        .containsExactlyElementsOf(oldIds);
  }
}
