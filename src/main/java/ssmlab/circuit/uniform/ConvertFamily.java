package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.fp.FloatFormat;

/**
 * A conversion into another format, round_to(x), gate for gate as {@code WireAlgebra.convert}
 * builds it: {@code Rounding.round} of x's sign, significand (w = x's p bits) and exponent
 * (x's q + 1 bits), the program kind {@link OpKind#CONVERT}. Port x0 has x's p + q + 2 bits.
 *
 * <p>Address as {@link FpMulFamily}'s (a 4-bit part, j = 0): part 0 the leaves, 1–6 the rounding
 * ({@link RoundingPart}). No advice; O(log p + log q)-bit arithmetic.
 */
final class ConvertFamily extends RoundedFamily {
  private static final int ROUND = 1;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final Parts parts;
  private final LeafStage leaves;
  private final RoundingPart round;

  ConvertFamily(String describe, FloatFormat from, FloatFormat to) {
    super(describe, PARTS);
    int bus = from.p() + from.q() + 2;
    long need = Math.max(RoundingPart.fieldNeed(to.p(), to.q(), from.p(), from.q() + 1),
        bus + 2L);
    this.parts = new Parts(Layout.forMax(need, Math.max(need, 16)), 1, 4);
    this.leaves = new LeafStage(parts.base(), 1, bus, false);
    this.round = new RoundingPart(parts, ROUND, to.p(), to.q(), from.p(), this::input,
        from.q() + 1, i -> input(from.p() + i), input(bus - 1));
  }

  /** The family of a program's conversion. */
  static ConvertFamily of(ProgramOp op) {
    FloatFormat from = op.operands().getFirst().format();
    return new ConvertFamily("convert " + from + " into " + op.format(), from, op.format());
  }

  private long input(long bit) {
    return parts.base().address(Section.INPUT, bit, 0);
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (part == 0) {
      requireNoIndex(part, j);
      return leaf(leaves, address);
    }
    return round.gate(address, part, j, sec, a, b);
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    return part == 0 ? -1 : round.inputIndex(gate, part, g, h);
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    round.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return rnd.nextInt(4) == 0 ? leaves.sample(rnd) : round.sample(rnd);
  }
}
