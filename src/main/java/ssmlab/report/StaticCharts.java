package ssmlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's main plots as images (XChart, headless), drawn like the HTML charts: sequence
 * accuracy against test length on a log2 axis per task (the best seed at each length as a line,
 * each seed as a dot, training lengths shaded), and the task x model heatmap, in
 * {@link Palette}'s colours.
 */
final class StaticCharts {
  static final int WIDTH = 720;
  static final int HEIGHT = 440;
  private static final Color SHADE = new Color(153, 153, 153, 51);
  private static final Color RULE = new Color(0x77, 0x77, 0x77);

  private StaticCharts() {}

  /**
   * Writes {@code accuracy-<task>} per task ({@code accuracy-<task>-L<layers>} per layer count
   * when the sweep varies it) and {@code heatmap} into {@code dir}, in {@code format}.
   */
  static List<Path> write(List<ChartRow> rows, Path dir, ChartFormat format) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (String task : rows.stream().map(ChartRow::task).distinct().sorted().toList()) {
      List<Integer> layers = ChartRows.layers(rows, task);
      if (layers.size() <= 1) {
        written.add(format.save(accuracy(task, null, rows), dir, "accuracy-" + slug(task)));
      } else {
        for (int l : layers) {
          written.add(format.save(accuracy(task, l, rows), dir,
              "accuracy-" + slug(task) + "-L" + l));
        }
      }
    }
    written.add(format.save(heatmap(rows), dir, "heatmap"));
    return written;
  }

  /** Sequence accuracy against length of {@code task}'s runs (with {@code layers}, if given). */
  static XYChart accuracy(String task, Integer layers, List<ChartRow> rows) {
    String title = task + (layers == null ? "" : ", " + layers + " layers")
        + ": best seed at each length (dots: each seed)";
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("test length (log scale)").yAxisTitle("sequence accuracy").build();
    chart.getStyler().setXAxisTickLabelsFormattingFunction(StaticCharts::powerOfTwo);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0)
        .setLegendPosition(LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setAnnotationLineColor(RULE).setAnnotationLineStroke(Palette.dash(1));
    fitTitle(chart.getStyler(), title);
    List<String> configs = rows.stream().filter(r -> r.task().equals(task))
        .map(ChartRow::config).distinct().sorted().toList();
    List<ChartRow> mine = rows.stream()
        .filter(r -> r.task().equals(task) && (layers == null || layers.equals(r.layers())))
        .toList();
    int trainMin = mine.stream().mapToInt(ChartRow::trainMin).min().orElse(1);
    int trainMax = mine.stream().mapToInt(ChartRow::trainMax).max().orElse(1);
    XYSeries shade = chart.addSeries("training lengths", List.of(log2(trainMin), log2(trainMax)),
        List.of(1.0, 1.0));
    shade.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
    shade.setFillColor(SHADE);
    shade.setLineColor(SHADE);
    shade.setMarker(SeriesMarkers.NONE);
    for (int i = 0; i < configs.size(); i++) {
      String config = configs.get(i);
      List<ChartRow> line = mine.stream().filter(r -> r.config().equals(config)).toList();
      if (line.isEmpty()) {
        continue;
      }
      Map<Integer, Double> best = new TreeMap<>(line.stream().collect(Collectors.toMap(
          ChartRow::testLength, ChartRow::sequenceAccuracy, Math::max)));
      Color color = Palette.line(i);
      XYSeries seeds = chart.addSeries(config + " seeds",
          line.stream().map(r -> log2(r.testLength())).toList(),
          line.stream().map(ChartRow::sequenceAccuracy).toList());
      seeds.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      seeds.setShowInLegend(false);
      seeds.setMarker(SeriesMarkers.CIRCLE);
      seeds.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 115));
      XYSeries s = chart.addSeries(config,
          best.keySet().stream().map(StaticCharts::log2).toList(), List.copyOf(best.values()));
      style(s, i);
    }
    chart.addAnnotation(new AnnotationLine(log2(trainMax), true, false));
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
    // XChart draws the first category at the bottom, Vega-Lite at the top.
    List<String> tasks = new ArrayList<>(best.keySet()).reversed();
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
    String title = "Sequence accuracy beyond the training range: best run of each model";
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("model").yAxisTitle("task").build();
    chart.getStyler().setShowValue(true).setMin(0).setMax(1)
        .setHeatMapValueDecimalPattern("0.00").setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(Palette.heat())
        .setValueFont(chart.getStyler().getAxisTickLabelsFont()).setValueFontColor(Color.BLACK)
        .setXAxisLabelRotation(30);
    // XChart labels every n-th category so that labels lie 74 pixels apart unless told otherwise.
    chart.getStyler().setYAxisTickMarkSpacingHint(16).setXAxisTickMarkSpacingHint(16);
    fitTitle(chart.getStyler(), title);
    chart.addSeries("accuracy", models.isEmpty() ? List.of("-") : models,
        tasks.isEmpty() ? List.of("-") : tasks, cells);
    return chart;
  }

  /** Line {@code i}'s colour, dash and marker. */
  static void style(XYSeries s, int i) {
    s.setLineColor(Palette.line(i));
    s.setMarkerColor(Palette.line(i));
    s.setLineStyle(Palette.dash(i));
    s.setMarker(Palette.marker(i));
  }

  static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  /** A tick label of the log2 length axis: 2^x where that is a whole number, else nothing. */
  static String powerOfTwo(double x) {
    double v = Math.pow(2, x);
    long n = Math.round(v);
    return x < 62 && Math.abs(v - n) < 1e-6 * Math.max(1, v) ? Long.toString(n) : "";
  }

  /** Shrinks the title font until the title fits the image width with a margin. */
  static void fitTitle(Styler styler, String title) {
    Font font = styler.getChartTitleFont();
    while (font.getSize2D() > 8 && titleWidth(font, title) > WIDTH - 40) {
      font = font.deriveFont(font.getSize2D() - 0.5f);
    }
    styler.setChartTitleFont(font);
  }

  /** The width in pixels of {@code title} as a chart image draws it. */
  static double titleWidth(Font font, String title) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      return g.getFontMetrics(font).getStringBounds(title, g).getWidth();
    } finally {
      g.dispose();
    }
  }

  static String slug(String s) {
    String slug = s.replaceAll("[^A-Za-z0-9._-]+", "_");
    return slug.isEmpty() ? "_" : slug;
  }
}
