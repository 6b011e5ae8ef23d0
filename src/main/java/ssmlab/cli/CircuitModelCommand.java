package ssmlab.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.circuit.CircuitStats;
import ssmlab.circuit.ExportFormat;
import ssmlab.fp.FloatFormat;
import ssmlab.compile.ModelCircuit;
import ssmlab.io.Provenance;
import ssmlab.model.SequenceModel;
import ssmlab.progress.Progress;
import ssmlab.model.mamba.reference.ScanForm;

/** {@code ssmlab circuit model}: a trained Mamba or S4D compiled into a threshold circuit. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = {"Compiles a trained Mamba or S4D into a threshold circuit for one sequence "
        + "length.",
      "The reference forward runs over circuit wires in exact F_p: the circuit computes the "
          + "logits at every position for token-id inputs. Prints JSON statistics; --verify K "
          + "evaluates it on K random sequences and compares every logit bit for bit with the "
          + "F_p interpreter in the same form."},
    footer = {"", "Example:", "  ssmlab circuit model --checkpoint runs/tiny --length 8 "
        + "--precision 4 --exponent-bits 4 --form unrolled --verify 64",
        "  ssmlab circuit model --checkpoint runs/tiny --length 4 --export verilog mamba.v "
        + "--vectors 32 mamba.vec",
        "  iverilog -o mamba mamba.v mamba_tb.v && vvp mamba   (prints PASS: 32 vectors)"})
final class CircuitModelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CompiledModelOptions compiled;

  @Option(names = "--length", required = true, paramLabel = "N", description = "sequence length")
  int length;

  @Option(names = "--form", defaultValue = "unrolled", paramLabel = "unrolled|sequential",
      description = "the scan: unrolled (constant depth; s4d: the convolution form) or "
          + "sequential (s4d: the recurrent form) (default: ${DEFAULT-VALUE})")
  String form;

  @Option(names = "--verify", defaultValue = "0", paramLabel = "K",
      description = "compare with the F_p interpreter on K random sequences")
  int verify;

  @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE", hideParamSyntax = true,
      description = "also write the circuit: verilog|blif|bench|dot|json FILE (module mamba "
          + "or s4d)")
  String[] export;

  @Option(names = "--no-progress", description = "no progress on stderr")
  boolean noProgress;

  @Mixin TestVectorsOption testVectors;

  @Override
  public Integer call() {
    ScanForm scanForm = ScanForm.parse(form);
    if (length < 1 || verify < 0) {
      throw new IllegalArgumentException("--length must be at least 1 and --verify at least 0");
    }
    if (testVectors.requested()) {
      testVectors.count();
    }
    FloatFormat format = compiled.format();
    SequenceModel model = compiled.model();
    Progress progress = Progress.of(noProgress, spec.commandLine().getErr(),
        Progress.DEFAULT_PERIOD_NANOS);
    progress.start("circuit model", "stages",
        1 + (verify > 0 ? 1 : 0) + (export != null ? 1 : 0), 0);
    long t0 = System.nanoTime();
    ModelCircuit c;
    try {
      c = ModelCircuit.compile(model, format, scanForm, length, compiled.levelled,
          compiled.functions(), compiled.tokenTables);
    } catch (OutOfMemoryError tooBig) {
      throw new IllegalArgumentException("the circuit for --length " + length + " does not fit "
          + "in the heap; use a smaller --length, --precision or --exponent-bits, or a larger "
          + "heap (SSMLAB_JVM_OPTS=-Xmx16g)");
    }
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    progress.advance("compiled");
    Map<String, Object> out = stats(c, buildSeconds);
    if (verify > 0) {
      int agree = c.verify(verify, length);
      if (agree != verify) {
        throw new IllegalStateException((verify - agree) + " of " + verify + " sequences differ "
            + "from the F_p interpreter");
      }
      out.put("verified", agree);
      progress.advance("verified");
    }
    if (export != null) {
      ExportFormat fmt = ExportFormat.parse(export[0]);
      fmt.write(c.circuit(), c.family(), Path.of(export[1]));
      out.put("export", Map.of("format", fmt.name().toLowerCase(Locale.ROOT), "file", export[1]));
      progress.advance("exported");
    }
    if (testVectors.requested()) {
      out.put("vectors", testVectors.write(c.circuit(), c.family(),
          k -> randomTokens(k, c.vocab())));
    }
    progress.close();
    out.put("provenance", Provenance.current(1));
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  /** Ports t0..t(n-1): {@code k} random token ids below {@code vocab} each. */
  private Map<String, BigInteger[]> randomTokens(int k, int vocab) {
    var rnd = new SplittableRandom(TestVectorsOption.SEED);
    Map<String, BigInteger[]> in = new LinkedHashMap<>();
    for (int t = 0; t < length; t++) {
      BigInteger[] ids = new BigInteger[k];
      for (int v = 0; v < k; v++) {
        ids[v] = BigInteger.valueOf(rnd.nextInt(vocab));
      }
      in.put("t" + t, ids);
    }
    return in;
  }

  /** The JSON statistics of a compiled model. */
  static Map<String, Object> stats(ModelCircuit c, double buildSeconds) {
    CircuitStats s = c.circuit().stats();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("family", c.family());
    out.put("length", c.length());
    out.put("form", c.form().id());
    out.put("levelled", c.levelled());
    out.put("precision", c.format().p());
    out.put("exponent_bits", c.format().q());
    out.put("functions", c.functions().toString());
    if (c.tokenTables()) {
      out.put("token_tables", true);
    }
    out.put("gates", s.gates());
    out.put("wires", s.wires());
    out.put("depth", s.depth());
    out.put("depth_without_not", s.depthWithoutNot());
    out.put("by_type", s.counts());
    out.put("build_seconds", Math.round(buildSeconds * 100) / 100.0);
    return out;
  }
}
