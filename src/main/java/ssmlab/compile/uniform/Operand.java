package ssmlab.compile.uniform;

/**
 * An operand of a program step: the result of an earlier step, component {@code component} of
 * the model's input at a position (its embedded token), or a constant (a weight).
 */
public sealed interface Operand {
  /** The result of step {@code index}. */
  record Step(long index) implements Operand {}

  /** Component {@code component} of the embedded token at {@code position}. */
  record Input(long position, int component) implements Operand {}

  /** A constant; records compare doubles by their bits, as the program must. */
  record Constant(double value) implements Operand {}
}
