package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * fp-floor: floor(x) in the window of 2p + 1 bits, gate for gate as {@code FpOps.floorWindowed}
 * builds it in a verbatim builder (q ≥ 5; port x of p + q + 2 bits, output z the same). With
 * sw = the width of [minExponent + p + 1, p + 1], the parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, x (operand 0);
 *   <li>s = e + (p + 1), an adder over sw bits (e sign-extended, the constant's bits);
 *   <li>0: inWindow = ¬s_{sw−1}; 1: ¬s_i (a = v, b = i, bit i of v is 0); 2: [s = v], the AND
 *       of the literals (a = v ≤ p); 3: inWindow ∧ [s = k − i] ∧ m_i (a = k, b = i,
 *       0 ≤ k − i ≤ p); 4: shifted_k = OR of section 3 over i (a = k ≤ 2p); 5–7 (a = i &lt; p):
 *       ¬inWindow, ∧ m_i, shifted_i ∨ that (below the window |m| lies in the fraction bits);
 *       8: hasFraction = OR of shifted_0..shifted_p; 9: sign ∧ hasFraction;
 *   <li>|floor| = shifted_{p+1..2p} + (9), an adder over p bits;
 *   <li>4–9: its rounding into F_p with exponent 0 ({@link RoundingPart});
 *   <li>0: isInteger = ¬e_q; 1–4 (a = i): the mux isInteger ? x_i : rounded_i as
 *       {@code CircuitBuilder.mux}: isInteger ∧ x_i, ¬isInteger, ∧ rounded_i, the OR (output).
 * </ol>
 *
 * <p>Section 3's gate (k, i) has input index i − max(0, k − p) in shifted_k: every query is
 * O(log p + log q)-bit arithmetic.
 */
final class FpFloorFamily extends PartedFamily {
  private static final int LEAF = 0;
  private static final int S = 1;
  private static final int WINDOW = 2;
  private static final int ADD = 3;
  private static final int ROUND = 4;
  private static final int MUX = ROUND + RoundingPart.PARTS;
  private static final int PARTS = MUX + 1;

  private final int p;
  private final int q;
  private final int sw;
  private final Parts parts;
  private final LeafStage leaves;
  private final AdderStage s;
  private final AdderStage add;
  private final RoundingPart round;

  FpFloorFamily(String describe, int p, int q) {
    super(describe, PARTS);
    if (q <= 4) {
      throw new IllegalArgumentException("fp-floor is addressed for --exponent-bits >= 5 (the"
          + " windowed floor); at q <= 4 FpOps.floor aligns by a shifter, which has no part");
    }
    this.p = p;
    this.q = q;
    long minExponent = -(1L << q);
    this.sw = RoundingPart.signedWidth(minExponent + p + 1, p + 1);
    int bus = p + q + 2;
    long need = Math.max(RoundingPart.fieldNeed(p, q, p + 1, 2),
        Math.max(2L * p + 2, Math.max(sw + 2L, bus + 2L)));
    this.parts = new Parts(Layout.forMax(need, Math.max(need, 16)), 1, 4);
    this.leaves = new LeafStage(parts.base(), 1, bus, false);
    long one = parts.const1();
    long zero = parts.const0();
    this.s = new AdderStage(parts.layout(S, 0), new Pairs(sw,
        i -> input(p + Math.min(i, q)), i -> (p + 1L) >>> i == 0 ? zero
            : ((p + 1L) >>> i & 1) != 0 ? one : zero));
    this.add = new AdderStage(parts.layout(ADD, 0), new Pairs(p,
        i -> at(WINDOW, 4, p + 1 + i, 0), i -> i == 0 ? at(WINDOW, 9, 0, 0) : -1));
    this.round = new RoundingPart(parts, ROUND, p, q, p + 1, i -> add.sumBit((int) i), 2,
        i -> zero, input(p + q + 1));
  }

  private long input(long bit) {
    return parts.base().address(Section.INPUT, bit, 0);
  }

  private long at(int part, int sec, long a, long b) {
    return parts.at(part, 0, sec, a, b);
  }

  /** shifted_k: section 7 below p (the window's bit or'ed with the unwindowed m_k), else 4. */
  private long shifted(long k) {
    return at(WINDOW, k < p ? 7 : 4, k, 0);
  }

  /**
   * The first i with a section-3 term in shifted_k: 0 ≤ k − i ≤ p and i &lt; p. shifted_2p has
   * none (the builder's OR of no wires, a gate of fan-in 0 in the verbatim build).
   */
  private long firstTerm(long k) {
    return Math.max(0, k - p);
  }

  private long terms(long k) {
    return Math.min(p - 1, k) - firstTerm(k) + 1;
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  public int outputBits() {
    return p + q + 2;
  }

  @Override
  public long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits());
    }
    return at(MUX, 4, i, 0);
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (round.owns(part)) {
      return round.gate(address, part, j, sec, a, b);
    }
    requireNoIndex(part, j);
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case S -> parts.adderGate(s, part, 0, address);
      case ADD -> parts.adderGate(add, part, 0, address);
      case WINDOW -> window(address, sec, a, b);
      default -> mux(address, sec, a, b);
    };
  }

  private Gate window(long address, int sec, long a, long b) {
    long sTop = s.sumBit(sw - 1);
    switch (sec) {
      case 0 -> {
        require(a == 0 && b == 0, "inWindow is (0, 0)");
        return Gate.of(address, NOT, sTop);
      }
      case 1 -> {
        require(a <= p && b < sw && (a >>> b & 1) == 0, "¬s_i for bits i < sw that v ≤ p lacks");
        return Gate.of(address, NOT, s.sumBit((int) b));
      }
      case 2 -> {
        require(a <= p && b == 0, "[s = v] for v ≤ p");
        return new Gate(address, AND, sw, 0,
            i -> (a >>> i & 1) != 0 ? s.sumBit(i) : at(WINDOW, 1, a, i), null);
      }
      case 3 -> {
        require(b < p && a >= b && a - b <= p, "terms (k, i) with i < p, 0 ≤ k − i ≤ p");
        return Gate.of(address, AND, at(WINDOW, 0, 0, 0), at(WINDOW, 2, a - b, 0),
            input(b));
      }
      case 4 -> {
        require(a <= 2L * p && b == 0, "shifted_k for k ≤ 2p");
        return new Gate(address, OR, (int) terms(a), 0,
            i -> at(WINDOW, 3, a, firstTerm(a) + i), null);
      }
      case 5, 6, 7 -> {
        require(a < p && b == 0, "bits i < p");
        return sec == 5 ? Gate.of(address, NOT, at(WINDOW, 0, 0, 0))
            : sec == 6 ? Gate.of(address, AND, at(WINDOW, 5, a, 0), input(a))
            : Gate.of(address, OR, at(WINDOW, 4, a, 0), at(WINDOW, 6, a, 0));
      }
      case 8 -> {
        require(a == 0 && b == 0, "hasFraction is (0, 0)");
        return new Gate(address, OR, p + 1, 0, this::shifted, null);
      }
      case 9 -> {
        require(a == 0 && b == 0, "sign ∧ hasFraction is (0, 0)");
        return Gate.of(address, AND, input(p + q + 1), at(WINDOW, 8, 0, 0));
      }
      default -> throw new IllegalArgumentException("window sections 0..9, not " + sec);
    }
  }

  private Gate mux(long address, int sec, long a, long b) {
    require(b == 0 && sec <= 4 && (sec == 0 ? a == 0 : a < outputBits()),
        "mux sections 0 (a = 0) and 1..4 (a = bit < " + outputBits() + "), b = 0");
    long isInteger = at(MUX, 0, 0, 0);
    return switch (sec) {
      case 0 -> Gate.of(address, NOT, input(p + q));
      case 1 -> Gate.of(address, AND, isInteger, input(a));
      case 2 -> Gate.of(address, NOT, isInteger);
      case 3 -> Gate.of(address, AND, at(MUX, 2, a, 0), round.output((int) a));
      default -> Gate.of(address, OR, at(MUX, 1, a, 0), at(MUX, 3, a, 0));
    };
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (round.owns(part)) {
      return round.inputIndex(gate, part, g, h);
    }
    if (part == S) {
      return parts.inputIndex(null, s, g, h);
    }
    if (part == ADD) {
      return parts.inputIndex(null, add, g, h);
    }
    if (part != WINDOW) {
      return Stage.scan(gate, h);
    }
    int sec = parts.section(g);
    long a = parts.a(g);
    if (sec == 4) {
      boolean term = parts.part(h) == WINDOW && parts.section(h) == 3 && parts.a(h) == a;
      return term ? Stage.checked(gate, h, parts.b(h) - firstTerm(a)) : -1;
    }
    if (sec == 8) {
      boolean mine = parts.part(h) == WINDOW && h == shifted(parts.a(h));
      return mine ? Stage.checked(gate, h, parts.a(h)) : -1;
    }
    if (sec == 2) {
      for (int i = 0; i < sw; i++) {
        if (gate.input(i) == h) {
          return i;
        }
      }
      return -1;
    }
    return Stage.scan(gate, h);
  }

  @Override
  public long gateCount() {
    long count = leaves.gateCount() + s.gateCount() + add.gateCount() + round.gateCount();
    long window = 1;
    for (long v = 0; v <= p; v++) {
      window += sw - Long.bitCount(v) + 1;
    }
    for (long k = 0; k <= 2L * p; k++) {
      window += terms(k) + 1;
    }
    return count + window + 3L * p + 2 + 1 + 4L * outputBits();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    s.forEach(sink);
    sink.accept(at(WINDOW, 0, 0, 0));
    for (long v = 0; v <= p; v++) {
      for (long i = 0; i < sw; i++) {
        if ((v >>> i & 1) == 0) {
          sink.accept(at(WINDOW, 1, v, i));
        }
      }
      sink.accept(at(WINDOW, 2, v, 0));
    }
    for (long k = 0; k <= 2L * p; k++) {
      for (long i = firstTerm(k); i < firstTerm(k) + terms(k); i++) {
        sink.accept(at(WINDOW, 3, k, i));
      }
      sink.accept(at(WINDOW, 4, k, 0));
    }
    for (long i = 0; i < p; i++) {
      for (int sec = 5; sec <= 7; sec++) {
        sink.accept(at(WINDOW, sec, i, 0));
      }
    }
    sink.accept(at(WINDOW, 8, 0, 0));
    sink.accept(at(WINDOW, 9, 0, 0));
    add.forEach(sink);
    round.forEach(sink);
    sink.accept(at(MUX, 0, 0, 0));
    for (long i = 0; i < outputBits(); i++) {
      for (int sec = 1; sec <= 4; sec++) {
        sink.accept(at(MUX, sec, i, 0));
      }
    }
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> rnd.nextBoolean() ? s.sample(rnd) : add.sample(rnd);
      case 2 -> {
        long k = rnd.nextLong(2L * p);
        yield switch (rnd.nextInt(3)) {
          case 0 -> at(WINDOW, 3, k, firstTerm(k) + rnd.nextLong(terms(k)));
          case 1 -> at(WINDOW, 4, k, 0);
          default -> at(WINDOW, 2, rnd.nextLong(p + 1L), 0);
        };
      }
      case 3 -> at(MUX, 1 + rnd.nextInt(4), rnd.nextLong(outputBits()), 0);
      default -> round.sample(rnd);
    };
  }
}
