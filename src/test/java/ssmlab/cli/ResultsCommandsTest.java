package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.experiment.Format2Fixture;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.ResultsFixture;
import tools.jackson.databind.JsonNode;

final class ResultsCommandsTest {

  @Test
  void merge_finishedSweep_printsSummaryAndWritesFiles(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("results", "merge", dir.toString(), "--complete");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(r.out());
    assertThat(summary.get("finished").asInt()).isEqualTo(24);
    assertThat(summary.get("rows").asInt()).isEqualTo(72);
    assertThat(summary.get("missing")).isEmpty();
    assertThat(summary.propertyNames()).containsExactly("sweep", "spec_hash", "expected",
        "finished", "missing", "rows");
    assertThat(Files.readAllLines(dir.resolve(ResultsDir.JSONL))).hasSize(72);
    assertThat(Files.readAllLines(dir.resolve(ResultsDir.CSV))).hasSize(73);
  }

  @Test
  void merge_from_gathersShardFolders(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir.resolve("node0"));
    MainTest.Result r = MainTest.run("results", "merge", dir.resolve("all").toString(),
        "--from", dir.resolve("node0").toString(), "--complete");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("finished").asInt()).isEqualTo(24);
    assertThat(MainTest.run("results", "merge", dir.resolve("node0").toString()).code()).isZero();
    assertThat(dir.resolve("all").resolve(ResultsDir.JSONL)).hasSameTextualContentAs(
        dir.resolve("node0").resolve(ResultsDir.JSONL));
  }

  @Test
  void merge_incompleteWithComplete_isOneLineExitTwo(@TempDir Path dir) throws Exception {
    ResultsDir results = ResultsFixture.sweep(dir);
    Files.delete(results.runFile(results.readRuns().getFirst().id()));
    MainTest.Result r = MainTest.run("results", "merge", dir.toString(), "--complete");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .contains("1 of 24 runs have no result");
  }

  @Test
  void merge_corruptFile_isOneLineExitTwo(@TempDir Path dir) throws Exception {
    ResultsDir results = ResultsFixture.sweep(dir);
    Path file = results.runFile(results.readRuns().get(2).id());
    Files.writeString(file, "{\"id\": ");
    MainTest.Result r = MainTest.run("results", "merge", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .startsWith("ssmlab: corrupt result file").contains(file.toString());
  }

  @Test
  void merge_missingFolder_isOneLineExitTwo(@TempDir Path dir) {
    MainTest.Result r = MainTest.run("results", "merge", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void table_finishedSweep_aMarkdownRowPerTaskModelAndDepth(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("results", "table", dir.toString(), "--agg", "mean");

    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("| task | model | layers | n=");
    assertThat(lines.get(1)).matches("(\\|---)+\\|");
    assertThat(lines.subList(2, lines.size())).allMatch(l -> l.matches("\\| .* \\|"));
  }

  @Test
  void table_formatJson_anObjectPerRowKeyedByColumn(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result md = MainTest.run("results", "table", dir.toString());
    MainTest.Result json = MainTest.run("results", "table", dir.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    var lines = json.out().strip().lines().toList();
    assertThat(lines).hasSize(md.out().strip().lines().toList().size() - 2);
    var first = Json.MAPPER.readTree(lines.get(0));
    assertThat(first.has("task")).isTrue();
    assertThat(first.has("model")).isTrue();
    assertThat(first.properties().stream().map(java.util.Map.Entry::getKey)
        .filter(k -> k.startsWith("n=")).count()).isPositive();
    MainTest.Result layers = MainTest.run("results", "table", dir.toString(), "--min-layers",
        "0.5", "--format", "json");
    assertThat(layers.code()).as(layers.err()).isZero();
    assertThat(Json.MAPPER.readTree(layers.out().lines().findFirst().orElseThrow()).has("task"))
        .isTrue();
  }

  @Test
  void table_badAggregate_isOneLineExitTwo(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("results", "table", dir.toString(), "--agg", "best");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString().contains("--agg");
  }

  @Test
  void table_seeds_aColumnOfSeedCounts_refusedWithMinLayers(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("results", "table", dir.toString(), "--seeds");
    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("| task | model | layers | seeds | n=");
    assertThat(lines.subList(2, lines.size())).allMatch(l -> l.matches("\\| [^|]+ \\| .* \\| \\d+ \\| \\d+ \\| .*"));
    MainTest.Result both = MainTest.run("results", "table", dir.toString(), "--seeds",
        "--min-layers", "0.9");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().strip().lines()).singleElement().asString().contains("--seeds");
  }

  // The table of a format-2 folder is refused until it is migrated, then is the table of its
  // results as before (worked out by hand from the fixture's text).
  @Test
  void migrate_format2Folder_thenTableAsBefore_thenNothingToDo(@TempDir Path dir)
      throws Exception {
    Format2Fixture.write(dir);
    MainTest.Result refused = MainTest.run("results", "table", dir.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err().strip().lines()).singleElement().asString()
        .contains("results format 2").contains("run 'ssmlab results migrate " + dir + "'");

    MainTest.Result migrated = MainTest.run("results", "migrate", dir.toString());
    assertThat(migrated.code()).as(migrated.err()).isZero();
    assertThat(migrated.out().strip().lines()).singleElement().asString()
        .startsWith("migrated " + dir + " from format 2 to 3: 4 result files renamed");

    MainTest.Result table = MainTest.run("results", "table", dir.toString());
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).isEqualTo(Format2Fixture.TABLE);

    MainTest.Result again = MainTest.run("results", "migrate", dir.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out().strip()).isEqualTo(dir + " is already format 3: nothing to do");
  }

  @Test
  void migrate_missingFolder_isOneLineExitTwo(@TempDir Path dir) {
    MainTest.Result r = MainTest.run("results", "migrate", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString().contains("nope");
  }

  @Test
  void report_finishedSweep_writesHtmlAndPngs(@TempDir Path dir) throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("report", dir.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("report.html", "5 images", "24 runs");
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
    assertThat(dir.resolve("png").resolve("heatmap.png")).isNotEmptyFile();
  }

  @Test
  void report_figuresSvg_writesVectorImagesToo_unknownFormatIsOneLine(@TempDir Path dir)
      throws Exception {
    ResultsFixture.sweep(dir);
    MainTest.Result r = MainTest.run("report", dir.toString(), "--figures", "png,svg");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("10 images");
    assertThat(dir.resolve("svg").resolve("heatmap.svg")).isNotEmptyFile();
    MainTest.Result bad = MainTest.run("report", dir.toString(), "--figures", "gif");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).singleElement().asString().contains("png, svg");
  }

  @Test
  void report_emptyFolder_isOneLineExitTwo(@TempDir Path dir) {
    MainTest.Result r = MainTest.run("report", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("ssmlab: ").contains("holds no results");
  }
}
