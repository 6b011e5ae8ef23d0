package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The comparison key of a float ({@code FpOps.key}): (e + 2^q, |m|) as one bus of p + q + 1 bits,
 * |m| below, the biased exponent above masked by nonZero, 0 for zero. One part: section 0 ¬e_q
 * (the biased top bit, a = 0), section 1 eb_i ∧ nonZero (a = i ≤ q).
 */
final class KeyPart {
  private final Parts parts;
  private final int part;
  private final OperandBus x;
  private final int p;
  private final int q;

  KeyPart(Parts parts, int part, OperandBus x) {
    this.parts = parts;
    this.part = part;
    this.x = x;
    this.p = x.format().p();
    this.q = x.format().q();
  }

  private long at(int sec, long a) {
    return parts.at(part, 0, sec, a, 0);
  }

  /** Bit i of the key (i &lt; p + q + 1). */
  long bit(long i) {
    return i < p ? x.m(i) : at(1, i - p);
  }

  Gate gate(long address, int sec, long a, long b) {
    OpPart.require(b == 0 && sec <= 1 && (sec == 0 ? a == 0 : a <= q),
        "key sections 0 (a = 0) and 1 (a = i ≤ " + q + "), b = 0");
    if (sec == 0) {
      return Gate.of(address, NOT, x.e(q));
    }
    return Gate.of(address, AND, a < q ? x.e(a) : at(0, 0), x.nonZero());
  }

  void forEach(LongConsumer sink) {
    sink.accept(at(0, 0));
    for (long i = 0; i <= q; i++) {
      sink.accept(at(1, i));
    }
  }

  long gateCount() {
    return q + 2L;
  }

  long sample(SplittableRandom rnd) {
    return at(1, rnd.nextLong(q + 1L));
  }
}
