package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * One comparison of {@code Comparison} over n-bit buses a and c, in part {@code part} (j = 0):
 * greater ({@code greaterThan(a, c)}): 0 ¬c_j, 1 noLess_j = a_j ∨ ¬c_j (a = j, in pairs), 2 ¬c_i,
 * 3 term_i = a_i ∧ ¬c_i ∧ noLess_{i+1} ∧ … ∧ noLess_{n−1} (a = i, in pairs), 4 the OR of the
 * terms; or equal ({@code equal(a, c)}): per j 0 ¬c_j, 1 a_j ∨ ¬c_j, 2 ¬a_j, 3 ¬a_j ∨ c_j, then
 * 4 the AND of the 2n clauses. Input i of term_i's AND is noLess_{i+i'−1} for i' ≥ 2.
 */
final class ComparePart {
  private final Parts parts;
  private final int part;
  private final int n;
  private final LongUnaryOperator a;
  private final LongUnaryOperator c;
  private final boolean equal;

  ComparePart(Parts parts, int part, int n, LongUnaryOperator a, LongUnaryOperator c,
      boolean equal) {
    this.parts = parts;
    this.part = part;
    this.n = n;
    this.a = a;
    this.c = c;
    this.equal = equal;
  }

  private long at(int sec, long i) {
    return parts.at(part, 0, sec, i, 0);
  }

  /** The comparison's result. */
  long result() {
    return at(4, 0);
  }

  Gate gate(long address, int sec, long i, long b) {
    if (b != 0 || sec > 4 || (sec == 4 ? i != 0 : i >= n)) {
      throw new IllegalArgumentException("comparison sections 0..3 (a = bit < " + n
          + "), 4 (a = 0), b = 0");
    }
    if (equal) {
      return switch (sec) {
        case 0 -> Gate.of(address, NOT, c.applyAsLong(i));
        case 1 -> Gate.of(address, OR, a.applyAsLong(i), at(0, i));
        case 2 -> Gate.of(address, NOT, a.applyAsLong(i));
        case 3 -> Gate.of(address, OR, at(2, i), c.applyAsLong(i));
        default -> new Gate(address, AND, 2 * n, 0, k -> at(k % 2 == 0 ? 1 : 3, k / 2), null);
      };
    }
    return switch (sec) {
      case 0, 2 -> Gate.of(address, NOT, c.applyAsLong(i));
      case 1 -> Gate.of(address, OR, a.applyAsLong(i), at(0, i));
      case 3 -> new Gate(address, AND, (int) (n - i + 1), 0,
          k -> k == 0 ? a.applyAsLong(i) : k == 1 ? at(2, i) : at(1, i + k - 1), null);
      default -> new Gate(address, OR, n, 0, k -> at(3, k), null);
    };
  }

  /** The index of h among the inputs of g (a gate of this part), by the layout of the table. */
  int inputIndex(Gate g, long h) {
    int sec = parts.section(g.address());
    boolean mine = parts.part(h) == part && parts.j(h) == 0;
    if (sec == 4 || sec == 3 && !equal) {
      int first = sec == 3 && !equal ? (int) Math.min(2, g.fanIn()) : 0;
      for (int k = 0; k < first; k++) {
        if (g.input(k) == h) {
          return k;
        }
      }
      if (!mine) {
        return -1;
      }
      int hs = parts.section(h);
      long hi = parts.a(h);
      long k = equal ? 2 * hi + (hs == 3 ? 1 : 0) : sec == 4 ? hi : hi - parts.a(g.address()) + 1;
      return Stage.checked(g, h, k);
    }
    return Stage.scan(g, h);
  }

  void forEach(LongConsumer sink) {
    for (long j = 0; j < n; j++) {
      sink.accept(at(0, j));
      sink.accept(at(1, j));
      if (equal) {
        sink.accept(at(2, j));
        sink.accept(at(3, j));
      }
    }
    if (!equal) {
      for (long i = 0; i < n; i++) {
        sink.accept(at(2, i));
        sink.accept(at(3, i));
      }
    }
    sink.accept(result());
  }

  long gateCount() {
    return 4L * n + 1;
  }

  long sample(SplittableRandom rnd) {
    int sec = rnd.nextInt(5);
    return at(sec, sec == 4 ? 0 : rnd.nextLong(n));
  }
}
