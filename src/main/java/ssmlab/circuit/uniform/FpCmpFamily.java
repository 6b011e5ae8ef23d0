package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.fp.FloatFormat;

/**
 * fp-cmp: lt = [x &lt; y] ({@code FpOps.lessThan}) and eq = [x = y] ({@code FpOps.equal}), gate
 * for gate as {@code circuit op --op fp-cmp} builds them in a verbatim builder (ports x, y of
 * p + q + 2 bits; outputs lt, eq). The key of a float is (e + 2^q, |m|) as one bus of n = p + q + 1
 * bits, bits p.. masked by nonZero = m_{p−1}. The parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, x (operand 0), y (operand 1);
 *   <li>1–5: lt ({@link LessThanPart}): the keys of x and y ({@link KeyPart}: 0 ¬e_q, the biased
 *       top bit, 1 eb_i ∧ nonZero, a = i ≤ q), the sign logic (part 3, lt = section 8) and the
 *       two {@code Comparison.greaterThan}s ({@link ComparePart}, parts 4 and 5);
 *   <li>6: 0 x_s ∧ y_s, 1 ¬x_s, 2 ¬y_s, 3 their AND, 4 x_s ⊙ y_s, (parts 7–9), 5 eq;
 *   <li>7, 8: the keys again (equal builds its own); 9: {@code Comparison.equal} of them.
 * </ol>
 */
final class FpCmpFamily extends PartedFamily {
  private static final int LEAF = 0;
  private static final int LT = 1;
  private static final int EQ = 6;
  private static final int PARTS = 10;

  private final Parts parts;
  private final LeafStage leaves;
  private final OperandBus x;
  private final OperandBus y;
  private final LessThanPart lt;
  private final KeyPart eqKeyX;
  private final KeyPart eqKeyY;
  private final ComparePart equal;

  FpCmpFamily(String describe, int p, int q) {
    super(describe, PARTS);
    int n = p + q + 1;
    FloatFormat f = FloatFormat.of(p, q);
    this.parts = new Parts(Layout.forMax(LessThanPart.need(p, q), 8), 0, 4);
    this.leaves = new LeafStage(parts.base(), 2, p + q + 2, false);
    this.x = operand(f, 0);
    this.y = operand(f, 1);
    this.lt = new LessThanPart(parts, LT, x, y);
    this.eqKeyX = new KeyPart(parts, 7, x);
    this.eqKeyY = new KeyPart(parts, 8, y);
    this.equal = new ComparePart(parts, 9, n, eqKeyX::bit, eqKeyY::bit, true);
  }

  /** Operand {@code operand}'s input bits: field a = the bus bit, b = the operand. */
  private OperandBus operand(FloatFormat f, long operand) {
    Layout l = parts.base();
    return new OperandBus(f, i -> l.address(Section.INPUT, i, operand),
        h -> l.section(h) == Section.INPUT && l.b(h) == operand ? l.a(h) : -1);
  }

  private long at(int part, int sec, long a) {
    return parts.at(part, 0, sec, a, 0);
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  public int outputBits() {
    return 2;
  }

  @Override
  public long output(int i) {
    if (i < 0 || i > 1) {
      throw new IndexOutOfBoundsException("output bit " + i + " of 2");
    }
    return i == 0 ? lt.result() : at(EQ, 5, 0);
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case 1, 2, 3, 4, 5 -> lt.gate(address, part, j, sec, a, b);
      case 7 -> eqKeyX.gate(address, sec, a, b);
      case 8 -> eqKeyY.gate(address, sec, a, b);
      case 9 -> equal.gate(address, sec, a, b);
      default -> {
        OpPart.require(sec <= 5 && a == 0 && b == 0, "sections 0..5 (a = b = 0) in part "
            + part + ", not " + sec + ", " + a + ", " + b);
        yield eq(address, sec);
      }
    };
  }

  private Gate eq(long address, int sec) {
    long xs = x.sign();
    long ys = y.sign();
    return switch (sec) {
      case 0 -> Gate.of(address, AND, xs, ys);
      case 1 -> Gate.of(address, NOT, xs);
      case 2 -> Gate.of(address, NOT, ys);
      case 3 -> Gate.of(address, AND, at(EQ, 1, 0), at(EQ, 2, 0));
      case 4 -> Gate.of(address, OR, at(EQ, 0, 0), at(EQ, 3, 0));
      default -> Gate.of(address, AND, at(EQ, 4, 0), equal.result());
    };
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    return part >= LT && part < LT + LessThanPart.PARTS ? lt.inputIndex(gate, part, g, h)
        : part == 9 ? equal.inputIndex(gate, h) : Stage.scan(gate, h);
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + lt.gateCount() + 6 + eqKeyX.gateCount() + eqKeyY.gateCount()
        + equal.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    lt.forEach(sink);
    for (int s = 0; s <= 4; s++) {
      sink.accept(at(EQ, s, 0));
    }
    eqKeyX.forEach(sink);
    eqKeyY.forEach(sink);
    equal.forEach(sink);
    sink.accept(at(EQ, 5, 0));
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> lt.sample(rnd);
      case 2 -> rnd.nextBoolean() ? at(EQ, rnd.nextInt(6), 0)
          : (rnd.nextBoolean() ? eqKeyX : eqKeyY).sample(rnd);
      default -> equal.sample(rnd);
    };
  }
}
