package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The carry-lookahead adder x + y + c_in of {@code Adder.add} (carry-in false, true for a
 * subtraction, or a gate) over m bits, where x_i
 * and y_i are the first and second wire of column i (false where the column is lower).
 *
 * <p>Per bit i, in build order: g_i = x_i ∧ y_i, p_i = x_i ∨ y_i, and h_i = x_i ⊕ y_i written
 * as (x_i ∧ ¬y_i) ∨ (¬x_i ∧ y_i) (NOT y_i first). Then for each carry i = 0..m: the terms
 * T_{j,i} = g_j ∧ p_{j+1} ∧ … ∧ p_{i−1} for j = −1..i−1 (g_{−1} = c_in, stored at b = j + 1),
 * c_i = OR_j T_{j,i}, and for i &lt; m the sum bit s_i = h_i ⊕ c_i. Bit m of the sum is c_m.
 */
final class AdderStage implements Stage {
  private final Layout layout;
  private final Columns in;
  private final int m;
  private final long false0;
  private final long carryIn;

  AdderStage(Layout layout, Columns in) {
    this(layout, in, false);
  }

  /** With {@code carryIn} true: x + y + 1, the adder of {@code Adder.subtract}. */
  AdderStage(Layout layout, Columns in, boolean carryIn) {
    this(layout, in, layout.address(Section.CONST, 0, carryIn ? 1 : 0));
  }

  /** x + y + c with the carry-in c a gate's address ({@code Adder.add(b, x, y, cin)}). */
  AdderStage(Layout layout, Columns in, long carryIn) {
    this.layout = layout;
    this.in = in;
    this.m = in.count();
    this.false0 = layout.address(Section.CONST, 0, 0);
    this.carryIn = carryIn;
  }

  /** The address of bit i of x + y (i ≤ m); false above. */
  long sumBit(int i) {
    return i < m ? layout.address(Section.SUM, i, 4)
        : i == m ? layout.address(Section.CARRY, m, 0) : false0;
  }

  private long x(long i) {
    return in.height((int) i) > 0 ? in.entry((int) i, 0) : false0;
  }

  private long y(long i) {
    return in.height((int) i) > 1 ? in.entry((int) i, 1) : false0;
  }

  private long bit(long i, int w) {
    return layout.address(Section.ADD_BIT, i, w);
  }

  private long sum(long i, int w) {
    return layout.address(Section.SUM, i, w);
  }

  private long carry(long i) {
    return layout.address(Section.CARRY, i, 0);
  }

  @Override
  public Gate gate(long address, Section s, long a, long b) {
    long i = a;
    return switch (s) {
      case ADD_BIT -> {
        if (i >= m || b > 6) {
          throw Stage.none(s, "bits 0.." + (m - 1) + ", gates 0..6; not " + i + ", " + b);
        }
        yield switch ((int) b) {
          case 0 -> Gate.of(address, AND, x(i), y(i));
          case 1 -> Gate.of(address, OR, x(i), y(i));
          case 2 -> Gate.of(address, NOT, y(i));
          case 3 -> Gate.of(address, AND, x(i), bit(i, 2));
          case 4 -> Gate.of(address, NOT, x(i));
          case 5 -> Gate.of(address, AND, bit(i, 4), y(i));
          default -> Gate.of(address, OR, bit(i, 3), bit(i, 5));
        };
      }
      case TERM -> {
        if (i > m || b > i) {
          throw Stage.none(s, "carries 0.." + m + ", terms 0..i; not " + i + ", " + b);
        }
        long j1 = b; // j + 1
        yield new Gate(address, AND, (int) (i - j1 + 1), 0,
            q -> q == 0 ? (j1 == 0 ? carryIn : bit(j1 - 1, 0)) : bit(j1 + q - 1, 1), null);
      }
      case CARRY -> {
        if (i > m || b != 0) {
          throw Stage.none(s, "carries 0.." + m + " (field b 0); not " + i + ", " + b);
        }
        yield new Gate(address, OR, (int) (i + 1), 0,
            q -> layout.address(Section.TERM, i, q), null);
      }
      case SUM -> {
        if (i >= m || b > 4) {
          throw Stage.none(s, "bits 0.." + (m - 1) + ", gates 0..4; not " + i + ", " + b);
        }
        yield switch ((int) b) {
          case 0 -> Gate.of(address, NOT, carry(i));
          case 1 -> Gate.of(address, AND, bit(i, 6), sum(i, 0));
          case 2 -> Gate.of(address, NOT, bit(i, 6));
          case 3 -> Gate.of(address, AND, sum(i, 2), carry(i));
          default -> Gate.of(address, OR, sum(i, 1), sum(i, 3));
        };
      }
      default -> throw new IllegalStateException("adder section " + s);
    };
  }

  @Override
  public int inputIndex(Section s, long a, long b, long h) {
    return switch (s) {
      case TERM -> {
        // inputs g_{j+1} (b = j + 1), then p_m = ADD_BIT(m, 1) for m = b..a−1
        if (h == (b == 0 ? carryIn : bit(b - 1, 0))) {
          yield 0;
        }
        long m = layout.a(h);
        yield layout.section(h) == Section.ADD_BIT && layout.b(h) == 1 && m >= b && m < a
            ? (int) (m - b + 1) : -1;
      }
      case CARRY -> layout.section(h) == Section.TERM && layout.a(h) == a ? (int) layout.b(h)
          : -1;
      default -> Stage.scan(gate(0, s, a, b), h);
    };
  }

  @Override
  public void forEach(LongConsumer sink) {
    for (int i = 0; i < m; i++) {
      for (int w = 0; w < 7; w++) {
        sink.accept(bit(i, w));
      }
    }
    for (int i = 0; i <= m; i++) {
      for (int j1 = 0; j1 <= i; j1++) {
        sink.accept(layout.address(Section.TERM, i, j1));
      }
      sink.accept(carry(i));
      for (int w = 0; i < m && w < 5; w++) {
        sink.accept(sum(i, w));
      }
    }
  }

  @Override
  public long gateCount() {
    long terms = (long) (m + 1) * (m + 2) / 2;
    return 7L * m + terms + (m + 1) + 5L * m;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(m == 0 ? 2 : 4)) {
      case 0 -> {
        int i = rnd.nextInt(m + 1);
        yield layout.address(Section.TERM, i, rnd.nextInt(i + 1));
      }
      case 1 -> carry(rnd.nextInt(m + 1));
      case 2 -> bit(rnd.nextInt(m), rnd.nextInt(7));
      default -> sum(rnd.nextInt(m), rnd.nextInt(5));
    };
  }
}
