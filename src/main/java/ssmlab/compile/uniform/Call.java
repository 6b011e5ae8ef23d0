package ssmlab.compile.uniform;

/** The {@code Arithmetic} calls a reference forward makes: one F_p block each in a circuit. */
public enum Call {
  ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE, SUM, PRODUCT, EXP, LOG, SQRT, SIGMOID, SOFTPLUS, SILU
}
