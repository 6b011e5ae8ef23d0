package ssmlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import ssmlab.io.AtomicFile;

/**
 * A PNG of a compiled model's circuit against the sequence length: wires (log-log) and depth, a
 * line per scan form.
 */
public final class ScalingPlot {
  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private ScalingPlot() {}

  /** One compiled circuit. */
  public record Point(String form, int length, long wires, int depth) {}

  /** Writes the plot to {@code file} as PNG, under exactly that name, atomically. */
  public static void write(List<Point> points, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(PngCharts.WIDTH).height(PngCharts.HEIGHT)
        .title("Compiled Mamba: wires (solid) and depth x 1000 (dashed) against n")
        .xAxisTitle("sequence length n").yAxisTitle("count").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
        .setLegendPosition(LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE);
    var byForm = new TreeMap<String, List<Point>>();
    points.forEach(p -> byForm.computeIfAbsent(p.form(), f -> new ArrayList<>()).add(p));
    byForm.forEach((form, ps) -> {
      List<Double> n = ps.stream().map(p -> (double) p.length()).toList();
      chart.addSeries(form + " wires", n, ps.stream().map(p -> (double) p.wires()).toList());
      chart.addSeries(form + " depth x 1000", n,
          ps.stream().map(p -> 1000.0 * p.depth()).toList())
          .setLineStyle(DASHED);
    });
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
  }
}
