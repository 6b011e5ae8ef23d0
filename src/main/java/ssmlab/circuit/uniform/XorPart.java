package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * x_i ⊕ y for every bit of a bus x and one wire y (a conditional complement), as
 * {@code CircuitBuilder.xor} writes it, in one part: per bit i (field a) section 0 ¬y, 1 x_i ∧ ¬y,
 * 2 ¬x_i, 3 ¬x_i ∧ y, 4 the OR (bit i of the result).
 */
final class XorPart {
  private final Parts parts;
  private final int part;
  private final int count;
  private final LongUnaryOperator x;
  private final long y;

  XorPart(Parts parts, int part, int count, LongUnaryOperator x, long y) {
    this.parts = parts;
    this.part = part;
    this.count = count;
    this.x = x;
    this.y = y;
  }

  private long at(int sec, long i) {
    return parts.at(part, 0, sec, i, 0);
  }

  /** Bit i of x ⊕ y. */
  long out(long i) {
    return at(4, i);
  }

  Gate gate(long address, int sec, long a, long b) {
    OpPart.require(sec <= 4 && a < count && b == 0,
        "xor sections 0..4, a = bit < " + count + ", b = 0");
    return switch (sec) {
      case 0 -> Gate.of(address, NOT, y);
      case 1 -> Gate.of(address, AND, x.applyAsLong(a), at(0, a));
      case 2 -> Gate.of(address, NOT, x.applyAsLong(a));
      case 3 -> Gate.of(address, AND, at(2, a), y);
      default -> Gate.of(address, OR, at(1, a), at(3, a));
    };
  }

  void forEach(LongConsumer sink) {
    for (long i = 0; i < count; i++) {
      for (int sec = 0; sec <= 4; sec++) {
        sink.accept(at(sec, i));
      }
    }
  }

  long gateCount() {
    return 5L * count;
  }

  long sample(SplittableRandom rnd) {
    return at(rnd.nextInt(5), rnd.nextInt(count));
  }
}
