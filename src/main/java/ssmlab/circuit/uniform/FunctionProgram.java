package ssmlab.circuit.uniform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPAlgebra;
import ssmlab.fp.FpAlgebra;
import ssmlab.fp.PaperFunctions;

/**
 * The straight-line program of {@code FpAlgebra} operations by which {@link PaperFunctions}
 * computes one function in F_p: the same operations, operands and formats for every input, so
 * {@code circuit op --functions paper} builds its circuit as one sub-circuit per operation, in
 * this order. An addressed family of the function is then (operation index, address inside that
 * operation's part), each operation's inputs being the outputs of earlier ones; this class fixes
 * the first field and says which operations have parts ({@link OpKind#addressed}).
 *
 * @param function exp, log, sqrt, sigmoid, softplus or silu
 * @param format F_p, the input's and the result's format
 * @param ops the operations in build order
 * @param output the result: an operation's, or (never, for these functions) the input or a
 *     constant
 */
record FunctionProgram(String function, FloatFormat format, List<ProgramOp> ops,
    ProgramValue output) {
  static final List<String> FUNCTIONS = PaperFunctions.NAMES;

  /** The program of {@code function} in {@code f}, as {@code PaperFunctions} calls the algebra. */
  static FunctionProgram record(String function, FloatFormat f) {
    ProgramRecorder r = new ProgramRecorder();
    ProgramValue out = PaperFunctions.of(f).apply(function, r, ProgramValue.input(f));
    return new FunctionProgram(function, f, r.ops(), out);
  }

  /**
   * The program run on exact floats, operation by operation: equal to {@code PaperFunctions} on x
   * exactly when the recording lost nothing (the program does not depend on x).
   */
  FloatP evaluate(FloatP x) {
    return run(FloatPAlgebra.INSTANCE, x);
  }

  /** The program run on any algebra (on wires: its circuit), x the input, calls in order. */
  <T> T run(FpAlgebra<T> a, T x) {
    List<T> results = new ArrayList<>(ops.size());
    for (ProgramOp op : ops) {
      List<T> in = new ArrayList<>();
      for (ProgramValue v : op.operands()) {
        in.add(v.isConstant() ? a.constant(v.constant()) : v.op() < 0 ? x : results.get(v.op()));
      }
      results.add(switch (op.kind()) {
        case CONVERT -> a.convert(in.getFirst(), op.format());
        case SUM -> a.sum(in);
        case PRODUCT2, PRODUCT_BY_CONSTANT, ITERATED_PRODUCT -> a.product(in);
        case NEGATE -> a.negate(in.getFirst());
        case FLOOR -> a.floor(in.getFirst());
        case LESS_THAN_SELECT -> a.lessThanSelect(in.get(0), in.get(1), in.get(2), in.get(3));
        case LOOKUP -> a.lookup(in.getFirst(), op.keys(), op.values());
        case EXPONENT -> a.exponent(in.getFirst(), op.format());
        case MANTISSA -> a.mantissa(in.getFirst());
        case SCALE -> a.scale(in.get(0), in.get(1), op.format());
      });
    }
    return output.isConstant() ? a.constant(output.constant())
        : output.op() < 0 ? x : results.get(output.op());
  }

  /** How many operations of each kind, in {@link OpKind} order. */
  Map<OpKind, Integer> counts() {
    Map<OpKind, Integer> m = new EnumMap<>(OpKind.class);
    for (ProgramOp op : ops) {
      m.merge(op.kind(), 1, Integer::sum);
    }
    return m;
  }

  /** "floor ×2, lookup ×1, ...": the kinds without an addressed part and their counts. */
  String missing() {
    List<String> out = new ArrayList<>();
    counts().forEach((k, n) -> {
      if (!k.addressed()) {
        out.add(k.label() + " ×" + n);
      }
    });
    return String.join(", ", out);
  }
}
