package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * fp-mul: round_p(x · y) of two floats with p-bit significands and q-bit exponents, gate for gate
 * as {@code FpOps.multiply} builds it in a verbatim builder (ports x, y of p + q + 2 bits each:
 * |m| LSB first, the exponent in q + 1 bits two's complement, the sign; output z the same).
 *
 * <p>Address = ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b ({@link Parts}, a 4-bit part,
 * j = 0). The parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, x (operand 0), y (operand 1), bit a of the bus;
 *   <li>|m_x|·|m_y|: the partial products (section 2) and {@code sumColumns}, 2p bits (int-mul's
 *       stages);
 *   <li>e_x + e_y: an adder over q + 2 bits of the sign-extended exponents;
 *   <li>the sign x_s ⊕ y_s: 0 ¬y_s, 1 x_s ∧ ¬y_s, 2 ¬x_s, 3 ¬x_s ∧ y_s, 4 their OR;
 *   <li>4–9: the rounding of (−1)^sign · N · 2^E, N the product, E the exponent sum
 *       ({@link RoundingPart}).
 * </ol>
 *
 * <p>Every field and index is O(log p + log q)-bit arithmetic; nothing is precomputed beyond the
 * stage objects' sizes.
 */
final class FpMulFamily extends RoundedFamily {
  private static final int LEAF = 0;
  private static final int MUL = 1;
  private static final int EXP = 2;
  private static final int SIGN = 3;
  private static final int ROUND = 4;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final int p;
  private final int q;
  private final Parts parts;
  private final LeafStage leaves;
  private final ProductPart mul;
  private final AdderStage exp;
  private final RoundingPart round;

  FpMulFamily(String describe, int p, int q) {
    super(describe, PARTS);
    this.p = p;
    this.q = q;
    int bus = p + q + 2;
    long l = Stage.bitLength(p);
    long cols = 2L * p + 3 * l + 8;
    long need = Math.max(RoundingPart.fieldNeed(p, q, 2 * p, q + 2), bus + 2L);
    this.parts = new Parts(Layout.forMax(Math.max(cols, need),
        Math.max(Math.max(cols, 4 * l * l), Math.max(need, 16))), 1, 4);
    Layout base = parts.base();
    this.leaves = new LeafStage(base, 2, bus, false);
    this.mul = new ProductPart(parts, MUL, p, i -> input(i, 0), p, i -> input(i, 1));
    this.exp = new AdderStage(parts.layout(EXP, 0), new Pairs(q + 2,
        i -> input(p + Math.min(i, q), 0), i -> input(p + Math.min(i, q), 1)));
    this.round = new RoundingPart(parts, ROUND, p, q, 2 * p, mul::bit, q + 2,
        i -> exp.sumBit((int) i), at(SIGN, 4));
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  private long sign(long operand) {
    return input(p + q + 1, operand);
  }

  private long at(int part, int sec) {
    return parts.at(part, 0, sec, 0, 0);
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (round.owns(part)) {
      return round.gate(address, part, j, sec, a, b);
    }
    requireNoIndex(part, j);
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case MUL -> mul.gate(address, sec, a, b);
      case EXP -> parts.adderGate(exp, part, 0, address);
      default -> {
        if (sec > 4 || a != 0 || b != 0) {
          throw new IllegalArgumentException("sign sections 0..4 (a = b = 0), not " + sec
              + ", " + a + ", " + b);
        }
        yield new XorPart(parts, SIGN, 1, i -> sign(0), sign(1)).gate(address, sec, 0, 0);
      }
    };
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (round.owns(part)) {
      return round.inputIndex(gate, part, g, h);
    }
    return switch (part) {
      case MUL -> mul.inputIndex(gate, parts.section(g), g, h);
      case EXP -> parts.inputIndex(null, exp, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + mul.gateCount() + exp.gateCount() + 5 + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    mul.forEach(sink);
    exp.forEach(sink);
    for (int s = 0; s < 5; s++) {
      sink.accept(at(SIGN, s));
    }
    round.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> mul.sample(rnd);
      case 2 -> rnd.nextBoolean() ? exp.sample(rnd) : at(SIGN, rnd.nextInt(5));
      default -> round.sample(rnd);
    };
  }
}
