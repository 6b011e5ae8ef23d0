package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ssmlab.experiment.ResultsDir;
import ssmlab.report.Report;

/** {@code ssmlab report DIR}: the HTML report and PNG plots of a results folder. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the HTML report and PNG plots of a results folder.",
      "",
      "Writes DIR/report.html, one self-contained file that opens without network (Vega-Lite "
          + "inlined): accuracy against test length per task with the training range shaded, a "
          + "task x model heatmap, for word problems the fewest layers reaching 90%% sequence "
          + "accuracy against length, and the details of every run. Also DIR/png/*.png: the "
          + "main plots as images."},
    footer = {"", "Example:", "  ssmlab report results/parity"})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The results folder.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Report.Written w = Report.write(new ResultsDir(dir));
    spec.commandLine().getOut().println("wrote " + w.html() + " and " + w.pngs().size()
        + " PNG images in " + w.html().resolveSibling(Report.PNG_DIR) + " (" + w.runs()
        + " runs, " + w.rows() + " rows)");
    return 0;
  }
}
