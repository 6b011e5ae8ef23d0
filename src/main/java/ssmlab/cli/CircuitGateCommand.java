package ssmlab.cli;

import java.nio.file.Path;
import ssmlab.train.RunFolder;
import ssmlab.circuit.uniform.FunctionFamilyCheck;
import ssmlab.circuit.uniform.VerbatimCheck;
import ssmlab.compile.MambaFamily;
import ssmlab.compile.MambaFamilyCheck;
import ssmlab.fp.FloatFormat;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.circuit.GateType;
import ssmlab.circuit.uniform.AddressedFamily;
import ssmlab.circuit.uniform.FamilyCheck;
import ssmlab.circuit.uniform.FpFamilies;
import ssmlab.circuit.uniform.FunctionFamilies;
import ssmlab.circuit.uniform.Gate;
import ssmlab.circuit.uniform.IntFamilies;
import ssmlab.circuit.uniform.QuerySample;
import ssmlab.fp.Functions;

/** {@code ssmlab circuit gate}: one gate of an addressed circuit family, without building it. */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = {"Answer one gate of a circuit family from its address, building nothing "
        + "(DLOGTIME uniformity, Definitions 3.10-3.11).",
      "An address is (section*2^wa + a)*2^wb + b, wa and wb as --check and --sample print "
          + "them (sections: 0 constants, 1 inputs, 2 partial products, 3-4 column counts, 5-6 "
          + "block sums, 7-10 the adder; int-prod, int-div, fp-mul, fp-prod and fp-add/fp-sum "
          + "put a part (4, 5, 4, 5 and 5 bits; 4 at q <= 4) and an index in front: "
          + "docs/circuits.md, Uniformity). "
          + "--check builds the "
          + "circuit and compares every gate; --sample times random queries at any arity."},
    footer = {"", "Ops: int-add int-sum int-sum-uniform int-mul int-prod int-div fp-mul fp-prod "
          + "fp-add fp-sum (fp-* read --exponent-bits, default p).", "Example:",
      "  ssmlab circuit gate --op int-sum --precision 8 --arity 1048576 --sample 1000 --seed 1",
      "  ssmlab circuit gate --op int-sum --precision 8 --arity 16 --check",
      "  ssmlab circuit gate --op int-sum --precision 8 --arity 16 --address 12291",
      "  ssmlab circuit gate --op fp-mul --precision 4 --exponent-bits 3 --check",
      "  ssmlab circuit gate --op fp-sum --precision 8 --exponent-bits 8 --arity 8 --check",
      "  ssmlab circuit gate --checkpoint runs/tiny --length 8 -p 4 -q 4 --check",
      "--checkpoint: the compiled Mamba (sections 0 constants, 1 token bits, 2 the embedding's"
          + " multiplexers, 3 gate of program step k; docs/circuits.md, \"The compiled Mamba's"
          + " gates\").",
      "fp-exp, fp-log, fp-sqrt, fp-sigmoid, fp-softplus and fp-silu (--functions paper): the"
          + " function's program of F_p operations, each operation's part composed (address ="
          + " operation k + 1, then the part's address); --check also evaluates the verbatim"
          + " circuit against the program on 256 floats."})
final class CircuitGateCommand implements Callable<Integer> {
  static final int MAX_PRINTED_INPUTS = 1 << 22;
  /** The longest sequence --check builds a compiled Mamba for. */
  static final long MAX_CHECKED_LENGTH = 16;
  /** Random sequences on which --check compares the verbatim circuit with the interpreter. */
  static final int VERIFIED_SEQUENCES = 16;
  /** Floats on which --check evaluates a paper function's verbatim circuit. */
  static final int VERIFIED_FLOATS = 256;

  @Spec CommandSpec spec;

  @Option(names = "--op", description = "the family: int-add, int-sum, "
      + "int-sum-uniform, int-mul, int-prod, int-div, fp-mul, fp-prod, fp-add, fp-sum,"
      + " fp-floor or fp-cmp (or --checkpoint)")
  String op;

  @Option(names = "--checkpoint", paramLabel = "DIR|FILE", description = "instead of --op: the"
      + " compiled Mamba of this run folder (or model.safetensors) at --length N, as circuit"
      + " model builds it")
  Path checkpoint;

