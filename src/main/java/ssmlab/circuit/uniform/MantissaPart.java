package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * mantissa ({@code WireAlgebra.mantissa}): |x| · 2^(−(p−1)) read as |m| with the exponent
 * −(p − 1) masked by nonZero, sign +. One part: section 0, a = i ≤ q: (bit i of −(p − 1) in
 * q + 1 bits, a constant) ∧ nonZero; |m| passes through, the sign is false.
 */
final class MantissaPart implements OpPart {
  private final Parts parts;
  private final int part;
  private final OperandBus x;
  private final int p;
  private final int q;

  MantissaPart(Parts parts, int part, OperandBus x) {
    this.parts = parts;
    this.part = part;
    this.x = x;
    this.p = x.format().p();
    this.q = x.format().q();
  }

  private long at(long i) {
    return parts.at(part, 0, 0, i, 0);
  }

  @Override
  public int partCount() {
    return 1;
  }

  @Override
  public Gate gate(long address, int part, long j, int sec, long a, long b) {
    OpPart.require(j == 0 && sec == 0 && a <= q && b == 0,
        "mantissa has section 0 only, a = exponent bit 0.." + q + ", b = j = 0");
    return Gate.of(address, AND, OpPart.constBit(parts, -(p - 1L), a), x.nonZero());
  }

  @Override
  public int inputIndex(Gate gate, int part, long g, long h) {
    return Stage.scan(gate, h);
  }

  @Override
  public void forEach(LongConsumer sink) {
    for (long i = 0; i <= q; i++) {
      sink.accept(at(i));
    }
  }

  @Override
  public long gateCount() {
    return q + 1L;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return at(rnd.nextInt(q + 1));
  }

  @Override
  public int outputBits() {
    return x.width();
  }

  @Override
  public long output(int i) {
    return i < p ? x.m(i) : i <= p + q ? at(i - p) : parts.const0();
  }
}
