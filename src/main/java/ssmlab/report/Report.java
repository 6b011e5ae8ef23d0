package ssmlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;


import ssmlab.experiment.Merge;
import ssmlab.experiment.ResultRow;
import ssmlab.experiment.ResultsDir;
import ssmlab.io.AtomicFile;

/**
 * Writes the report of a results folder: {@code report.html} (self-contained, opens without
 * network) and {@code png/} (the main plots as images), and on request {@code svg/} (the same
 * plots as vector graphics, for papers).
 */
public final class Report {
  public static final String HTML = "report.html";
  public static final String PNG_DIR = "png";

  /**
   * What was written.
   *
   * @param html the HTML report
   * @param figures the images, in the order of the formats asked for
   * @param runs the runs reported
   * @param rows the rows reported
   */
  public record Written(Path html, List<Path> figures, long runs, int rows) {}

  private Report() {}

  /** {@link #write(ResultsDir, Set)} with PNG images only. */
  public static Written write(ResultsDir dir) throws IOException {
    return write(dir, EnumSet.of(ChartFormat.PNG));
  }

  /**
   * Reads the folder's results (checked as by a merge) and writes the report into it, with the
   * plots as images in each of {@code formats} (into {@code DIR/png}, {@code DIR/svg}, ...).
   */
  public static Written write(ResultsDir dir, Set<ChartFormat> formats) throws IOException {
    List<ResultRow> rows = Merge.load(dir);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(dir.root() + " holds no finished runs yet");
    }
    String sweep = String.join(", ", rows.stream().map(ResultRow::sweep).distinct().toList());
    Path html = dir.root().resolve(HTML);
    AtomicFile.write(html, HtmlReport.render("ssmlab report: " + sweep, rows));
    List<ChartRow> chartRows = ChartRows.of(rows);
    List<Path> figures = new ArrayList<>();
    for (ChartFormat f : formats) {
      figures.addAll(StaticCharts.write(chartRows, dir.root().resolve(f.extension()), f));
    }
    return new Written(html, figures, rows.stream().map(ResultRow::id).distinct().count(),
        rows.size());
  }
}
