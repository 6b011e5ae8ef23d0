package ssmlab.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * PNG images of the main plots (XChart, headless): sequence accuracy against test length per
 * task, and the task x model heatmap, for papers and terminals.
 */
final class PngCharts {
  static final int WIDTH = 720;
  static final int HEIGHT = 440;
  /** Red (0) through white to green (1): light enough for black numbers on every cell. */
  private static final Color[] RED_GREEN = {new Color(0xf4a582), new Color(0xfddbc7),
      new Color(0xf7f7f7), new Color(0xd9f0d3), new Color(0x7fbf7b)};

  private PngCharts() {}

  /**
   * Writes {@code accuracy-<task>.png} per task ({@code accuracy-<task>-L<layers>.png} per layer
   * count when the sweep varies it) and {@code heatmap.png} into {@code dir}.
   */
  static List<Path> write(List<ChartRow> rows, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (String task : rows.stream().map(ChartRow::task).distinct().sorted().toList()) {
      List<Integer> layers = ChartRows.layers(rows, task);
      if (layers.size() <= 1) {
        written.add(save(accuracy(task, null, rows), "accuracy-" + slug(task), dir));
      } else {
        for (int l : layers) {
          written.add(save(accuracy(task, l, rows), "accuracy-" + slug(task) + "-L" + l, dir));
        }
      }
    }
    written.add(save(heatmap(rows), "heatmap", dir));
    return written;
  }

  /** Sequence accuracy against length of {@code task}'s runs (with {@code layers}, if given). */
  static XYChart accuracy(String task, Integer layers, List<ChartRow> rows) {
    String title = task + (layers == null ? "" : ", " + layers + " layers")
        + ": sequence accuracy (mean over seeds); line: longest train length";
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("test length").yAxisTitle("sequence accuracy").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0)
        .setLegendPosition(LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE);
    Map<String, Map<Integer, double[]>> series = new TreeMap<>();
    int trainMax = 0;
    for (ChartRow r : rows) {
      if (r.task().equals(task) && (layers == null || layers.equals(r.layers()))) {
        double[] sumCount = series.computeIfAbsent(r.config(), s -> new TreeMap<>())
            .computeIfAbsent(r.testLength(), n -> new double[2]);
        sumCount[0] += r.sequenceAccuracy();
        sumCount[1]++;
        trainMax = Math.max(trainMax, r.trainMax());
      }
    }
    series.forEach((name, byLength) -> chart.addSeries(name,
        byLength.keySet().stream().map(Integer::doubleValue).toList(),
        byLength.values().stream().map(sc -> sc[0] / sc[1]).toList()));
    chart.addAnnotation(new AnnotationLine(trainMax, true, false));
    return chart;
  }

  static HeatMapChart heatmap(List<ChartRow> rows) {
    // Mean over test lengths beyond the training range per run, then the best run per model.
    Map<String, Map<String, Double>> best = new TreeMap<>();
    ChartRows.heatmapRows(rows).stream()
        .collect(Collectors.groupingBy(
            r -> Arrays.asList(r.task(), r.label(), r.config(), r.layers(), r.seed()),
            Collectors.averagingDouble(ChartRow::sequenceAccuracy)))
        .forEach((key, mean) -> best.computeIfAbsent((String) key.get(0), t -> new TreeMap<>())
            .merge((String) key.get(1), mean, Math::max));
    List<String> tasks = new ArrayList<>(best.keySet());
    List<String> models = best.values().stream().flatMap(m -> m.keySet().stream()).distinct()
        .sorted().toList();
    List<Number[]> cells = new ArrayList<>();
    for (int y = 0; y < tasks.size(); y++) {
      for (int x = 0; x < models.size(); x++) {
        Double v = best.get(tasks.get(y)).get(models.get(x));
        if (v != null) {
          cells.add(new Number[] {x, y, v});
        }
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Sequence accuracy beyond the training range, else within it (best run per model)")
        .build();
    chart.getStyler().setShowValue(true).setMin(0).setMax(1)
        .setHeatMapValueDecimalPattern("0.00").setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(RED_GREEN)
        .setValueFont(chart.getStyler().getAxisTickLabelsFont()).setValueFontColor(Color.BLACK)
        .setXAxisLabelRotation(20);
    // XChart labels every n-th category so that labels lie 74 pixels apart unless told otherwise.
    chart.getStyler().setYAxisTickMarkSpacingHint(16).setXAxisTickMarkSpacingHint(16);
    chart.addSeries("accuracy", models.isEmpty() ? List.of("-") : models,
        tasks.isEmpty() ? List.of("-") : tasks, cells);
    return chart;
  }

  private static Path save(Chart<?, ?> chart, String name, Path dir) throws IOException {
    Path file = dir.resolve(name + ".png");
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
    return file;
  }

  static String slug(String s) {
    String slug = s.replaceAll("[^A-Za-z0-9._-]+", "_");
    return slug.isEmpty() ? "_" : slug;
  }
}
