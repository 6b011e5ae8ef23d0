package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssmlab.experiment.ResultsDir;
import ssmlab.report.ChartFormat;
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
          + "main plots as images (with --figures png,svg also as SVG vector graphics in DIR/svg/)."},
    footer = {"", "Example:", "  ssmlab report results/parity --figures png,svg"})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The results folder.")
  Path dir;

  @Option(names = "--figures", split = ",", paramLabel = "png,svg", defaultValue = "png",
      description = "the image formats of the plots, each into DIR/<format>/ (default: "
          + "${DEFAULT-VALUE}; svg: vector graphics for papers)")
  List<String> figures;

  @Override
  public Integer call() throws IOException {
    Set<ChartFormat> formats = EnumSet.noneOf(ChartFormat.class);
    figures.forEach(f -> formats.add(ChartFormat.parse(f)));
    Report.Written w = Report.write(new ResultsDir(dir), formats);
    spec.commandLine().getOut().println("wrote " + w.html() + " and " + w.figures().size()
        + " images in " + formats.stream().map(f -> w.html().resolveSibling(f.extension())
            .toString()).collect(Collectors.joining(", ")) + " (" + w.runs() + " runs, "
        + w.rows() + " rows)");
    return 0;
  }
}
