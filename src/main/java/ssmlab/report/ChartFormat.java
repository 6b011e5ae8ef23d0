package ssmlab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.IChart;

import ssmlab.io.AtomicFile;

/**
 * The file formats of the report's static charts: PNG for terminals and CI, SVG (vector, through
 * XChart's VectorGraphics2D backend) for papers. Each is written atomically. XChart's PDF needs
 * Apache PDFBox and its Graphics2D bridge besides; an SVG converts to PDF with any vector tool.
 */
public enum ChartFormat {
  PNG,
  SVG;

  public static ChartFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown figure format '" + name + "' (png, svg)");
    }
  }

  /** The file extension and the report's folder for this format. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Writes {@code chart} to {@code dir/name.extension} and returns that path. */
  Path save(IChart chart, Path dir, String name) throws IOException {
    Path file = dir.resolve(name + "." + extension());
    var bytes = new ByteArrayOutputStream();
    switch (this) {
      case PNG -> BitmapEncoder.saveBitmap(chart, bytes, BitmapFormat.PNG);
      case SVG -> VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
      default -> throw new IllegalStateException();
    }
    AtomicFile.write(file, bytes.toByteArray());
    return file;
  }
}
