package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.fp.FpOps;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * One operation of a {@link FunctionProgram} as an addressed family of its own, with input ports
 * x0, x1, ... of its builder code, and the program value each port reads.
 *
 * @param family the operation's family, its ports' bits at its INPUT leaves (a = bit, b = port)
 * @param ports the value each port reads: an earlier result, the input or a constant
 */
record OperationFamily(AddressedFamily family, List<ProgramValue> ports) {
  /**
   * The family of {@code op} alone, the constants' 0 bits as its only constant false bits: a
   * product ({@link FpProdFamily#of} from three variables, {@link SmallProductFamily} below; the
   * constants folded in, the variable operands its ports), a sum ({@code fp-sum}), a floor
   * ({@code fp-floor}, q ≥ 5), a conversion ({@link ConvertFamily}), or one of the operation
   * parts ({@link OpFamily}: negate, mantissa, lessThanSelect, lookup, exponent, scale; its
   * ports the distinct variable operands).
   *
   * @throws IllegalArgumentException where the kind's family refuses the format
   */
  static OperationFamily of(ProgramOp op) {
    List<BigInteger> falseBits = new ArrayList<>();
    for (ProgramValue v : op.operands()) {
      falseBits.add(v.isConstant() ? zeros(v.constant()) : null);
    }
    return of(op, falseBits);
  }

  /** The 0 bits of a constant's bus: constant false wires. */
  static BigInteger zeros(FloatP c) {
    BigInteger all = BigInteger.ONE.shiftLeft(FpWires.width(c.format())).subtract(BigInteger.ONE);
    return all.andNot(FpWires.encode(c));
  }

  /**
   * The same, knowing per operand which bus bits are the constant false wire (null for none): a
   * sum's columns leave them out, as {@code IteratedAddition} does.
   */
  static OperationFamily of(ProgramOp op, List<BigInteger> falseBits) {
    FloatFormat f = op.format();
    return switch (op.kind()) {
      case ITERATED_PRODUCT -> new OperationFamily(FpProdFamily.of(op), variables(op));
      case SUM -> new OperationFamily(sum(op, falseBits), op.operands());
      case FLOOR -> new OperationFamily(FpFamilies.of("fp-floor", f.p(), f.q(), 1), op.operands());
      case CONVERT -> new OperationFamily(ConvertFamily.of(op), op.operands());
      case PRODUCT2, PRODUCT_BY_CONSTANT -> new OperationFamily(SmallProductFamily.of(op),
          variables(op));
      case NEGATE, MANTISSA, LESS_THAN_SELECT, LOOKUP, EXPONENT, SCALE -> new OperationFamily(
          new OpFamily(op.kind().label() + " (operation " + op.index() + ")", op),
          distinctVariables(op));
    };
  }

  /** fp-sum of the operands; constant false bits shape the windowed sum's columns. */
  private static AddressedFamily sum(ProgramOp op, List<BigInteger> falseBits) {
    FloatFormat f = op.format();
    int n = op.operands().size();
    if (falseBits.stream().allMatch(m -> m == null || m.signum() == 0)) {
      return FpFamilies.of("fp-sum", f.p(), f.q(), n);
    }
    if (f.q() <= FpOps.FULL_ALIGNMENT_MAX_Q) {
      throw new IllegalArgumentException("operation " + op.index() + ": a sum with constant "
          + "bits is addressed for q > " + FpOps.FULL_ALIGNMENT_MAX_Q + " only");
    }
    List<String> terms = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      ProgramValue v = op.operands().get(j);
      BigInteger m = falseBits.get(j);
      terms.add(v.isConstant() ? v.constant().toString()
          : "x" + j + (m == null || m.signum() == 0 ? "" : " (false bits " + m.toString(16) + ")"));
    }
    return new FpSumFamily("sum " + String.join(" + ", terms) + " in " + f, n, f.p(), f.q(),
        falseBits.toArray(BigInteger[]::new));
  }

  /** The variable operands without repeats, in order: {@link OpFamily}'s ports. */
  private static List<ProgramValue> distinctVariables(ProgramOp op) {
    List<ProgramValue> out = new ArrayList<>();
    for (ProgramValue v : op.operands()) {
      if (!v.isConstant() && out.stream().noneMatch(u -> u.op() == v.op())) {
        out.add(v);
      }
    }
    return out;
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
