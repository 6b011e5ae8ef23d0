package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * fp-cmp: lt = [x &lt; y] ({@code FpOps.lessThan}) and eq = [x = y] ({@code FpOps.equal}), gate
 * for gate as {@code circuit op --op fp-cmp} builds them in a verbatim builder (ports x, y of
 * p + q + 2 bits; outputs lt, eq). The key of a float is (e + 2^q, |m|) as one bus of n = p + q + 1
 * bits, bits p.. masked by nonZero = m_{p−1}. The parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, x (operand 0), y (operand 1);
 *   <li>1, 2: the keys of x and y for lt: 0 ¬e_q (the biased top bit), 1 eb_i ∧ nonZero (a = i ≤ q);
 *   <li>3: 0 ¬x_s, 1 ¬y_s, 2 bothPositive, 3 bothNegative = x_s ∧ y_s, 4 ¬y_s, 5 x_s ∧ ¬y_s,
 *       (part 4), 6 bothPositive ∧ [key y &gt; key x], (part 5), 7 bothNegative ∧ [key x &gt; key y],
 *       8 lt, the OR of 5, 6, 7;
 *   <li>4, 5: the two {@code Comparison.greaterThan}s ({@link ComparePart});
 *   <li>6: 0 x_s ∧ y_s, 1 ¬x_s, 2 ¬y_s, 3 their AND, 4 x_s ⊙ y_s, (parts 7–9), 5 eq;
 *   <li>7, 8: the keys again (equal builds its own); 9: {@code Comparison.equal} of them.
 * </ol>
 */
final class FpCmpFamily extends PartedFamily {
  private static final int LEAF = 0;
  private static final int LT = 3;
  private static final int EQ = 6;
  private static final int PARTS = 10;

  private final int p;
  private final int q;
  private final Parts parts;
  private final LeafStage leaves;
  private final ComparePart less;
  private final ComparePart greater;
  private final ComparePart equal;

  FpCmpFamily(String describe, int p, int q) {
    super(describe, PARTS);
    this.p = p;
    this.q = q;
    int n = p + q + 1;
    this.parts = new Parts(Layout.forMax(p + q + 4L, 8), 0, 4);
    this.leaves = new LeafStage(parts.base(), 2, p + q + 2, false);
    this.less = new ComparePart(parts, 4, n, i -> key(2, 1, i), i -> key(1, 0, i), false);
    this.greater = new ComparePart(parts, 5, n, i -> key(1, 0, i), i -> key(2, 1, i), false);
    this.equal = new ComparePart(parts, 9, n, i -> key(7, 0, i), i -> key(8, 1, i), true);
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  private long at(int part, int sec, long a) {
    return parts.at(part, 0, sec, a, 0);
  }

  /** Bit i of the key built in part {@code keyPart} from operand {@code operand}. */
  private long key(int keyPart, long operand, long i) {
    return i < p ? input(i, operand) : at(keyPart, 1, i - p);
  }

  private static int operandOf(int keyPart) {
    return keyPart == 1 || keyPart == 7 ? 0 : 1;
  }

  private ComparePart compare(int part) {
    return part == 4 ? less : part == 5 ? greater : equal;
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
    return i == 0 ? at(LT, 8, 0) : at(EQ, 5, 0);
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case 4, 5, 9 -> compare(part).gate(address, sec, a, b);
      case 1, 2, 7, 8 -> keyGate(address, part, sec, a, b);
      default -> {
        int last = part == LT ? 8 : 5;
        if (sec > last || a != 0 || b != 0) {
          throw new IllegalArgumentException("sections 0.." + last + " (a = b = 0) in part "
              + part + ", not " + sec + ", " + a + ", " + b);
        }
        yield part == LT ? lt(address, sec) : eq(address, sec);
      }
    };
  }

  private Gate keyGate(long address, int part, int sec, long a, long b) {
    if (b != 0 || sec > 1 || (sec == 0 ? a != 0 : a > q)) {
      throw new IllegalArgumentException("key sections 0 (a = 0) and 1 (a = i ≤ " + q
          + "), b = 0");
    }
    long operand = operandOf(part);
    if (sec == 0) {
      return Gate.of(address, NOT, input(p + q, operand));
    }
    long eb = a < q ? input(p + a, operand) : at(part, 0, 0);
    return Gate.of(address, AND, eb, input(p - 1, operand));
  }

  private Gate lt(long address, int sec) {
    long xs = input(p + q + 1, 0);
    long ys = input(p + q + 1, 1);
    return switch (sec) {
      case 0 -> Gate.of(address, NOT, xs);
      case 1, 4 -> Gate.of(address, NOT, ys);
      case 2 -> Gate.of(address, AND, at(LT, 0, 0), at(LT, 1, 0));
      case 3 -> Gate.of(address, AND, xs, ys);
      case 5 -> Gate.of(address, AND, xs, at(LT, 4, 0));
      case 6 -> Gate.of(address, AND, at(LT, 2, 0), less.result());
      case 7 -> Gate.of(address, AND, at(LT, 3, 0), greater.result());
      default -> Gate.of(address, OR, at(LT, 5, 0), at(LT, 6, 0), at(LT, 7, 0));
    };
  }

  private Gate eq(long address, int sec) {
    long xs = input(p + q + 1, 0);
    long ys = input(p + q + 1, 1);
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
    return part == 4 || part == 5 || part == 9 ? compare(part).inputIndex(gate, h)
        : Stage.scan(gate, h);
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + 4 * (q + 2L) + 9 + 6 + 3 * (4L * (p + q + 1) + 1);
  }

  private void key(int part, LongConsumer sink) {
    sink.accept(at(part, 0, 0));
    for (long i = 0; i <= q; i++) {
      sink.accept(at(part, 1, i));
    }
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    key(1, sink);
    key(2, sink);
    for (int s = 0; s <= 5; s++) {
      sink.accept(at(LT, s, 0));
    }
    less.forEach(sink);
    sink.accept(at(LT, 6, 0));
    greater.forEach(sink);
    sink.accept(at(LT, 7, 0));
    sink.accept(at(LT, 8, 0));
    for (int s = 0; s <= 4; s++) {
      sink.accept(at(EQ, s, 0));
    }
    key(7, sink);
    key(8, sink);
    equal.forEach(sink);
    sink.accept(at(EQ, 5, 0));
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> at(1 + rnd.nextInt(2) * 6 + rnd.nextInt(2), 1, rnd.nextLong(q + 1L));
      case 2 -> rnd.nextBoolean() ? at(LT, rnd.nextInt(9), 0) : at(EQ, rnd.nextInt(6), 0);
      default -> compare(new int[] {4, 5, 9}[rnd.nextInt(3)]).sample(rnd);
    };
  }
}