  @Option(names = "--length", paramLabel = "N", description = "with --checkpoint: the sequence"
      + " length n")
  Long length;

  @Option(names = "--form", defaultValue = "unrolled", paramLabel = "unrolled|sequential",
      description = "with --checkpoint: the scan's form (default ${DEFAULT-VALUE})")
  String form;

  @Option(names = "--functions", defaultValue = "table", paramLabel = "table|paper",
      description = "the construction of fp-exp, fp-log, ... as in circuit op (default"
          + " ${DEFAULT-VALUE})")
  String functions;

  /** p defaults to 8; q is read by the fp-* families only (default p, at most 61). */
  @Mixin FloatFormatOptions format;

  @Option(names = "--arity", defaultValue = "4", paramLabel = "N",
      description = "operands of int-sum, int-prod, fp-prod and fp-sum (default ${DEFAULT-VALUE})")
  int arity;

  @ArgGroup(multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--address", paramLabel = "A", description = "print the gate at address A")
    Long address;

    @Option(names = "--check", description = "build the circuit and compare every gate")
    boolean check;

    @Option(names = "--sample", paramLabel = "K", description = "time K random queries")
    Integer sample;
  }

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "seed of --sample (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if ((op == null) == (checkpoint == null)) {
      throw new IllegalArgumentException("give exactly one of --op and --checkpoint");
    }
    if (checkpoint != null) {
      return model();
    }
    if (length != null) {
      throw new IllegalArgumentException("--length is for --checkpoint; --op takes --arity");
    }
    int p = format.precision(8);
    boolean fp = FpFamilies.covers(op);
    int q = format.exponentBits(p);
    AddressedFamily family = FunctionFamilies.covers(op)
        ? FunctionFamilies.of(op, p, q, Functions.parse(functions))
        : fp ? FpFamilies.of(op, p, q, arity) : IntFamilies.of(op, p, arity);
    Map<String, Object> row = new LinkedHashMap<>();
    if (answered(family)) {
      return 0;
    }
    row.put("op", op);
    row.put("precision", p);
    if (fp || FunctionFamilies.covers(op)) {
      row.put("exponent_bits", q);
    }
    if (FunctionFamilies.covers(op)) {
      row.put("functions", "paper");
    }
    if (IntFamilies.usesArity(op) || FpFamilies.usesArity(op)) {
      row.put("arity", arity);
    }
    row.put("gates", family.gateCount());
    row.put("address_bits", family.addressBits());
    row.put("field_bits", family.fieldBits());
    if (mode.check && FunctionFamilies.covers(op)) {
      FunctionFamilyCheck c = FunctionFamilyCheck.run(op, FloatFormat.of(p, q),
          VERIFIED_FLOATS, seed);
      return printed(c, row, "circuit_op");
    }
    if (mode.check) {
      FamilyCheck c = fp ? FamilyCheck.runFp(op, p, q, arity) : FamilyCheck.run(op, p, arity);
      row.put("gates_checked", c.agreement().gatesChecked());
      row.put("live_gates", c.liveGates());
      row.put("simplified_gates", c.simplifiedGates());
      row.put("agrees", c.passes());
      if (!c.passes()) {
        row.put("first_difference", c.firstDifference());
      }
      print(row);
      return c.passes() ? 0 : Errors.BAD_INPUT;
    }
    sample(family, row);
    return 0;
  }

  /** {@code --checkpoint}: the compiled Mamba's family at --length. */
  private int model() {
    if (length == null || length < 1) {
      throw new IllegalArgumentException("--checkpoint needs --length N >= 1");
    }
    SequenceModel m = RunFolder.load(CheckpointPath.folder(checkpoint)).model();
    if (!m.config().family().equals("mamba")) {
      throw new IllegalArgumentException("circuit gate --checkpoint covers mamba models, not "
          + m.config().family());
    }
    int p = format.precision(8);
    int q = format.exponentBits(p);
    Functions fs = Functions.parse(functions);
    if (fs == Functions.TABLE && p + q > 20) {
      throw new IllegalArgumentException("table functions need p + q <= 20, got p = " + p
          + ", q = " + q + " (or --functions paper)");
    }
    FloatFormat f = FloatFormat.of(p, q);
    ScanForm scan = ScanForm.parse(form);
    MambaWeights w = MambaWeights.of(m);
    MambaFamily family;
    try {
      family = MambaFamily.of(checkpoint.toString(), w, f, fs, scan, length);
    } catch (OutOfMemoryError tooBig) {
      throw new IllegalArgumentException("the family's blocks (the verbatim circuit at the "
          + "template length) do not fit in the heap; use a smaller --precision or "
          + "--exponent-bits, or a larger heap (SSMLAB_JVM_OPTS=-Xmx16g)");
    }
    if (answered(family)) {
      return 0;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("checkpoint", checkpoint.toString());
    row.put("length", length);
    row.put("precision", p);
    row.put("exponent_bits", q);
    row.put("form", scan.id());
    row.put("address_bits", family.addressBits());
    row.put("field_bits", family.fieldBits());
    if (mode.check) {
      if (length > MAX_CHECKED_LENGTH) {
        throw new IllegalArgumentException("--check builds the circuit: --length at most "
            + MAX_CHECKED_LENGTH + ", got " + length + " (query it with --sample instead)");
      }
      MambaFamilyCheck c = MambaFamilyCheck.run(family, w, f, fs, scan, length.intValue(),
          VERIFIED_SEQUENCES);
      return printed(c, row, "circuit_model");
    }
    sample(family, row);
    return 0;
  }

  /** Prints a {@link VerbatimCheck}'s row; its exit code. */
  private int printed(VerbatimCheck c, Map<String, Object> row, String direct) {
    row.put("gates_checked", c.agreement().gatesChecked());
    row.put("verbatim_gates", c.verbatimGates());
    row.put("verified", c.verified());
    row.put("tried", c.tried());
    row.put("simplified_gates", c.simplifiedGates());
    row.put("simplifies_to_" + direct, c.simplificationDifference() == null);
    row.put("agrees", c.passes());
    if (!c.passes()) {
      row.put("first_difference", c.firstDifference());
    }
    print(row);
    return c.passes() ? 0 : Errors.BAD_INPUT;
  }

  /** --address: prints the gate and returns true. */
  private boolean answered(AddressedFamily family) {
    if (mode.address == null) {
      return false;
    }
    Gate g = family.gate(mode.address);
    if (g.fanIn() > MAX_PRINTED_INPUTS) {
      throw new IllegalArgumentException("gate " + mode.address + " has " + g.fanIn()
          + " inputs, more than one line prints (" + MAX_PRINTED_INPUTS + ")");
    }
    print(new LinkedHashMap<>(json(g)));
    return true;
  }

  private void sample(AddressedFamily family, Map<String, Object> row) {
    if (mode.sample < 1 || mode.sample > 10_000_000) {
      throw new IllegalArgumentException("--sample must be in 1..10000000, got " + mode.sample);
    }
    QuerySample s = new QuerySample(family, mode.sample, seed);
    row.put("queries", mode.sample);
    row.put("seed", seed);
    row.put("max_fan_in", s.maxFanIn());
    row.put("nanos_per_query", Math.round(s.nanosPerQuery() * 10) / 10.0);
    print(row);
  }

  private void print(Map<String, Object> row) {
    spec.commandLine().getOut().println(Json.write(row));
  }

  /** {"address","type","weights","threshold","inputs"}; weights and threshold of threshold gates. */
  static Map<String, Object> json(Gate g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", g.address());
    m.put("type", g.type().name().toLowerCase(Locale.ROOT));
    List<Long> weights = new ArrayList<>();
    List<Long> inputs = new ArrayList<>();
    for (int i = 0; i < g.fanIn(); i++) {
      inputs.add(g.input(i));
      if (g.weighted()) {
        weights.add(g.weight(i));
      }
    }
    m.put("weights", weights);
    m.put("threshold", g.type() == GateType.THRESHOLD ? g.threshold() : null);
    m.put("inputs", inputs);
    return m;
  }
}
