package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.fp.FpOps;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;

/**
 * One operation of a {@link FunctionProgram} as an addressed family of its own, with input ports
 * x0, x1, ... of its builder code, and the program value each port reads.
 *
 * @param family the operation's family, its ports' bits at its INPUT leaves (a = bit, b = port)
 * @param ports the value each port reads: an earlier result, the input or a constant
 */
record OperationFamily(AddressedFamily family, List<ProgramValue> ports) {
  /**
   * The family of {@code op}: a product ({@link FpProdFamily#of} from three variables,
   * {@link SmallProductFamily} below; its ports are the variable operands, the constants folded
   * into the family), a sum ({@code fp-sum} of the operands), a floor ({@code fp-floor}, q ≥ 5)
   * or a conversion ({@link ConvertFamily}).
   *
   * @throws IllegalArgumentException for the kinds without a family yet
   */
  static OperationFamily of(ProgramOp op) {
    FloatFormat f = op.format();
    return switch (op.kind()) {
      case ITERATED_PRODUCT -> new OperationFamily(FpProdFamily.of(op), variables(op));
      case SUM -> new OperationFamily(sum(op), op.operands());
      case FLOOR -> new OperationFamily(FpFamilies.of("fp-floor", f.p(), f.q(), 1), op.operands());
      case CONVERT -> new OperationFamily(ConvertFamily.of(op), op.operands());
      case PRODUCT2, PRODUCT_BY_CONSTANT -> new OperationFamily(SmallProductFamily.of(op),
          variables(op));
      default -> throw new IllegalArgumentException("operation " + op.index() + ": "
          + op.kind().label() + " has no family of its own yet");
    };
  }

  /** fp-sum of the operands; a constant's bus shapes the windowed sum's columns. */
  private static AddressedFamily sum(ProgramOp op) {
    FloatFormat f = op.format();
    int n = op.operands().size();
    if (op.operands().stream().noneMatch(ProgramValue::isConstant)) {
      return FpFamilies.of("fp-sum", f.p(), f.q(), n);
    }
    if (f.q() <= FpOps.FULL_ALIGNMENT_MAX_Q) {
      throw new IllegalArgumentException("operation " + op.index() + ": a sum with a constant "
          + "term is addressed for q > " + FpOps.FULL_ALIGNMENT_MAX_Q + " only");
    }
    BigInteger[] constants = new BigInteger[n];
    List<String> terms = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      ProgramValue v = op.operands().get(j);
      constants[j] = v.isConstant() ? FpWires.encode(v.constant()) : null;
      terms.add(v.isConstant() ? v.constant().toString() : "x" + j);
    }
    return new FpSumFamily("sum " + String.join(" + ", terms) + " in " + f, n, f.p(), f.q(),
        constants);
  }

  /** The operands that are no constants: a product's ports (its constants are folded). */
  private static List<ProgramValue> variables(ProgramOp op) {
    return op.operands().stream().filter(v -> !v.isConstant()).toList();
  }

  /** The leaves the family lists before its gates: two constants and every port's bits. */
  long leafCount() {
    long n = 2;
    for (ProgramValue v : ports) {
      n += FpWires.width(v.format());
    }
    return n;
  }
}
