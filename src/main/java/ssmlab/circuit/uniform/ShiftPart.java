package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * (x · 2^s) mod 2^width as {@code Shifter.shiftLeft} builds it, in one part, with S the bits of
 * s, n those of x and V = min(2^S − 1, max(width, n)) the largest shift it decodes. Per output
 * bit k (field a) and shift v ≤ V with 0 ≤ k − v &lt; n:
 * <ul>
 *   <li>section 0: ¬s_i where bit i of v is 0 (b = v · S + i);
 *   <li>section 1: the term [s = v] ∧ x_{k−v}, the AND of the S literals and x_{k−v} (b = v);
 *   <li>section 2: bit k, the OR of its terms in order of v (b = 0).
 * </ul>
 */
final class ShiftPart {
  private final Parts parts;
  private final int part;
  private final LongUnaryOperator x;
  private final int n;
  private final LongUnaryOperator s;
  private final int sBits;
  private final int width;
  private final long maxShift;

  ShiftPart(Parts parts, int part, LongUnaryOperator x, int n, LongUnaryOperator s, int sBits,
      int width) {
    this.parts = parts;
    this.part = part;
    this.x = x;
    this.n = n;
    this.s = s;
    this.sBits = sBits;
    this.width = width;
    this.maxShift = maxShift(n, sBits, width);
  }

  private static long maxShift(int n, int sBits, int width) {
    long decodable = sBits >= 31 ? Integer.MAX_VALUE : (1L << sBits) - 1;
    return Math.min(decodable, Math.max(width, n));
  }

  /** The largest field value. */
  static long need(int n, int sBits, int width) {
    return Math.max(width + 1L, (maxShift(n, sBits, width) + 1) * sBits + 1);
  }

  private long at(int sec, long a, long b) {
    return parts.at(part, 0, sec, a, b);
  }

  /** The smallest shift with a term in bit k: k − v &lt; n. */
  private long lowShift(long k) {
    return Math.max(0, k - n + 1);
  }

  /** The number of terms of bit k (0 when none: the OR of no wires). */
  private long terms(long k) {
    return Math.max(0, Math.min(maxShift, k) - lowShift(k) + 1);
  }

  private boolean hasTerm(long k, long v) {
    return k < width && v <= maxShift && v <= k && k - v < n;
  }

  /** Bit k of the result. */
  long out(long k) {
    return at(2, k, 0);
  }

  Gate gate(long address, int sec, long a, long b) {
    return switch (sec) {
      case 0 -> {
        long v = b / sBits;
        long i = b % sBits;
        OpPart.require(hasTerm(a, v) && (v >>> i & 1) == 0,
            "shift literals ¬s_i (a = k, b = v·" + sBits + " + i) where bit i of v is 0");
        yield Gate.of(address, NOT, s.applyAsLong(i));
      }
      case 1 -> {
        OpPart.require(hasTerm(a, b), "shift terms (a = k < " + width + ", b = v ≤ " + maxShift
            + ", 0 ≤ k − v < " + n + ")");
        yield new Gate(address, AND, sBits + 1, 0, i -> i == sBits ? x.applyAsLong(a - b)
            : (b >>> i & 1) != 0 ? s.applyAsLong(i) : at(0, a, b * sBits + i), null);
      }
      case 2 -> {
        OpPart.require(a < width && b == 0, "shifted bits a = k < " + width + ", b = 0");
        yield new Gate(address, OR, (int) terms(a), 0, t -> at(1, a, lowShift(a) + t), null);
      }
      default -> throw new IllegalArgumentException("shift sections 0..2, not " + sec);
    };
  }

  int inputIndex(Gate gate, int sec, long a, long h) {
    if (sec == 2) {
      boolean term = parts.part(h) == part && parts.j(h) == 0 && parts.section(h) == 1
          && parts.a(h) == a;
      return term ? Stage.checked(gate, h, parts.b(h) - lowShift(a)) : -1;
    }
    return Stage.scan(gate, h);
  }

  void forEach(LongConsumer sink) {
    for (long k = 0; k < width; k++) {
      for (long v = lowShift(k); v < lowShift(k) + terms(k); v++) {
        for (long i = 0; i < sBits; i++) {
          if ((v >>> i & 1) == 0) {
            sink.accept(at(0, k, v * sBits + i));
          }
        }
        sink.accept(at(1, k, v));
      }
      sink.accept(out(k));
    }
  }

  long gateCount() {
    long count = width;
    for (long k = 0; k < width; k++) {
      for (long v = lowShift(k); v < lowShift(k) + terms(k); v++) {
        count += sBits - Long.bitCount(v) + 1;
      }
    }
    return count;
  }

  long sample(SplittableRandom rnd) {
    long k = rnd.nextLong(width);
    return terms(k) == 0 || rnd.nextBoolean() ? out(k)
        : at(1, k, lowShift(k) + rnd.nextLong(terms(k)));
  }
}
