package ssmlab.circuit.fp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import ssmlab.arith.Arithmetic;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;
import ssmlab.fp.PaperFunctions;

/**
 * {@link Arithmetic} over circuit wires: every operation emits the gates of its F_p circuit into
 * one {@link CircuitBuilder}, so running a model written against {@code Arithmetic} builds the
 * threshold circuit that computes it, bit for bit as {@code FloatPArithmetic} of the same format
 * would. The functions are table circuits or the paper's constructions ({@link Functions}). A
 * circuit has no value until it is evaluated, so {@link #toDouble} is not supported.
 */
public final class WireArithmetic implements Arithmetic<FpWires> {
  private final CircuitBuilder builder;
  private final FloatFormat format;
  private final Functions functions;
  private final Map<String, UnaryTable> tables = new HashMap<>();

  /** Table circuits for the functions. */
  public WireArithmetic(CircuitBuilder builder, FloatFormat format) {
    this(builder, format, Functions.TABLE);
  }

  public WireArithmetic(CircuitBuilder builder, FloatFormat format, Functions functions) {
    this.builder = builder;
    this.format = format;
    this.functions = functions;
  }

  public CircuitBuilder builder() {
    return builder;
  }

  public FloatFormat format() {
    return format;
  }

  @Override
  public String name() {
    return "circuit(p=" + format.p() + ",q=" + format.q()
        + (functions == Functions.PAPER ? ",paper" : "") + ")";
  }

  @Override
  public FpWires constant(double x) {
    return FpWires.constant(format.fromDouble(x));
  }

  @Override
  public FpWires positive(double x) {
    FloatP r = format.fromDouble(x);
    return FpWires.constant(r.isZero() && x > 0 ? format.minPositive() : r);
  }

  @Override
  public FpWires add(FpWires a, FpWires b) {
    return FpOps.add(builder, a, b);
  }

  @Override
  public FpWires subtract(FpWires a, FpWires b) {
    return FpOps.subtract(builder, a, b);
  }

  @Override
  public FpWires multiply(FpWires a, FpWires b) {
    return FpOps.multiply(builder, a, b);
  }

  @Override
  public FpWires divide(FpWires a, FpWires b) {
    return FpOps.divide(builder, a, b);
  }

  @Override
  public FpWires negate(FpWires a) {
    return FpOps.negate(builder, a);
  }

  @Override
  public FpWires sum(List<FpWires> xs) {
    return xs.isEmpty() ? zero() : FpOps.sum(builder, xs);
  }

  @Override
  public FpWires product(List<FpWires> xs) {
    return xs.isEmpty() ? one() : FpOps.product(builder, xs);
  }

  @Override
  public FpWires exp(FpWires x) {
    return paper() ? paperFunctions().exp(new WireAlgebra(builder), x)
        : unary("exp", format::exp, x);
  }

  @Override
  public FpWires log(FpWires x) {
    return paper() ? paperFunctions().log(new WireAlgebra(builder), x)
        : unary("log", format::log, x);
  }

  @Override
  public FpWires sqrt(FpWires x) {
    return paper() ? paperFunctions().sqrt(new WireAlgebra(builder), x)
        : unary("sqrt", format::sqrt, x);
  }

  @Override
  public FpWires sigmoid(FpWires x) {
    return paper() ? paperFunctions().sigmoid(new WireAlgebra(builder), x)
        : unary("sigmoid", format::sigmoid, x);
  }

  @Override
  public FpWires softplus(FpWires x) {
    return paper() ? paperFunctions().softplus(new WireAlgebra(builder), x)
        : unary("softplus", format::softplus, x);
  }

  @Override
  public FpWires silu(FpWires x) {
    return paper() ? paperFunctions().silu(new WireAlgebra(builder), x)
        : unary("silu", format::silu, x);
  }

  /** Not supported: a circuit's wires have values only once it is evaluated. */
  @Override
  public double toDouble(FpWires x) {
    throw new UnsupportedOperationException("circuit wires have no value until evaluated");
  }

  private boolean paper() {
    return functions == Functions.PAPER;
  }

  private PaperFunctions paperFunctions() {
    return PaperFunctions.of(format);
  }

  private FpWires unary(String name, UnaryOperator<FloatP> fn, FpWires x) {
    return tables.computeIfAbsent(name, n -> UnaryTable.of(format, fn)).apply(builder, x);
  }
}
