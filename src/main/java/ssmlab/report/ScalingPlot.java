package ssmlab.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

import ssmlab.io.AtomicFile;

/**
 * A PNG of a compiled model's circuit against the sequence length, two panels side by side:
 * wires (log-log: log10 wires, ticks labelled 2.5M, 10M, ...) and depth (linear), both on the
 * same log2 length axis (ticks labelled 2, 4, 8, ...), a line per scan form in {@link Palette}'s
 * styles.
 */
public final class ScalingPlot {
  static final int PANEL_WIDTH = 560;

  private ScalingPlot() {}

  /** One compiled circuit. */
  public record Point(String form, int length, long wires, int depth) {}

  /** Writes the two panels to {@code file} (PNG, atomically). */
  public static void write(List<Point> points, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    var bytes = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(panels(points), 1, 2, bytes, BitmapFormat.PNG);
    AtomicFile.write(file, bytes.toByteArray());
  }

  /** The wires panel and the depth panel. */
  static List<XYChart> panels(List<Point> points) {
    XYChart wires = panel("Wires (log scale)", "wires", points, p -> Math.log10(p.wires()));
    wires.getStyler().setYAxisTickLabelsFormattingFunction(ScalingPlot::powerOfTen);
    XYChart depth = panel("Depth (linear scale)", "depth (levels)", points, p -> p.depth());
    depth.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#,##0");
    return List.of(wires, depth);
  }

  /** A tick of a log10 axis: 10^y with two significant digits and an SI suffix. */
  static String powerOfTen(double y) {
    double v = Math.pow(10, y);
    String[] suffix = {"", "k", "M", "G", "T"};
    int k = 0;
    while (v >= 999.5 && k < suffix.length - 1) {
      v /= 1000;
      k++;
    }
    String digits = v >= 9.95 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    return digits + suffix[k];
  }

  private static XYChart panel(String title, String yTitle, List<Point> points,
      ToDoubleFunction<Point> y) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(StaticCharts.HEIGHT)
        .title(title).xAxisTitle("sequence length n (log scale)").yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisTickLabelsFormattingFunction(StaticCharts::powerOfTwo);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW)
        .setChartBackgroundColor(Color.WHITE);
    var byForm = new TreeMap<String, List<Point>>();
    points.forEach(p -> byForm.computeIfAbsent(p.form(), f -> new ArrayList<>()).add(p));
    int i = 0;
    for (var e : byForm.entrySet()) {
      List<Point> ps = e.getValue();
      StaticCharts.style(chart.addSeries(e.getKey(),
          ps.stream().map(p -> StaticCharts.log2(p.length())).toList(),
          ps.stream().map(y::applyAsDouble).toList()), i);
      i++;
    }
    return chart;
  }
}
