package ssmlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import ssmlab.experiment.Canonical;
import ssmlab.experiment.ResultsFixture;

/** The images draw what the HTML draws: scale, palette, aggregation, shading, whole titles. */
final class StaticChartsTest {
  // Two models with identical results: their curves coincide and must still both show.
  static final List<ChartRow> ROWS = List.of(
      row("a", 1, 8, 0.9), row("a", 2, 8, 0.7), row("a", 1, 64, 0.3), row("a", 2, 64, 0.5),
      row("b", 1, 8, 0.9), row("b", 2, 8, 0.7), row("b", 1, 64, 0.3), row("b", 2, 64, 0.5));

  static ChartRow row(String config, long seed, int length, double acc) {
    return new ChartRow("parity", config, config, 1, 2, 16, length, seed, acc, acc, 0, false);
  }

  @Test
  void accuracy_log2AxisBestSeedLinesSeedDotsAndShading_likeTheVegaSpec() {
    XYChart chart = StaticCharts.accuracy("parity", null, ROWS);
    assertThat(chart.getSeriesCollection()).extracting(XYSeries::getName)
        .containsExactly("training lengths", "a seeds", "a", "b seeds", "b");
    XYSeries a = chart.getSeries("a");
    assertThat(a.getXData()).containsExactly(3.0, 6.0);
    assertThat(a.getYData()).containsExactly(0.9, 0.5);
    assertThat(chart.getSeries("a seeds").getYData()).hasSize(4);
    assertThat(chart.getSeries("training lengths").getXData()).containsExactly(1.0, 4.0);
    assertThat(StaticCharts.powerOfTwo(6.0)).isEqualTo("64");
    assertThat(StaticCharts.powerOfTwo(5.5)).isEmpty();

    Map<String, Object> spec = VegaLite.accuracy("parity", ROWS);
    String json = Canonical.MAPPER.writeValueAsString(spec);
    assertThat(json).contains("\"scale\":{\"type\":\"log\",\"base\":2}")
        .contains("\"aggregate\":\"max\"").contains("\"strokeDash\"").contains("\"shape\"")
        .doesNotContain("errorband").doesNotContain("stdev");
  }

  @Test
  void identicalCurves_differInColourDashAndMarker() {
    XYChart chart = StaticCharts.accuracy("parity", null, ROWS);
    XYSeries a = chart.getSeries("a");
    XYSeries b = chart.getSeries("b");
    assertThat(a.getLineColor()).isNotEqualTo(b.getLineColor());
    assertThat(a.getLineStyle()).isNotEqualTo(b.getLineStyle());
    assertThat(a.getMarker()).isNotEqualTo(b.getMarker());
  }

  @Test
  void palette_sameInVegaAndXChart() {
    XYChart chart = StaticCharts.accuracy("parity", null, ROWS);
    assertThat(chart.getSeries("a").getLineColor())
        .isEqualTo(Palette.color(Palette.LINES.get(0)));
    assertThat(chart.getSeries("b").getLineColor())
        .isEqualTo(Palette.color(Palette.LINES.get(1)));
    String accuracy = Canonical.MAPPER.writeValueAsString(VegaLite.accuracy("parity", ROWS));
    assertThat(accuracy).contains(Canonical.MAPPER.writeValueAsString(Palette.LINES));
    String heat = Canonical.MAPPER.writeValueAsString(VegaLite.heatmap(ROWS));
    assertThat(heat).contains(Canonical.MAPPER.writeValueAsString(Palette.HEAT))
        .doesNotContain("viridis");
    assertThat(StaticCharts.heatmap(ROWS).getStyler().getRangeColors())
        .containsExactly(Palette.heat());
  }

  @Test
  void everyTitle_namesTheAggregationAndFitsTheImage() {
    List<String> titles = new ArrayList<>();
    List<ChartRow> rows = new ArrayList<>(ROWS);
    rows.add(new ChartRow("a-long-task-name(group=A5,length=64)", "m", "m", 3, 2, 16, 8, 1, 1,
        1, 0, false));
    for (var chart : List.of(StaticCharts.accuracy("parity", null, rows),
        StaticCharts.accuracy("a-long-task-name(group=A5,length=64)", 3, rows))) {
      titles.add(chart.getTitle());
      assertThat(StaticCharts.titleWidth(chart.getStyler().getChartTitleFont(), chart.getTitle()))
          .as(chart.getTitle()).isLessThanOrEqualTo(StaticCharts.WIDTH - 40);
    }
    var heat = StaticCharts.heatmap(rows);
    assertThat(StaticCharts.titleWidth(heat.getStyler().getChartTitleFont(), heat.getTitle()))
        .isLessThanOrEqualTo(StaticCharts.WIDTH - 40);
    assertThat(titles).allSatisfy(t -> assertThat(t).contains("best seed at each length"));
    assertThat(heat.getTitle()).contains("best run");
    assertThat(Canonical.MAPPER.writeValueAsString(VegaLite.accuracy("parity", rows)))
        .contains(VegaLite.AGGREGATION);
    assertThat(Canonical.MAPPER.writeValueAsString(VegaLite.heatmap(rows))).contains("best run");
    assertThat(Canonical.MAPPER.writeValueAsString(VegaLite.minLayers("parity", List.of())))
        .contains("any seed");
  }

  @Test
  void report_svg_vectorFiguresBesideThePngs(@TempDir Path dir) throws Exception {
    Report.Written w = Report.write(ResultsFixture.sweep(dir),
        EnumSet.of(ChartFormat.PNG, ChartFormat.SVG));
    assertThat(w.figures()).hasSize(10);
    Path svg = dir.resolve("svg").resolve("heatmap.svg");
    assertThat(Files.readString(svg)).contains("<svg");
    BufferedImage png = ImageIO.read(dir.resolve("png").resolve("heatmap.png").toFile());
    assertThat(png.getWidth()).isEqualTo(StaticCharts.WIDTH);
  }

  @Test
  void scalingPlot_twoPanels_wiresLogDepthLinear(@TempDir Path dir) throws Exception {
    // The README's table: unrolled and sequential at n = 2..32.
    List<ScalingPlot.Point> points = new ArrayList<>();
    int[] n = {2, 4, 8, 16, 32};
    long[] wires = {2_705_051, 5_738_357, 12_448_173, 34_936_413, 264_985_573};
    int[] depth = {1286, 1293, 1293, 1294, 1294};
    for (int i = 0; i < n.length; i++) {
      points.add(new ScalingPlot.Point("unrolled", n[i], wires[i], depth[i]));
      points.add(new ScalingPlot.Point("sequential", n[i], wires[i] / (i + 1), 1257 + 79 * i));
    }
    List<XYChart> panels = ScalingPlot.panels(points);
    assertThat(panels).extracting(XYChart::getTitle)
        .containsExactly("Wires (log scale)", "Depth (linear scale)");
    assertThat(panels.get(1).getSeries("unrolled").getYData()).startsWith(1286.0, 1293.0);
    assertThat(panels.get(0).getSeries("unrolled").getYData()[0]).isCloseTo(6.43,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(ScalingPlot.powerOfTen(7)).isEqualTo("10M");
    assertThat(ScalingPlot.powerOfTen(6.4)).isEqualTo("2.5M");
    assertThat(StaticCharts.powerOfTwo(5)).isEqualTo("32");
    Path png = dir.resolve("scale.png");
    ScalingPlot.write(points, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(2 * ScalingPlot.PANEL_WIDTH);
    Files.copy(png, Path.of("target", "scaling-plot-test.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
