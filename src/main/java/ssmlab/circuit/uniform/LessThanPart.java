package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * [x &lt; y] as {@code FpOps.lessThan} builds it, in five parts from {@code first}: the keys of
 * x and y ({@link KeyPart}); then (first + 2) 0 ¬x_s, 1 ¬y_s, 2 bothPositive, 3 bothNegative =
 * x_s ∧ y_s, 4 ¬y_s, 5 x_s ∧ ¬y_s, (first + 3), 6 bothPositive ∧ [key y &gt; key x], (first + 4),
 * 7 bothNegative ∧ [key x &gt; key y], 8 the result, the OR of 5, 6, 7; (first + 3, first + 4) the
 * two {@code Comparison.greaterThan}s ({@link ComparePart}). x and y have one format.
 */
final class LessThanPart implements OpPart {
  static final int PARTS = 5;

  private final Parts parts;
  private final int first;
  private final OperandBus x;
  private final OperandBus y;
  private final KeyPart keyX;
  private final KeyPart keyY;
  private final ComparePart less;
  private final ComparePart greater;

  LessThanPart(Parts parts, int first, OperandBus x, OperandBus y) {
    if (!x.format().equals(y.format())) {
      throw new IllegalArgumentException("lessThan compares floats of one format, not "
          + x.format() + " and " + y.format());
    }
    this.parts = parts;
    this.first = first;
    this.x = x;
    this.y = y;
    int n = x.format().p() + x.format().q() + 1;
    this.keyX = new KeyPart(parts, first, x);
    this.keyY = new KeyPart(parts, first + 1, y);
    this.less = new ComparePart(parts, first + 3, n, keyY::bit, keyX::bit, false);
    this.greater = new ComparePart(parts, first + 4, n, keyX::bit, keyY::bit, false);
  }

  /** The largest field value: key bits and the comparisons' bits. */
  static long need(int p, int q) {
    return p + q + 4L;
  }

  private long at(int sec) {
    return parts.at(first + 2, 0, sec, 0, 0);
  }

  /** [x &lt; y]. */
  long result() {
    return at(8);
  }

  @Override
  public int partCount() {
    return PARTS;
  }

  @Override
  public Gate gate(long address, int part, long j, int sec, long a, long b) {
    OpPart.require(j == 0, "lessThan has index j = 0 only");
    return switch (part - first) {
      case 0 -> keyX.gate(address, sec, a, b);
      case 1 -> keyY.gate(address, sec, a, b);
      case 3 -> less.gate(address, sec, a, b);
      case 4 -> greater.gate(address, sec, a, b);
      default -> {
        OpPart.require(sec <= 8 && a == 0 && b == 0,
            "sections 0..8 (a = b = 0) in part " + part + ", not " + sec + ", " + a + ", " + b);
        yield decide(address, sec);
      }
    };
  }

  private Gate decide(long address, int sec) {
    long xs = x.sign();
    long ys = y.sign();
    return switch (sec) {
      case 0 -> Gate.of(address, NOT, xs);
      case 1, 4 -> Gate.of(address, NOT, ys);
      case 2 -> Gate.of(address, AND, at(0), at(1));
      case 3 -> Gate.of(address, AND, xs, ys);
      case 5 -> Gate.of(address, AND, xs, at(4));
      case 6 -> Gate.of(address, AND, at(2), less.result());
      case 7 -> Gate.of(address, AND, at(3), greater.result());
      default -> Gate.of(address, OR, at(5), at(6), at(7));
    };
  }

  @Override
  public int inputIndex(Gate gate, int part, long g, long h) {
    return part == first + 3 ? less.inputIndex(gate, h)
        : part == first + 4 ? greater.inputIndex(gate, h) : Stage.scan(gate, h);
  }

  @Override
  public void forEach(LongConsumer sink) {
    keyX.forEach(sink);
    keyY.forEach(sink);
    for (int s = 0; s <= 5; s++) {
      sink.accept(at(s));
    }
    less.forEach(sink);
    sink.accept(at(6));
    greater.forEach(sink);
    sink.accept(at(7));
    sink.accept(at(8));
  }

  @Override
  public long gateCount() {
    return keyX.gateCount() + keyY.gateCount() + 9 + less.gateCount() + greater.gateCount();
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> (rnd.nextBoolean() ? keyX : keyY).sample(rnd);
      case 1 -> at(rnd.nextInt(9));
      case 2 -> less.sample(rnd);
      default -> greater.sample(rnd);
    };
  }

  @Override
  public int outputBits() {
    return 1;
  }

  @Override
  public long output(int i) {
    OpPart.require(i == 0, "lessThan has one output bit, not " + i);
    return result();
  }
}
