package ssmlab.circuit.uniform;

import java.util.ArrayList;
import java.util.List;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPAlgebra;
import ssmlab.fp.FpAlgebra;

/**
 * An {@link FpAlgebra} that builds nothing and evaluates nothing: each call that makes gates in
 * {@code WireAlgebra} appends one {@link ProgramOp}. Calls that make none there make none here:
 * a conversion into the same format, and the products {@code FoldedProduct} folds (all factors
 * constant, a zero constant, one variable times the constant 1).
 */
final class ProgramRecorder implements FpAlgebra<ProgramValue> {
  private final List<ProgramOp> ops = new ArrayList<>();

  List<ProgramOp> ops() {
    return List.copyOf(ops);
  }

  private ProgramValue add(OpKind kind, FloatFormat format, List<ProgramValue> operands,
      List<FloatP> keys, List<FloatP> values) {
    ops.add(new ProgramOp(ops.size(), kind, List.copyOf(operands), format, keys, values));
    return new ProgramValue(ops.size() - 1, format, null);
  }

  private ProgramValue add(OpKind kind, FloatFormat format, ProgramValue... operands) {
    return add(kind, format, List.of(operands), List.of(), List.of());
  }

  @Override
  public FloatFormat format(ProgramValue x) {
    return x.format();
  }

  @Override
  public ProgramValue constant(FloatP c) {
    return ProgramValue.of(c);
  }

  @Override
  public ProgramValue convert(ProgramValue x, FloatFormat to) {
    return x.format().equals(to) ? x : add(OpKind.CONVERT, to, x);
  }

  @Override
  public ProgramValue sum(List<ProgramValue> xs) {
    return add(OpKind.SUM, xs.getFirst().format(), xs, List.of(), List.of());
  }

  @Override
  public ProgramValue product(List<ProgramValue> xs) {
    List<ProgramValue> variable = new ArrayList<>();
    List<FloatP> constants = new ArrayList<>();
    for (ProgramValue x : xs) {
      if (x.isConstant()) {
        constants.add(x.constant());
      } else {
        variable.add(x);
      }
    }
    FloatFormat f = xs.getFirst().format();
    boolean zero = constants.stream().anyMatch(FloatP::isZero);
    if (variable.isEmpty() || zero) {
      return ProgramValue.of(zero ? f.zero() : FloatPAlgebra.INSTANCE.product(constants));
    }
    boolean unit = FoldedConstant.of(constants).unit();
    if (variable.size() == 1 && unit) {
      return variable.getFirst();
    }
    OpKind kind = variable.size() >= 3 ? OpKind.ITERATED_PRODUCT
        : unit ? OpKind.PRODUCT2 : OpKind.PRODUCT_BY_CONSTANT;
    return add(kind, f, xs, List.of(), List.of());
  }

  @Override
  public ProgramValue floor(ProgramValue x) {
    return add(OpKind.FLOOR, x.format(), x);
  }

  @Override
  public ProgramValue negate(ProgramValue x) {
    return add(OpKind.NEGATE, x.format(), x);
  }

  @Override
  public ProgramValue lessThanSelect(ProgramValue x, ProgramValue y, ProgramValue a,
      ProgramValue b) {
    return add(OpKind.LESS_THAN_SELECT, a.format(), x, y, a, b);
  }

  @Override
  public ProgramValue lookup(ProgramValue x, List<FloatP> keys, List<FloatP> values) {
    return add(OpKind.LOOKUP, values.getFirst().format(), List.of(x), keys, values);
  }

  @Override
  public ProgramValue exponent(ProgramValue x, FloatFormat to) {
    return add(OpKind.EXPONENT, to, x);
  }

  @Override
  public ProgramValue mantissa(ProgramValue x) {
    return add(OpKind.MANTISSA, x.format(), x);
  }

  @Override
  public ProgramValue scale(ProgramValue x, ProgramValue k, FloatFormat to) {
    return add(OpKind.SCALE, to, x, k);
  }
}
