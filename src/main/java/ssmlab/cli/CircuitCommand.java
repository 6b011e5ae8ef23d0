package ssmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitStats;
import ssmlab.circuit.ExportFormat;
import ssmlab.circuit.fp.FpCircuitOps;
import ssmlab.circuit.tc0.IntOps;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.io.Provenance;
import ssmlab.model.MemoryEstimate;

/** {@code ssmlab circuit}: threshold circuits for arithmetic, their statistics and exports. */
@Command(
    name = "circuit",
    mixinStandardHelpOptions = true,
    description = "Threshold circuits (TC0): arithmetic and compiled Mamba models.",
    subcommands = {CircuitCommand.OpCommand.class, CircuitModelCommand.class,
        CircuitScaleCommand.class, CircuitGateCommand.class},
    footer = {"", "Examples:", "  ssmlab circuit op --op fp-mul --precision 8 --exponent-bits 4",
      "  ssmlab circuit model --checkpoint runs/tiny --length 8 --verify 64"})
final class CircuitCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ssmlab circuit op}: one arithmetic operation as a circuit, statistics as JSON. */
  @Command(
      name = "op",
      mixinStandardHelpOptions = true,
      description = "Build one operation's circuit and print its statistics as JSON.",
      footer = {"", "Ops: int-add int-sub int-cmp int-sum int-mul int-prod int-prod-tree int-div"
          + " int-shl int-shr int-lod int-mux fp-add fp-sub fp-mul fp-div fp-cmp fp-floor fp-sum"
          + " fp-prod fp-exp fp-log fp-sqrt fp-sigmoid fp-softplus fp-silu.",
          "Example:", "  ssmlab circuit op --op fp-exp --precision 16 --exponent-bits 8 --functions paper",
          "  ssmlab circuit op --op int-sum --precision 8 --arity 32 --export verilog sum.v"
          + " --vectors 100 sum.vec",
          "  iverilog -o sum sum.v sum_tb.v && vvp sum      # prints PASS: 100 vectors"})
  static final class OpCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--op", required = true, description = "the operation, e.g. int-mul")
    String op;

    /** p defaults to 8; for fp-* ops q then defaults to p. */
    @Mixin FloatFormatOptions format;

    @Option(names = "--arity", defaultValue = "4",
        description = "operands of int-sum, int-prod, int-mux (default ${DEFAULT-VALUE})")
    int arity;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE", hideParamSyntax = true,
        description = "also write the circuit: verilog|blif|bench|dot|json FILE (repeatable)")
    String[] export;

    @Mixin TestVectorsOption testVectors;

    @Option(names = "--functions", defaultValue = "table", paramLabel = "table|paper",
        description = "exp, log, sqrt, sigmoid, softplus, silu: table circuits (correctly"
            + " rounded, exponential in p + q) or the paper's constructions (polynomial in p);"
            + " default ${DEFAULT-VALUE}")
    String functions;

    private int precision;
    private int exponentBits;

    @Override
    public void run() {
      precision = format.precision(8);
      exponentBits = format.exponentBits(precision);
      if (precision < 1 || precision > 4096) {
        throw new IllegalArgumentException("--precision must be in 1..4096, got " + precision);
      }
      if (arity < 1 || arity > 1 << 16) {
        throw new IllegalArgumentException("--arity must be in 1..65536, got " + arity);
      }
      Functions fns = Functions.parse(functions);
      boolean fp = op.startsWith("fp-");
      if (fp && (precision < 2 || exponentBits < 1 || exponentBits > 32)) {
        throw new IllegalArgumentException("fp-* ops need --precision >= 2 and --exponent-bits "
            + "in 1..32");
      }
      boolean usesArity = fp ? FpCircuitOps.get(op).usesArity() : IntOps.get(op).usesArity();
      List<ExportFormat> formats = new ArrayList<>();
      for (int i = 0; export != null && i < export.length; i += 2) {
        formats.add(ExportFormat.parse(export[i]));
      }
      if (testVectors.requested()) {
        testVectors.count();
      }
      long t0 = System.nanoTime();
      Circuit c = build(fp, fns);
      long buildMs = (System.nanoTime() - t0) / 1_000_000;
      CircuitStats s = c.stats();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("op", op);
      row.put("precision", precision);
      if (fp) {
        row.put("exponent_bits", exponentBits);
      }
      if (usesArity) {
        row.put("arity", arity);
      }
      if (fp && op.matches("fp-(exp|log|sqrt|sigmoid|softplus|silu)")) {
        row.put("functions", fns.toString());
      }
      row.put("gates", s.gates());
      row.put("size", s.size());
      row.put("wires", s.wires());
      row.put("depth", s.depth());
      row.put("depth_without_not", s.depthWithoutNot());
      row.put("max_fan_in", s.maxFanIn());
      row.put("max_weight", s.maxWeight());
      row.put("inputs", s.inputs());
      row.put("outputs", s.outputs());
      row.put("counts", s.counts());
      row.put("storage_bytes", s.storageBytes());
      row.put("build_millis", buildMs);
      List<Map<String, String>> written = new ArrayList<>();
      for (int i = 0; i < formats.size(); i++) {
        String file = export[2 * i + 1];
        formats.get(i).write(c, op.replace('-', '_'), Path.of(file));
        Map<String, String> w = new LinkedHashMap<>();
        w.put("format", formats.get(i).name().toLowerCase(Locale.ROOT));
        w.put("file", file);
        written.add(w);
      }
      if (!written.isEmpty()) {
        row.put("export", written);
      }
      if (testVectors.requested()) {
        row.put("vectors", testVectors.write(c, op.replace('-', '_'), null));
      }
      row.put("provenance", Provenance.current(1));
      spec.commandLine().getOut().println(Json.write(row));
    }

    private Circuit build(boolean fp, Functions fns) {
      try {
        return fp
            ? FpCircuitOps.get(op).maker()
                .make(FloatFormat.of(precision, exponentBits), arity, fns)
            : IntOps.get(op).maker().make(precision, arity);
      } catch (OutOfMemoryError tooBig) {
        throw new IllegalArgumentException("the circuit of " + op + " at --precision "
            + precision + (fp ? " --exponent-bits " + exponentBits : "") + " --arity " + arity
            + " does not fit in the " + MemoryEstimate.size(Runtime.getRuntime().maxMemory())
            + " heap; use smaller sizes, or a larger heap (SSMLAB_JVM_OPTS=-Xmx16g)");
      }
    }
  }
}
