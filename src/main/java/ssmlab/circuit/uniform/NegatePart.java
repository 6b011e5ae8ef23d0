package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * negate ({@code FpOps.negate}): the sign ¬s ∧ nonZero (zero stays +0), |m| and e passed
 * through. One part: section 0 ¬s, section 1 the AND (a = b = 0).
 */
final class NegatePart implements OpPart {
  private final Parts parts;
  private final int part;
  private final OperandBus x;

  NegatePart(Parts parts, int part, OperandBus x) {
    this.parts = parts;
    this.part = part;
    this.x = x;
  }

  private long at(int sec) {
    return parts.at(part, 0, sec, 0, 0);
  }

  @Override
  public int partCount() {
    return 1;
  }

  @Override
  public Gate gate(long address, int part, long j, int sec, long a, long b) {
    OpPart.require(j == 0 && sec <= 1 && a == 0 && b == 0,
        "negate has sections 0 (¬sign) and 1 (the sign), a = b = j = 0");
    return sec == 0 ? Gate.of(address, NOT, x.sign()) : Gate.of(address, AND, at(0), x.nonZero());
  }

  @Override
  public int inputIndex(Gate gate, int part, long g, long h) {
    return Stage.scan(gate, h);
  }

  @Override
  public void forEach(LongConsumer sink) {
    sink.accept(at(0));
    sink.accept(at(1));
  }

  @Override
  public long gateCount() {
    return 2;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return at(rnd.nextInt(2));
  }

  @Override
  public int outputBits() {
    return x.width();
  }

  @Override
  public long output(int i) {
    return i == x.width() - 1 ? at(1) : x.bit().applyAsLong(i);
  }
}
