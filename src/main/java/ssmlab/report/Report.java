package ssmlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;


import ssmlab.experiment.Merge;
import ssmlab.experiment.ResultRow;
import ssmlab.experiment.ResultsDir;
import ssmlab.io.AtomicFile;

/**
 * Writes the report of a results folder: {@code report.html} (self-contained, opens without
 * network) and {@code png/} (the main plots as images).
 */
public final class Report {
  public static final String HTML = "report.html";
  public static final String PNG_DIR = "png";

  /**
   * What was written.
   *
   * @param html the HTML report
   * @param pngs the images
   * @param runs the runs reported
   * @param rows the rows reported
   */
  public record Written(Path html, List<Path> pngs, long runs, int rows) {}

  private Report() {}

  /** Reads the folder's results (checked as by a merge) and writes the report into it. */
  public static Written write(ResultsDir dir) throws IOException {
    List<ResultRow> rows = Merge.load(dir);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(dir.root() + " holds no finished runs yet");
    }
    String sweep = String.join(", ", rows.stream().map(ResultRow::sweep).distinct().toList());
    Path html = dir.root().resolve(HTML);
    AtomicFile.write(html, HtmlReport.render("ssmlab report: " + sweep, rows));
    List<Path> pngs = PngCharts.write(ChartRows.of(rows), dir.root().resolve(PNG_DIR));
    return new Written(html, pngs, rows.stream().map(ResultRow::id).distinct().count(),
        rows.size());
  }
}
