package ssmlab.cli;

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
      "fp-exp, fp-log, fp-sqrt, fp-sigmoid, fp-softplus and fp-silu (--functions paper) are"
          + " refused for now, naming the operations that have no addressed part yet (or the"
          + " missing composition)."})
final class CircuitGateCommand implements Callable<Integer> {
  static final int MAX_PRINTED_INPUTS = 1 << 22;

  @Spec CommandSpec spec;

  @Option(names = "--op", required = true, description = "the family: int-add, int-sum, "
      + "int-sum-uniform, int-mul, int-prod, int-div, fp-mul, fp-prod, fp-add, fp-sum,"
      + " fp-floor or fp-cmp")
  String op;

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
    int p = format.precision(8);
    boolean fp = FpFamilies.covers(op);
    int q = format.exponentBits(p);
    AddressedFamily family = FunctionFamilies.covers(op)
        ? FunctionFamilies.of(op, p, q, Functions.parse(functions))
        : fp ? FpFamilies.of(op, p, q, arity) : IntFamilies.of(op, p, arity);
    Map<String, Object> row = new LinkedHashMap<>();
    if (mode.address != null) {
      Gate g = family.gate(mode.address);
      if (g.fanIn() > MAX_PRINTED_INPUTS) {
        throw new IllegalArgumentException("gate " + mode.address + " has " + g.fanIn()
            + " inputs, more than one line prints (" + MAX_PRINTED_INPUTS + ")");
      }
      row.putAll(json(g));
      print(row);
      return 0;
    }
    row.put("op", op);
    row.put("precision", p);
    if (fp) {
      row.put("exponent_bits", q);
    }
    if (IntFamilies.usesArity(op) || FpFamilies.usesArity(op)) {
      row.put("arity", arity);
    }
    row.put("gates", family.gateCount());
    row.put("address_bits", family.addressBits());
    row.put("field_bits", family.fieldBits());
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
    if (mode.sample < 1 || mode.sample > 10_000_000) {
      throw new IllegalArgumentException("--sample must be in 1..10000000, got " + mode.sample);
    }
    QuerySample s = new QuerySample(family, mode.sample, seed);
    row.put("queries", mode.sample);
    row.put("seed", seed);
    row.put("max_fan_in", s.maxFanIn());
    row.put("nanos_per_query", Math.round(s.nanosPerQuery() * 10) / 10.0);
    print(row);
    return 0;
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
