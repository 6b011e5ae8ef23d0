package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * {@code BlockAdder.add(x, y, false)} over m bits in part {@code part} (j = 0), x_i and y_i the
 * first and second wire of column i (false where the column is lower), in blocks of
 * k = ⌈√m⌉ bits; block t is bits s = tk .. e − 1. Sections, in build order:
 * <ol start="0">
 *   <li>bit i (b = 0..6): g_i, p_i and the five gates of h_i, as an adder bit;
 *   <li>block t's generate terms (b = j − s + 1): g_j ∧ p_{j+1} ∧ … ∧ p_{e−1}, false at b = 0;
 *   <li>G_t, their OR; 3: P_t = p_s ∧ … ∧ p_{e−1};
 *   <li>the carry into block t (t = 0..blocks), terms (b = u + 1): G_u ∧ P_{u+1} ∧ … ∧ P_{t−1},
 *       G_{−1} the false carry-in; 5: C_t, their OR;
 *   <li>the carry into bit i, terms (b = j − s + 1): g_j ∧ p_{j+1} ∧ … ∧ p_{i−1}, C_t at b = 0;
 *       7: c_i, their OR; 8: s_i = h_i ⊕ c_i (b = 0..4, as an adder's sum bit).
 * </ol>
 * Block t's parts come after all bits' g, p, h; each block's terms, G_t then P_t; bit m of the
 * sum is C_blocks.
 */
final class BlockAdderPart {
  private final Parts parts;
  private final int part;
  private final Columns in;
  private final int m;
  private final int k;
  private final int blocks;

  BlockAdderPart(Parts parts, int part, Columns in) {
    this.parts = parts;
    this.part = part;
    this.in = in;
    this.m = Math.max(1, in.count());
    this.k = Math.max(1, (int) Math.ceil(Math.sqrt(m)));
    this.blocks = (m + k - 1) / k;
  }

  private long at(int sec, long a, long b) {
    return parts.at(part, 0, sec, a, b);
  }

  /** The address of bit i of x + y; false above bit m. */
  long sumBit(long i) {
    return i < m ? at(8, i, 4) : i == m ? at(5, blocks, 0) : parts.const0();
  }

  private long x(long i) {
    return in.height((int) i) > 0 ? in.entry((int) i, 0) : parts.const0();
  }

  private long y(long i) {
    return in.height((int) i) > 1 ? in.entry((int) i, 1) : parts.const0();
  }

  private long g(long i) {
    return at(0, i, 0);
  }

  private long p(long i) {
    return at(0, i, 1);
  }

  private long end(long t) {
    return Math.min(m, t * k + k);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("block adder: " + what);
    }
  }

  Gate gate(long address, int sec, long a, long b) {
    switch (sec) {
      case 0, 8 -> require(a < m && b <= (sec == 0 ? 6 : 4), "bits 0.." + (m - 1)
          + " (gates 0..6 or 0..4), not " + a + ", " + b);
      case 1, 2, 3 -> require(a < blocks && (sec == 1 ? b <= end(a) - a * k : b == 0),
          "blocks 0.." + (blocks - 1) + ", terms 0..k; not " + a + ", " + b);
      case 4, 5 -> require(a <= blocks && (sec == 4 ? b <= a : b == 0), "block carries 0.."
          + blocks + ", terms 0..t; not " + a + ", " + b);
      case 6, 7 -> require(a < m && (sec == 6 ? b <= a - a / k * k : b == 0), "bit carries 0.."
          + (m - 1) + ", terms within the block; not " + a + ", " + b);
      default -> require(false, "sections 0..8, not " + sec);
    }
    long f0 = parts.const0();
    return switch (sec) {
      case 0 -> switch ((int) b) {
        case 0 -> Gate.of(address, AND, x(a), y(a));
        case 1 -> Gate.of(address, OR, x(a), y(a));
        case 2 -> Gate.of(address, NOT, y(a));
        case 3 -> Gate.of(address, AND, x(a), at(0, a, 2));
        case 4 -> Gate.of(address, NOT, x(a));
        case 5 -> Gate.of(address, AND, at(0, a, 4), y(a));
        default -> Gate.of(address, OR, at(0, a, 3), at(0, a, 5));
      };
      case 1 -> {
        long j = a * k - 1 + b;
        yield new Gate(address, AND, (int) (end(a) - j), 0,
            r -> r == 0 ? (b == 0 ? f0 : g(j)) : p(j + r), null);
      }
      case 2 -> new Gate(address, OR, (int) (end(a) - a * k + 1), 0, r -> at(1, a, r), null);
      case 3 -> new Gate(address, AND, (int) (end(a) - a * k), 0, r -> p(a * k + r), null);
      case 4 -> new Gate(address, AND, (int) (a - b + 1), 0,
          r -> r == 0 ? (b == 0 ? f0 : at(2, b - 1, 0)) : at(3, b - 1 + r, 0), null);
      case 5 -> new Gate(address, OR, (int) (a + 1), 0, r -> at(4, a, r), null);
      case 6 -> {
        long j = a / k * k - 1 + b;
        yield new Gate(address, AND, (int) (a - j), 0,
            r -> r == 0 ? (b == 0 ? at(5, a / k, 0) : g(j)) : p(j + r), null);
      }
      case 7 -> new Gate(address, OR, (int) (a - a / k * k + 1), 0, r -> at(6, a, r), null);
      default -> switch ((int) b) {
        case 0 -> Gate.of(address, NOT, at(7, a, 0));
        case 1 -> Gate.of(address, AND, at(0, a, 6), at(8, a, 0));
        case 2 -> Gate.of(address, NOT, at(0, a, 6));
        case 3 -> Gate.of(address, AND, at(8, a, 2), at(7, a, 0));
        default -> Gate.of(address, OR, at(8, a, 1), at(8, a, 3));
      };
    };
  }

  /**
   * The index of h among the inputs of gate (sec, a, b), from h's fields: a term's inputs after
   * the first are p_{j+r} (field a = j + r), an OR's are its terms (field b = r).
   */
  int inputIndex(Gate gate, int sec, long a, long b, long h) {
    return switch (sec) {
      case 1, 3, 4, 6 -> {
        if (sec != 3 && h == gate.input(0)) {
          yield 0;
        }
        long base = sec == 1 ? a * k - 1 + b : sec == 3 ? a * k - 1 : sec == 4 ? b - 1
            : a / k * k - 1 + b;
        int field = sec == 4 ? 3 : 0;
        long r = parts.a(h) - base;
        yield isAt(h, field, sec == 4 ? 0 : 1) ? Stage.checked(gate, h, sec == 3 ? r - 1 : r)
            : -1;
      }
      case 2, 5, 7 -> isAt(h, sec - 1, parts.b(h)) && parts.a(h) == a
          ? Stage.checked(gate, h, parts.b(h)) : -1;
      default -> Stage.scan(gate, h);
    };
  }

  /** Whether h lies in this part, section sec, with field b = b. */
  private boolean isAt(long h, int sec, long b) {
    return parts.part(h) == part && parts.j(h) == 0 && parts.section(h) == sec
        && parts.b(h) == b;
  }

  void forEach(LongConsumer sink) {
    for (long i = 0; i < m; i++) {
      for (int w = 0; w < 7; w++) {
        sink.accept(at(0, i, w));
      }
    }
    for (long t = 0; t < blocks; t++) {
      for (long b = 0; b <= end(t) - t * k; b++) {
        sink.accept(at(1, t, b));
      }
      sink.accept(at(2, t, 0));
      sink.accept(at(3, t, 0));
    }
    for (long t = 0; t <= blocks; t++) {
      for (long b = 0; b <= t; b++) {
        sink.accept(at(4, t, b));
      }
      sink.accept(at(5, t, 0));
    }
    for (long i = 0; i < m; i++) {
      for (long b = 0; b <= i - i / k * k; b++) {
        sink.accept(at(6, i, b));
      }
      sink.accept(at(7, i, 0));
      for (int w = 0; w < 5; w++) {
        sink.accept(at(8, i, w));
      }
    }
  }

  long gateCount() {
    long n = 7L * m + 5L * m;
    for (long t = 0; t < blocks; t++) {
      n += end(t) - t * k + 1 + 2;
    }
    n += (long) (blocks + 1) * (blocks + 2) / 2 + blocks + 1;
    for (long i = 0; i < m; i++) {
      n += i - i / k * k + 2;
    }
    return n;
  }

  long sample(SplittableRandom rnd) {
    int sec = rnd.nextInt(9);
    long a = switch (sec) {
      case 1, 2, 3 -> rnd.nextInt(blocks);
      case 4, 5 -> rnd.nextInt(blocks + 1);
      default -> rnd.nextInt(m);
    };
    long b = switch (sec) {
      case 0 -> rnd.nextInt(7);
      case 8 -> rnd.nextInt(5);
      case 1 -> rnd.nextLong(end(a) - a * k + 1);
      case 4 -> rnd.nextLong(a + 1);
      case 6 -> rnd.nextLong(a - a / k * k + 1);
      default -> 0;
    };
    return at(sec, a, b);
  }
}
