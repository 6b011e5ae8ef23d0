package ssmlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.experiment.Merge;
import ssmlab.experiment.ResultRow;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.ResultsFixture;

final class ReportTest {

  @Test
  void write_fixture_writesSelfContainedHtmlAndPngs(@TempDir Path dir) throws Exception {
    Report.Written w = Report.write(ResultsFixture.sweep(dir));

    assertThat(w.runs()).isEqualTo(24);
    String html = Files.readString(w.html());
    assertThat(html).doesNotContain("<script src").doesNotContain("<link")
        .contains("vega-lite", "vegaEmbed", "data-spec=\"spec-0\"")
        // 2 tasks + heatmap + 1 word-problem chart
        .contains("id=\"spec-3\"").doesNotContain("id=\"spec-4\"");
    assertThat(w.figures()).extracting(p -> p.getFileName().toString())
        .containsExactly("accuracy-parity-L1.png", "accuracy-parity-L2.png",
            "accuracy-word-s3-L1.png", "accuracy-word-s3-L2.png", "heatmap.png");
    for (Path png : w.figures()) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(StaticCharts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(StaticCharts.HEIGHT);
    }
  }

  // A merged folder copied without its runs/ still reports, from results.jsonl.
  @Test
  void write_fromResultsJsonlAlone_reportsTheSameRuns(@TempDir Path dir) throws Exception {
    ResultsDir results = ResultsFixture.sweep(dir);
    Merge.merge(results);
    String fromRuns = Files.readString(Report.write(results).html());
    try (Stream<Path> files = Files.walk(dir.resolve(ResultsDir.RUNS))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    Report.Written w = Report.write(results);

    assertThat(w.runs()).isEqualTo(24);
    assertThat(w.rows()).isEqualTo(72);
    assertThat(Files.readString(w.html())).isEqualTo(fromRuns);
  }

  @Test
  void write_emptyFolder_isOneLineError(@TempDir Path dir) {
    assertThatThrownBy(() -> Report.write(new ResultsDir(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no results");
  }

  @Test
  void scriptJson_cannotCloseTheScriptElement() {
    assertThat(Html.scriptJson("{\"a\":\"</script><b>\"}"))
        .isEqualTo("{\"a\":\"\\u003c/script>\\u003cb>\"}");
    assertThat(Html.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  }

  // Infinite extent: an empty fewest-layers chart made Vega warn and the page say error.
  @Test
  void render_noConfigurationReaches90_saysSoInsteadOfAnEmptyChart() {
    List<ResultRow> rows = List.of(resultRow("s5", Map.of(), 8, 0.4),
        resultRow("s5", Map.of(), 16, 0.1));
    String html = HtmlReport.render("t", rows);
    assertThat(html).contains("s5: " + MinLayers.NONE).contains("id=\"spec-1\"")
        .doesNotContain("id=\"spec-2\"");
  }

  @Test
  void minLayers_handComputed() {
    // word-x at length 8: L1 reaches 0.95 with seed 2 only, so 1; at 16: L1 never, L2 0.9: 2.
    // At 32 no depth reaches 0.9: no point. Parity is not a word problem.
    List<ChartRow> rows = List.of(
        row("word-x", 1, 8, 1, 0.5), row("word-x", 1, 8, 2, 0.95),
        row("word-x", 2, 8, 1, 1.0), row("word-x", 1, 16, 1, 0.89),
        row("word-x", 2, 16, 1, 0.9), row("word-x", 2, 32, 1, 0.2),
        row("parity", 1, 8, 1, 1.0));
    assertThat(MinLayers.of(rows)).containsExactly(
        new MinLayers.Point("word-x", "m", 8, 1), new MinLayers.Point("word-x", "m", 16, 2));
  }

  @ParameterizedTest
  @CsvSource({"s5,true", "a5,true", "z60,true", "a4xz5,true", "perm,true", "group,true",
      "s5-identity,true", "word-s3,true", "'group(group=A5)',true", "parity,false",
      "dyck,false", "modcount,false", "shuffle-dyck,false", "tomita,false"})
  void isWordProblem_registryNames(String task, boolean expected) {
    assertThat(MinLayers.isWordProblem(task)).as(task).isEqualTo(expected);
  }

  // The same task with two option sets gets two charts, named by their options.
  @Test
  void chartRows_taskWithSeveralOptionSets_namedByOptions() {
    ResultRow a = resultRow("group", Map.of("group", "A5"));
    ResultRow s = resultRow("group", Map.of("group", "S3"));
    ResultRow p = resultRow("parity", Map.of("label", "final"));
    assertThat(ChartRows.of(List.of(a, s, p))).extracting(ChartRow::task)
        .containsExactly("group(group=A5)", "group(group=S3)", "parity");
  }

  // parity is tested beyond its train range (max 4): only n=8 counts; copy only within it: all.
  @Test
  void heatmapRows_beyondTrainRange_elseAllOfTheTask() {
    List<ChartRow> rows = List.of(row("parity", 1, 4, 1, 1.0), row("parity", 1, 8, 1, 0.5),
        row("copy", 1, 2, 1, 0.9), row("copy", 1, 4, 1, 0.8));
    assertThat(ChartRows.heatmapRows(rows)).extracting(ChartRow::task, ChartRow::testLength)
        .containsExactly(tuple("parity", 8), tuple("copy", 2), tuple("copy", 4));
  }

  private static ResultRow resultRow(String task, Map<String, Object> options) {
    return resultRow(task, options, 8, 1);
  }

  private static ResultRow resultRow(String task, Map<String, Object> options, int length,
      double accuracy) {
    return new ResultRow("0123456789abcdef", "s", "h", task, options, "m", "m", Map.of(), 1, 8,
        2, 4, length, 1, 1, 0.1, Map.of(), 1, accuracy, accuracy, 0, 1, 0, "c", "25", true, 1,
        null, null, null);
  }

  private static ChartRow row(String task, int layers, int length, long seed, double seqAcc) {
    return new ChartRow(task, "m", "m", layers, 2, 4, length, seed, seqAcc, seqAcc, 0, false);
  }
}
