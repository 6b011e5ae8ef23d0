package ssmlab.circuit.uniform;

import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * A value of a {@link FunctionProgram}: the circuit's input (op −1), a constant (fixed at build
 * time, no gates), or the result of operation {@code op}.
 *
 * @param op the index of the operation that computes it; −1 for the input and for constants
 * @param format its float format
 * @param constant its value when it is a constant, else null
 */
record ProgramValue(int op, FloatFormat format, FloatP constant) {
  static ProgramValue input(FloatFormat f) {
    return new ProgramValue(-1, f, null);
  }

  static ProgramValue of(FloatP c) {
    return new ProgramValue(-1, c.format(), c);
  }

  boolean isConstant() {
    return constant != null;
  }
}
