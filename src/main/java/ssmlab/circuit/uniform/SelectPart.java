package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * lessThanSelect ({@code WireAlgebra.lessThanSelect}): [x &lt; y] ? a : b, bit for bit. Parts
 * first..first + 4: c = [x &lt; y] ({@link LessThanPart}); first + 5: per bus bit i of a and b
 * (field a = i) the {@code CircuitBuilder.mux} c ? a_i : b_i, section 0 c ∧ a_i, 1 ¬c, 2 ¬c ∧ b_i,
 * 3 their OR (output bit i).
 */
final class SelectPart implements OpPart {
  private final Parts parts;
  private final int mux;
  private final LessThanPart less;
  private final OperandBus ifLess;
  private final OperandBus otherwise;
  private final int width;

  SelectPart(Parts parts, int first, OperandBus x, OperandBus y, OperandBus ifLess,
      OperandBus otherwise) {
    this.parts = parts;
    this.mux = first + LessThanPart.PARTS;
    this.less = new LessThanPart(parts, first, x, y);
    this.ifLess = ifLess;
    this.otherwise = otherwise;
    this.width = ifLess.width();
  }

  /** The largest field value. */
  static long need(OperandBus x, OperandBus ifLess) {
    return Math.max(LessThanPart.need(x.format().p(), x.format().q()), ifLess.width() + 1L);
  }

  private long at(int sec, long i) {
    return parts.at(mux, 0, sec, i, 0);
  }

  @Override
  public int partCount() {
    return LessThanPart.PARTS + 1;
  }

  @Override
  public Gate gate(long address, int part, long j, int sec, long a, long b) {
    if (part != mux) {
      return less.gate(address, part, j, sec, a, b);
    }
    OpPart.require(j == 0 && b == 0 && sec <= 3 && a < width,
        "mux sections 0..3, a = bit < " + width + ", b = j = 0");
    long c = less.result();
    return switch (sec) {
      case 0 -> Gate.of(address, AND, c, ifLess.bit().applyAsLong(a));
      case 1 -> Gate.of(address, NOT, c);
      case 2 -> Gate.of(address, AND, at(1, a), otherwise.bit().applyAsLong(a));
      default -> Gate.of(address, OR, at(0, a), at(2, a));
    };
  }

  @Override
  public int inputIndex(Gate gate, int part, long g, long h) {
    return part == mux ? Stage.scan(gate, h) : less.inputIndex(gate, part, g, h);
  }

  @Override
  public void forEach(LongConsumer sink) {
    less.forEach(sink);
    for (long i = 0; i < width; i++) {
      for (int sec = 0; sec <= 3; sec++) {
        sink.accept(at(sec, i));
      }
    }
  }

  @Override
  public long gateCount() {
    return less.gateCount() + 4L * width;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return rnd.nextBoolean() ? less.sample(rnd) : at(rnd.nextInt(4), rnd.nextInt(width));
  }

  @Override
  public int outputBits() {
    return width;
  }

  @Override
  public long output(int i) {
    return at(3, i);
  }
}
