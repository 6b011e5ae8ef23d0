package ssmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.circuit.CircuitStats;
import ssmlab.fp.FloatFormat;
import ssmlab.compile.MambaCircuit;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.progress.Progress;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.report.ScalingPlot;

/** {@code ssmlab circuit scale}: depth and size of a compiled Mamba against the length. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Depth and size of a compiled Mamba against the sequence length.",
      "Compiles the model at every length in every form and prints a Markdown table, then the "
          + "fitted polynomial exponent of the size (least squares of log wires on log n). "
          + "A length whose circuit does not fit in the heap is reported and ends that form."},
    footer = {"", "Example:", "  ssmlab circuit scale --checkpoint runs/tiny --lengths "
        + "2,4,8,16,32 --precision 4 --exponent-bits 4 --png scale.png"})
final class CircuitScaleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CompiledModelOptions compiled;

  @Option(names = "--lengths", required = true, split = ",", paramLabel = "N,N,...",
      description = "sequence lengths")
  List<Integer> lengths;

  @Option(names = "--forms", defaultValue = "unrolled,sequential", split = ",",
      paramLabel = "FORM,...", description = "unrolled and/or sequential (default: both)")
  List<String> forms;

  @Option(names = "--png", paramLabel = "FILE", description = "also plot depth and wires")
  Path png;

  @Option(names = "--no-progress", description = "no progress on stderr")
  boolean noProgress;

  /** One row of the table. */
  record Row(String form, int length, long gates, long wires, int depth, int depthWithoutNot,
      double seconds) {}

  @Override
  public Integer call() throws IOException {
    for (int n : lengths) {
      if (n < 1) {
        throw new IllegalArgumentException("lengths must be at least 1, got " + n);
      }
    }
    List<ScanForm> scanForms = forms.stream().map(ScanForm::parse).toList();
    FloatFormat format = compiled.format();
    MambaWeights w = compiled.weights();
    PrintWriter out = spec.commandLine().getOut();
    out.println("| form | n | gates | wires | depth | depth without NOT | build s |");
    out.println("|---|---|---|---|---|---|---|");
    out.flush();
    List<Row> rows = new ArrayList<>();
    Progress progress = Progress.of(noProgress, spec.commandLine().getErr(),
        Progress.DEFAULT_PERIOD_NANOS);
    progress.start("circuit scale", "circuits", scanForms.size() * lengths.size(), 0);
    for (ScanForm form : scanForms) {
      List<Row> done = new ArrayList<>();
      for (int n : lengths.stream().sorted().toList()) {
        double expected = extrapolate(done, n);
        if (expected > MAX_WIRES) {
          out.printf(Locale.ROOT, "| %s | %d | skipped: about %.1e wires by the trend of the "
              + "smaller n, over the %.0e this command builds | | | | |%n", form.id(), n,
              expected, MAX_WIRES);
          out.flush();
          break;
        }
        Row row = compile(w, format, form, n, compiled.levelled);
        progress.advance(form.id() + " n=" + n);
        if (row == null) {
          out.printf("| %s | %d | out of memory | | | | |%n", form.id(), n);
          out.flush();
          break;
        }
        rows.add(row);
        done.add(row);
        out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f |%n", form.id(), n,
            row.gates(), row.wires(), row.depth(), row.depthWithoutNot(), row.seconds());
        out.flush();
      }
    }
    progress.close();
    out.println();
    for (ScanForm form : scanForms) {
      List<Row> r = rows.stream().filter(x -> x.form().equals(form.id())).toList();
      if (r.size() >= 2) {
        out.printf(Locale.ROOT, "%s: wires ~ n^%.2f, gates ~ n^%.2f (least squares on log-log,"
            + " n = %d..%d); depth %d..%d%n", form.id(), exponent(r, Row::wires),
            exponent(r, Row::gates), r.getFirst().length(), r.getLast().length(),
            r.stream().mapToInt(Row::depth).min().orElseThrow(),
            r.stream().mapToInt(Row::depth).max().orElseThrow());
      }
    }
    if (png != null) {
      List<ScalingPlot.Point> points = rows.stream()
          .map(r -> new ScalingPlot.Point(r.form(), r.length(), r.wires(), r.depth())).toList();
      ScalingPlot.write(points, png);
      out.println("plot: " + png);
    }
    out.flush();
    return 0;
  }

  /** The largest circuit built: the builder's int edge offsets end at 2^31. */
  static final double MAX_WIRES = 1e9;

  /** The wires at n extrapolated from the last two rows' power law; 0 with fewer rows. */
  static double extrapolate(List<Row> rows, int n) {
    if (rows.size() < 2) {
      return 0;
    }
    Row a = rows.get(rows.size() - 2);
    Row b = rows.getLast();
    double k = Math.log((double) b.wires() / a.wires()) / Math.log((double) b.length()
        / a.length());
    return b.wires() * Math.pow((double) n / b.length(), k);
  }

  private static Row compile(MambaWeights w, FloatFormat f, ScanForm form, int n,
      boolean levelled) {
    try {
      long t0 = System.nanoTime();
      MambaCircuit c = MambaCircuit.compile(w, f, form, n, levelled);
      double s = (System.nanoTime() - t0) / 1e9;
      CircuitStats st = c.circuit().stats();
      return new Row(form.id(), n, st.gates(), st.wires(), st.depth(), st.depthWithoutNot(), s);
    } catch (OutOfMemoryError tooBig) {
      return null;
    }
  }

  /** The slope of log y against log n, least squares. */
  static double exponent(List<Row> rows, ToLongFunction<Row> y) {
    double n = rows.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Row r : rows) {
      double lx = Math.log(r.length());
      double ly = Math.log(y.applyAsLong(r));
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }
}
