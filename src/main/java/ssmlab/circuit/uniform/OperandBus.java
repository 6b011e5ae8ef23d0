package ssmlab.circuit.uniform;

import java.util.function.LongUnaryOperator;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;

/**
 * One float operand of an operation's part as the addresses of its wires, laid out as
 * {@code FpWires.bits()}: |m| (p), e (q + 1, two's complement), the sign. The wires are leaves of
 * the part: input bits, constants, or (in a composed family) an earlier operation's outputs.
 *
 * @param format the operand's format
 * @param bit bus bit i → its address
 * @param index an address → the first bus bit i with that address, −1 when none has it
 */
record OperandBus(FloatFormat format, LongUnaryOperator bit, LongUnaryOperator index) {

  int width() {
    return FpWires.width(format);
  }

  long m(long i) {
    return bit.applyAsLong(i);
  }

  /** Bit i of e, sign-extended above q ({@code Signed.extend}). */
  long e(long i) {
    return bit.applyAsLong(format.p() + Math.min(i, format.q()));
  }

  long sign() {
    return bit.applyAsLong(format.p() + format.q() + 1L);
  }

  /** m_{p−1}, 1 exactly when the float is not zero. */
  long nonZero() {
    return m(format.p() - 1L);
  }

  /** The first bus bit with address h, −1 when none. */
  long indexOf(long h) {
    return index.applyAsLong(h);
  }
}
