package ssmlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.experiment.Merge;
import ssmlab.progress.Progress;
import ssmlab.experiment.ResultRow;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.Shard;
import ssmlab.experiment.SweepRunner;
import ssmlab.experiment.SweepSpec;
import ssmlab.experiment.SweepSpecs;
import ssmlab.experiment.TrainingExecutor;
import ssmlab.report.Report;

/**
 * {@code ssmlab demo}: the first thing to run. Trains the embedded sweep
 * ({@code ssmlab/demo.yaml}: parity and flip-flop for Mamba with both eigenvalue ranges, an LSTM
 * and a Transformer), prints the headline table and writes the report. Resumable like any sweep.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The paper's point in a few minutes: trains, prints a table, writes a report.",
      "Parity separates Mamba with eigenvalues in [0,1] (fails) from [-1,1] (solves) and the LSTM "
          + "(solves) from the Transformer (fails); flip-flop, a star-free language, is learnt "
          + "by the same Mamba[0,1]. Results go to DIR (rerun to resume)."},
    footer = {"", "Example:", "  ssmlab demo            # then open runs/demo/report.html"})
final class DemoCommand implements Callable<Integer> {
  private static final String SPEC = "/ssmlab/demo.yaml";

  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "DIR",
      description = "results folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--no-progress", description = "no progress output")
  boolean noProgress;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SweepSpec sweep = SweepSpecs.parseYaml(resource());
    PrintWriter err = spec.commandLine().getErr();
    var dir = new ResultsDir(out);
    var options = SweepRunner.Options.forCores(Runtime.getRuntime().availableProcessors(), 1);
    SweepRunner.Summary summary = new SweepRunner(new TrainingExecutor(), dir, options,
        noProgress ? Progress.NONE : Progress.forConsole(err))
        .logTo(line -> err.println("ssmlab: " + line))
        .run(sweep, Shard.ALL);
    if (!summary.failed().isEmpty()) {
      err.println("ssmlab: " + summary.failed().size() + " demo runs failed, first: "
          + Errors.oneLine(summary.failed().getFirst()));
      return 1;
    }
    Merge.merge(dir);
    Report.Written report = Report.write(dir);
    printTable(Merge.load(dir), spec.commandLine().getOut());
    spec.commandLine().getOut().println("report: " + report.html());
    return 0;
  }

  /** Sequence accuracy per task and model (rows) and test length (columns). */
  static void printTable(List<ResultRow> rows, PrintWriter out) {
    var lengths = new TreeSet<Integer>();
    Map<String, Map<Integer, Double>> table = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      lengths.add(r.testLength());
      table.computeIfAbsent(r.task() + "  " + r.label(), k -> new LinkedHashMap<>())
          .put(r.testLength(), r.sequenceAccuracy());
    }
    int width = table.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
    var head = new StringBuilder(String.format("%-" + width + "s", "sequence accuracy"));
    lengths.forEach(n -> head.append(String.format("%8s", "n=" + n)));
    out.println(head);
    table.keySet().stream().sorted().forEach(key -> {
      var line = new StringBuilder(String.format("%-" + width + "s", key));
      lengths.forEach(n -> {
        Double v = table.get(key).get(n);
        line.append(v == null ? String.format("%8s", "-") : String.format("%8.2f", v));
      });
      out.println(line);
    });
    out.println("(trained on lengths " + rows.getFirst().trainMin() + "-"
        + rows.getFirst().trainMax() + ")");
  }

  private static String resource() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + SPEC);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
