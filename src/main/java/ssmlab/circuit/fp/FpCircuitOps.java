package ssmlab.circuit.fp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.IntOps;
import ssmlab.circuit.tc0.IteratedMultiplication;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;

/**
 * The F_p operations by name, each a stand-alone circuit over floats of one format (input ports
 * {@code x}, {@code y} or {@code x0..x(n-1)}, each p + q + 2 bits as {@link FpWires#bits}): what
 * {@code ssmlab circuit op --op fp-*} builds.
 */
public final class FpCircuitOps {
  /** Builds one op's circuit for a format and an arity. */
  public interface Maker {
    Circuit make(FloatFormat f, int n, Functions functions);
  }

  /** An op: its name, what it computes, and whether it reads the arity. */
  public record Op(String name, String description, boolean usesArity, Maker maker) {}

  private static final Map<String, Op> OPS = new LinkedHashMap<>();

  static {
    binary("fp-add", "round_p(x + y)", FpOps::add);
    binary("fp-sub", "round_p(x - y)", FpOps::subtract);
    binary("fp-mul", "round_p(x * y)", FpOps::multiply);
    binary("fp-div", "round_p(x / y) (x / 0 unspecified)", FpOps::divide);
    add("fp-cmp", "lt = [x < y], eq = [x = y]", false, (f, n, fn) -> {
      var b = new CircuitBuilder();
      FpWires x = FpWires.input(b, "x", f);
      FpWires y = FpWires.input(b, "y", f);
      b.output("lt", FpOps.lessThan(b, x, y));
      b.output("eq", FpOps.equal(b, x, y));
      return b.build();
    });
    add("fp-floor", "floor(x)", false, (f, n, fn) -> unaryCircuit(f, FpOps::floor));
    add("fp-sum", "round_p(x0 + ... + x(n-1)), one rounding", true,
        (f, n, fn) -> naryCircuit(f, n, FpOps::sum));
    add("fp-prod", "round_p(x0 * ... * x(n-1)), one rounding (CRT)", true, (f, n, fn) -> {
      check("fp-prod", IteratedMultiplication.estimateWires(n, f.p()));
      return naryCircuit(f, n, FpOps::product);
    });
    Map<String, BiFunction<WireArithmetic, FpWires, FpWires>> functions = new LinkedHashMap<>();
    functions.put("exp", WireArithmetic::exp);
    functions.put("log", WireArithmetic::log);
    functions.put("sqrt", WireArithmetic::sqrt);
    functions.put("sigmoid", WireArithmetic::sigmoid);
    functions.put("softplus", WireArithmetic::softplus);
    functions.put("silu", WireArithmetic::silu);
    functions.forEach((name, op) -> add("fp-" + name,
        name + "(x): correctly rounded (a table circuit) or the paper's construction", false,
        (f, n, fn) -> unaryCircuit(f, (b, x) -> op.apply(new WireArithmetic(b, f, fn), x))));
  }

  private FpCircuitOps() {}

  public static Map<String, Op> all() {
    return OPS;
  }

  public static Op get(String name) {
    Op op = OPS.get(name);
    if (op == null) {
      throw new IllegalArgumentException("unknown op '" + name + "' (one of "
          + String.join(", ", OPS.keySet()) + ")");
    }
    return op;
  }

  private static void add(String name, String description, boolean arity, Maker m) {
    OPS.put(name, new Op(name, description, arity, m));
  }

  private interface Binary {
    FpWires apply(CircuitBuilder b, FpWires x, FpWires y);
  }

  private static void binary(String name, String description, Binary op) {
    add(name, description, false, (f, n, fn) -> binaryCircuit(f, op));
  }

  private static Circuit binaryCircuit(FloatFormat f, Binary op) {
    var b = new CircuitBuilder();
    FpWires x = FpWires.input(b, "x", f);
    FpWires y = FpWires.input(b, "y", f);
    b.output("z", op.apply(b, x, y).bits());
    return b.build();
  }

  private static Circuit unaryCircuit(FloatFormat f,
      BiFunction<CircuitBuilder, FpWires, FpWires> op) {
    var b = new CircuitBuilder();
    b.output("z", op.apply(b, FpWires.input(b, "x", f)).bits());
    return b.build();
  }

  private static Circuit naryCircuit(FloatFormat f, int n,
      BiFunction<CircuitBuilder, List<FpWires>, FpWires> op) {
    var b = new CircuitBuilder();
    List<FpWires> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(FpWires.input(b, "x" + i, f));
    }
    b.output("z", op.apply(b, xs).bits());
    return b.build();
  }

  private static void check(String op, long wires) {
    if (wires > IntOps.MAX_WIRES) {
      throw new IllegalArgumentException(String.format(
          "%s at these sizes needs about %.2g wires; the limit is %.0e", op, (double) wires,
          (double) IntOps.MAX_WIRES));
    }
  }
}
