package ssmlab.circuit.uniform;

/**
 * The kinds of operation in a {@link FunctionProgram}, each the circuit {@code WireAlgebra}
 * builds for one {@code FpAlgebra} call, and whether this package addresses the pieces of that
 * builder code already (not yet composed into a function family). The parts of negate,
 * lessThanSelect, lookup, exponent, mantissa and scale are {@link OpPart}s, each checked alone
 * against its call ({@link OpFamily}).
 */
enum OpKind {
  /** {@code Rounding.round} into another format: {@link RoundingPart}. */
  CONVERT("convert", "convert", true),
  /** {@code FpOps.sum}, windowed for q ≥ 5: {@link FpSumFamily}. */
  SUM("sum", "sum", true),
  /**
   * {@code FoldedProduct} of two variable factors, no constant: schoolbook int-mul stages
   * ({@link ProductPart}), an exponent adder, {@link RoundingPart}.
   */
  PRODUCT2("product of 2 variables", "product", true),
  /**
   * {@code FoldedProduct} of one or two variable factors times a folded constant C ≠ 1: a second
   * schoolbook product by C's bits; the int-mul stages take constant operands.
   */
  PRODUCT_BY_CONSTANT("product by a constant", "product", true),
  /**
   * {@code FoldedProduct} of k ≥ 3 variable factors (a Taylor term u^i·c_i): Chinese
   * remaindering over k factors of one width and the constant C of another, and the exponents
   * by {@code IteratedAddition.sumUniform}: {@link FpProdFamily#folded}.
   */
  ITERATED_PRODUCT("iterated product (k >= 3 variables)", "product", true),
  /** {@code FpOps.negate}: one AND of a NOT ({@link NegatePart}). */
  NEGATE("negate", "negate", true),
  /** {@code FpOps.floor}, windowed (W's q ≥ 5): {@link FpFloorFamily}. */
  FLOOR("floor", "floor", true),
  /**
   * {@code FpOps.lessThan} ({@link LessThanPart}, shared with {@link FpCmpFamily}) and one
   * {@code mux} per bit: {@link SelectPart}.
   */
  LESS_THAN_SELECT("lessThanSelect", "lessThanSelect", true),
  /**
   * One AND of key literals per table entry, then {@code Encoder.lookup}: {@link LookupPart}, the
   * table as advice.
   */
  LOOKUP("lookup", "lookup", true),
  /**
   * {@code Signed.add} of e and p − 1, masking, conditional negation, rounding:
   * {@link ExponentPart}.
   */
  EXPONENT("exponent", "exponent", true),
  /** The exponent bus masked by nonZero: {@link MantissaPart}. */
  MANTISSA("mantissa", "mantissa", true),
  /**
   * {@code Shifter.shiftLeft} of k's significand ({@link ShiftPart}), {@code Signed.add},
   * rounding: {@link ScalePart}.
   */
  SCALE("scale", "scale", true);

  private final String label;
  private final String call;
  private final boolean addressed;

  OpKind(String label, String call, boolean addressed) {
    this.label = label;
    this.call = call;
    this.addressed = addressed;
  }

  /** The {@code FpAlgebra} method that makes it. */
  String call() {
    return call;
  }

  String label() {
    return label;
  }

  /** Whether addressed parts replay the pieces of this builder code. */
  boolean addressed() {
    return addressed;
  }
}
