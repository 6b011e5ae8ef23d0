package ssmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.circuit.CircuitStats;
import ssmlab.compile.ModelCircuit;
import ssmlab.fp.FloatFormat;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.progress.Progress;
import ssmlab.report.ScalingPlot;

/** {@code ssmlab circuit scale}: depth and size of a compiled Mamba or S4D against the length. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Depth and size of a compiled Mamba or S4D against the sequence length.",
      "Compiles the model at every length in every form and prints a Markdown table, then the "
          + "fitted polynomial exponent of the size (least squares of log wires on log n). "
          + "A length whose circuit does not fit in the heap is reported and ends that form.",
      "--precision-rule makes p a function of n (q = p unless --exponent-bits or "
          + "--exponent-rule says otherwise): the table gains columns p and q and the fit a line "
          + "of size against p and a joint fit n^a p^b."},
    footer = {"", "Examples:", "  ssmlab circuit scale --checkpoint runs/tiny --lengths "
        + "2,4,8,16,32 --precision 4 --exponent-bits 4 --png scale.png",
        "  ssmlab circuit scale --checkpoint runs/tiny --lengths 2,4,8 --precision-rule "
        + "'log2+4' --levelled --verify 8",
        "  ssmlab circuit scale --checkpoint runs/tiny --precision-rule 2:5,3:6,4:7 "
        + "--functions paper --levelled",
        "  ssmlab circuit scale --checkpoint runs/tiny --lengths 2,4,8,16 --precision 8 "
        + "--functions paper --token-tables"})
final class CircuitScaleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CompiledModelOptions compiled;

  @Option(names = "--lengths", split = ",", paramLabel = "N,N,...",
      description = "sequence lengths (default: those a --precision-rule of pairs lists)")
  List<Integer> lengths;

  @Option(names = "--precision-rule", paramLabel = "RULE",
      description = "p as a function of n: C*log2+A (p = C*ceil(log2 n) + A, e.g. 4*log2 or "
          + "2*log2+4) or N:P pairs (e.g. 2:6,4:8,8:10); q = p unless --exponent-bits or "
          + "--exponent-rule is given")
  String precisionRule;

  @Option(names = "--exponent-rule", paramLabel = "RULE",
      description = "q as a function of n, written as for --precision-rule")
  String exponentRule;

  @Option(names = "--verify", defaultValue = "0", paramLabel = "K",
      description = "compare each circuit with the F_p interpreter on K random sequences (a "
          + "column 'verified'; a mismatch is an error)")
  int verify;

  @Option(names = "--forms", defaultValue = "unrolled,sequential", split = ",",
      paramLabel = "FORM,...", description = "unrolled and/or sequential (default: both)")
  List<String> forms;

  @Option(names = "--png", paramLabel = "FILE", description = "also plot depth and wires")
  Path png;

  @Option(names = "--no-progress", description = "no progress on stderr")
  boolean noProgress;

  @Option(names = "--format", defaultValue = "markdown", paramLabel = "markdown|json",
      description = "a Markdown table (default) or one JSON object per line")
  String outputFormat;

  /**
   * One row of the table: p and q of its format, {@code verified} sequences (-1 when not asked
   * for).
   */
  record Row(String form, int length, long gates, long wires, int depth, int depthWithoutNot,
      double seconds, int p, int q, int verified) {}

  @Override
  public Integer call() throws IOException {
    var formats = new LengthFormats(compiled, precisionRule, exponentRule);
    if (lengths == null) {
      lengths = formats.listedLengths();
    }
    for (int n : lengths) {
      if (n < 1) {
        throw new IllegalArgumentException("lengths must be at least 1, got " + n);
      }
    }
    if (verify < 0) {
      throw new IllegalArgumentException("--verify must be at least 0, got " + verify);
    }
    Map<Integer, FloatFormat> format = new LinkedHashMap<>();
    for (int n : lengths) {
      format.put(n, formats.at(n));
    }
    List<ScanForm> scanForms = forms.stream().map(ScanForm::parse).toList();
    if (png != null) {
      OutputPaths.requireWritableFile("--png", png);
    }
    SequenceModel w = compiled.model();
    PrintWriter out = spec.commandLine().getOut();
    Columns columns = new Columns(formats.varies(), verify > 0);
    Table table = switch (outputFormat) {
      case "markdown" -> new Markdown(out, columns);
      case "json" -> new JsonLines(out, columns);
      default -> throw new IllegalArgumentException("--format must be markdown or json, got '"
          + outputFormat + "'");
    };
    table.header();
    List<Row> rows = new ArrayList<>();
    Progress progress = Progress.of(noProgress, spec.commandLine().getErr(),
        Progress.DEFAULT_PERIOD_NANOS);
    progress.start("circuit scale", "circuits", scanForms.size() * lengths.size(), 0);
    for (ScanForm form : scanForms) {
      List<Row> done = new ArrayList<>();
      List<Integer> sorted = lengths.stream().sorted().toList();
      for (int i = 0; i < sorted.size(); i++) {
        int n = sorted.get(i);
        double expected = extrapolate(done, n);
        Row row = expected > MAX_WIRES ? null : compile(w, format.get(n), form, n, compiled,
            verify);
        if (row == null) {
          table.skipped(form.id(), n, expected > MAX_WIRES ? String.format(Locale.ROOT,
              "about %.1e wires by the trend of the smaller n, over the %.0e this command "
                  + "builds", expected, MAX_WIRES) : "out of memory");
          for (int m : sorted.subList(i + 1, sorted.size())) {
            table.skipped(form.id(), m, "not built, as n = " + n + " was not");
          }
          break;
        }
        progress.advance(form.id() + " n=" + n);
        rows.add(row);
        done.add(row);
        table.row(row);
      }
    }
    progress.close();
    for (ScanForm form : scanForms) {
      List<Row> r = rows.stream().filter(x -> x.form().equals(form.id())).toList();
      if (r.size() >= 2) {
        table.fit(form.id(), r);
      }
    }
    if (png != null) {
      List<ScalingPlot.Point> points = rows.stream()
          .map(r -> new ScalingPlot.Point(r.form(), r.length(), r.wires(), r.depth())).toList();
      ScalingPlot.write(points, png);
      table.plot(png);
    }
    out.flush();
    return 0;
  }

  /** Where the results go as they come: a Markdown table or JSON lines. */
  private interface Table {
    void header();

    void row(Row row);

    void skipped(String form, int n, String why);

    void fit(String form, List<Row> rows);

    void plot(Path png);
  }

  /**
   * The columns beyond the fixed ones, appended so that readers of the plain table keep theirs:
   * {@code p, q} when the format depends on n, {@code verified} when asked for.
   */
  record Columns(boolean format, boolean verified) {}

  /** The Markdown table, then (after a blank line) a line per form with its exponents. */
  private static final class Markdown implements Table {
    private final PrintWriter out;
    private final Columns columns;
    private boolean fitted;

    Markdown(PrintWriter out, Columns columns) {
      this.out = out;
      this.columns = columns;
    }

    @Override
    public void header() {
      out.println("| form | n | gates | wires | depth | depth without NOT | build s |"
          + (columns.format() ? " p | q |" : "") + (columns.verified() ? " verified |" : ""));
      out.println("|---|---|---|---|---|---|---|" + (columns.format() ? "---|---|" : "")
          + (columns.verified() ? "---|" : ""));
      out.flush();
    }

    @Override
    public void row(Row row) {
      out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f |", row.form(),
          row.length(), row.gates(), row.wires(), row.depth(), row.depthWithoutNot(),
          row.seconds());
      if (columns.format()) {
        out.printf(Locale.ROOT, " %d | %d |", row.p(), row.q());
      }
      if (columns.verified()) {
        out.printf(Locale.ROOT, " %d |", row.verified());
      }
      out.println();
      out.flush();
    }

    @Override
    public void skipped(String form, int n, String why) {
      out.printf("| %s | %d | skipped: %s | | | | |%s%n", form, n, why,
          (columns.format() ? " | |" : "") + (columns.verified() ? " |" : ""));
      out.flush();
    }

    @Override
    public void fit(String form, List<Row> r) {
      if (!fitted) {
        out.println();
        fitted = true;
      }
      out.printf(Locale.ROOT, "%s: wires ~ n^%.2f, gates ~ n^%.2f (least squares on log-log,"
          + " n = %d..%d); depth %d..%d%n", form, exponent(r, Row::wires),
          exponent(r, Row::gates), r.getFirst().length(), r.getLast().length(),
          r.stream().mapToInt(Row::depth).min().orElseThrow(),
          r.stream().mapToInt(Row::depth).max().orElseThrow());
      if (columns.format() && pVaries(r)) {
        out.printf(Locale.ROOT, "%s: wires ~ p^%.2f, gates ~ p^%.2f (least squares on log-log,"
            + " p = %d..%d)%s%n", form, exponent(r, Row::p, Row::wires),
            exponent(r, Row::p, Row::gates), r.stream().mapToInt(Row::p).min().orElseThrow(),
            r.stream().mapToInt(Row::p).max().orElseThrow(), joint(r)
                .map(e -> String.format(Locale.ROOT, "; jointly wires ~ n^%.2f p^%.2f", e[0],
                    e[1])).orElse(""));
      }
    }

    @Override
    public void plot(Path png) {
      out.println("plot: " + png);
    }
  }

  /**
   * One JSON object per line: a row per circuit ({@code form, n, gates, wires, depth,
   * depth_without_not, build_seconds}), {@code skipped} for a length not built, then a
   * {@code fit} per form and the {@code plot}.
   */
  private record JsonLines(PrintWriter out, Columns columns) implements Table {
    @Override
    public void header() {}

    @Override
    public void row(Row row) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("form", row.form());
      m.put("n", row.length());
      m.put("gates", row.gates());
      m.put("wires", row.wires());
      m.put("depth", row.depth());
      m.put("depth_without_not", row.depthWithoutNot());
      m.put("build_seconds", row.seconds());
      if (columns.format()) {
        m.put("p", row.p());
        m.put("q", row.q());
      }
      if (columns.verified()) {
        m.put("verified", row.verified());
      }
      print(m);
    }

    @Override
    public void skipped(String form, int n, String why) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("form", form);
      m.put("n", n);
      m.put("skipped", why);
      print(m);
    }

    @Override
    public void fit(String form, List<Row> r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fit", form);
      m.put("wires_exponent", exponent(r, Row::wires));
      m.put("gates_exponent", exponent(r, Row::gates));
      m.put("n_min", r.getFirst().length());
      m.put("n_max", r.getLast().length());
      m.put("depth_min", r.stream().mapToInt(Row::depth).min().orElseThrow());
      m.put("depth_max", r.stream().mapToInt(Row::depth).max().orElseThrow());
      if (columns.format() && pVaries(r)) {
        m.put("wires_exponent_p", exponent(r, Row::p, Row::wires));
        m.put("gates_exponent_p", exponent(r, Row::p, Row::gates));
        m.put("p_min", r.stream().mapToInt(Row::p).min().orElseThrow());
        m.put("p_max", r.stream().mapToInt(Row::p).max().orElseThrow());
        joint(r).ifPresent(e -> {
          m.put("joint_wires_exponent_n", e[0]);
          m.put("joint_wires_exponent_p", e[1]);
        });
      }
      print(m);
    }

    @Override
    public void plot(Path png) {
      print(Map.of("plot", png.toString()));
    }

    private void print(Map<String, Object> m) {
      out.println(Json.write(m));
      out.flush();
    }
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

  private static Row compile(SequenceModel w, FloatFormat f, ScanForm form, int n,
      CompiledModelOptions o, int verify) {
    try {
      long t0 = System.nanoTime();
      ModelCircuit c = ModelCircuit.compile(w, f, form, n, o.levelled, o.functions(),
          o.tokenTables);
      double s = (System.nanoTime() - t0) / 1e9;
      CircuitStats st = c.circuit().stats();
      int verified = -1;
      if (verify > 0) {
        verified = c.verify(verify, n);
        if (verified != verify) {
          throw new IllegalStateException(form.id() + " n = " + n + ": " + (verify - verified)
              + " of " + verify + " sequences differ from the F_p interpreter");
        }
      }
      return new Row(form.id(), n, st.gates(), st.wires(), st.depth(), st.depthWithoutNot(), s,
          f.p(), f.q(), verified);
    } catch (OutOfMemoryError tooBig) {
      return null;
    }
  }

  /** Whether the rows have more than one p (else no exponent against p is defined). */
  static boolean pVaries(List<Row> rows) {
    return rows.stream().mapToInt(Row::p).distinct().count() > 1;
  }

  /** The slope of log y against log n, least squares. */
  static double exponent(List<Row> rows, ToLongFunction<Row> y) {
    return exponent(rows, Row::length, y);
  }

  /** The slope of log y against log x, least squares. */
  static double exponent(List<Row> rows, ToIntFunction<Row> x, ToLongFunction<Row> y) {
    double n = rows.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Row r : rows) {
      double lx = Math.log(x.applyAsInt(r));
      double ly = Math.log(y.applyAsLong(r));
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /**
   * The exponents (a, b) of wires ~ n^a p^b, least squares of log wires on log n and log p with
   * an intercept; empty with fewer than three rows or when log n and log p are (nearly)
   * collinear over the rows, so that a and b are not determined.
   */
  static Optional<double[]> joint(List<Row> rows) {
    if (rows.size() < 3) {
      return Optional.empty();
    }
    double k = rows.size();
    double mx = 0;
    double mz = 0;
    double my = 0;
    for (Row r : rows) {
      mx += Math.log(r.length()) / k;
      mz += Math.log(r.p()) / k;
      my += Math.log(r.wires()) / k;
    }
    double sxx = 0;
    double szz = 0;
    double sxz = 0;
    double sxy = 0;
    double szy = 0;
    for (Row r : rows) {
      double x = Math.log(r.length()) - mx;
      double z = Math.log(r.p()) - mz;
      double y = Math.log(r.wires()) - my;
      sxx += x * x;
      szz += z * z;
      sxz += x * z;
      sxy += x * y;
      szy += z * y;
    }
    double det = sxx * szz - sxz * sxz;
    if (sxx == 0 || szz == 0 || det < 1e-6 * sxx * szz) {
      return Optional.empty();
    }
    return Optional.of(new double[] {(szz * sxy - sxz * szy) / det,
        (sxx * szy - sxz * sxy) / det});
  }
}
