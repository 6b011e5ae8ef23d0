package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.fp.FpOps;

/**
 * fp-sum for q up to {@code FpOps.FULL_ALIGNMENT_MAX_Q}: round_p(x_0 + … + x_(n−1)) as
 * {@code FpOps.sum} builds it there, every term aligned to the exponent −2^q, so that
 * A_j = |m_j|·2^(e_j + 2^q) is an integer of W = p + 2^(q+1) bits; positive and negative terms
 * summed apart, the smaller total subtracted from the larger. n = 2 is fp-add; one term is the
 * input itself.
 *
 * <p>Address = ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b ({@link Parts}, a 4-bit
 * part, j a term). Parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, term j's bit a (b = j);
 *   <li>per term j, {@code Shifter.shiftLeft} of |m_j| by s = e_j + 2^q: 0 ¬e_j[q] (the biased
 *       exponent's top bit); 1 ¬s_i in the test [s = v] of output bit k (a = k,
 *       b = v·(q + 1) + i, bit i of v zero); 2 [s = v] ∧ m_(k−v) (a = k, b = v, 0 ≤ k − v &lt; p);
 *       3 A_j bit k, their OR; 4 ¬sign_j, 5 A_j[k] ∧ ¬sign_j, 6 A_j[k] ∧ sign_j (a = k);
 *   <li>S⁺ = Σ_j (section 5), 3: S⁻ = Σ_j (section 6), {@code sumUniform} (sections 3–10)
 *       over bits 0..W − 2 (bit W − 1 is never set, and {@code FpOps.sum} leaves it out);
 *   <li>S⁺ − S⁻: 0 ¬S⁻ bit a, then the adder with carry-in true (sections 7–10); its carry out
 *       says S⁺ ≥ S⁻; 5: S⁻ − S⁺ the same;
 *   <li>0: the magnitude, bit a (b = 0..3: the multiplexer's AND, NOT, AND, OR); 1: the sign,
 *       ¬[S⁺ ≥ S⁻];
 *   <li>7–12: the rounding ({@link RoundingPart}) of (−1)^sign · magnitude · 2^(−2^q).
 * </ol>
 */
final class FpAlignedSumFamily extends TermSumFamily {
  private static final int LEAF = 0;
  private static final int SHIFT = 1;
  private static final int SP = 2;
  private static final int SN = 3;
  private static final int PMN = 4;
  private static final int NMP = 5;
  private static final int MUX = 6;
  private static final int ROUND = 7;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final int width;
  private final int shifts;
  private final Parts parts;
  private final LeafStage leaves;
  private final SumStages sp;
  private final SumStages sn;
  private final int w;
  private final AdderStage pMinusN;
  private final AdderStage nMinusP;
  private final RoundingPart round;

  FpAlignedSumFamily(String describe, int n, int p, int q) {
    super(describe, PARTS, n, p, q);
    if (q > FpOps.FULL_ALIGNMENT_MAX_Q) {
      throw new IllegalStateException("full alignment is for q ≤ " + FpOps.FULL_ALIGNMENT_MAX_Q);
    }
    this.width = p + (1 << (q + 1));
    this.shifts = (1 << (q + 1)) - 1;
    long l = Stage.bitLength(n);
    long maxA = Math.max(Math.max(width + 3 * l + 8,
        RoundingPart.fieldNeed(p, q, width + (int) l, q + 2)), p + q + 4L);
    long maxB = Math.max(Math.max(maxA, n + 2L),
        Math.max(4 * l * l, (shifts + 1L) * (q + 1) + 16));
    Layout base = Layout.forMax(maxA, maxB);
    int wj = Math.max(1, Stage.bitLength(n - 1L));
    if (4 + wj + base.bits() > 63) {
      throw new IllegalArgumentException(describe + " needs addresses of "
          + (4 + wj + base.bits()) + " bits, more than 63; use a smaller --arity");
    }
    this.parts = new Parts(base, wj, 4);
    this.leaves = new LeafStage(base, n, p + q + 2, false);
    this.sp = new SumStages(parts.layout(SP, 0), new Signs(5), n);
    this.sn = new SumStages(parts.layout(SN, 0), new Signs(6), n);
    this.w = Math.max(sp.width(), sn.width());
    this.pMinusN = subtract(PMN, sp, sn);
    this.nMinusP = subtract(NMP, sn, sp);
    long f0 = parts.const0();
    long f1 = parts.const1();
    long min = -(1L << q);
    this.round = n == 1 ? null : new RoundingPart(parts, ROUND, p, q, w,
        i -> at(MUX, 0, 0, i, 3), q + 2, i -> (min >>> i & 1) != 0 ? f1 : f0,
        at(MUX, 0, 1, 0, 0));
  }

  /** x − y as x + ¬y + 1 over w bits ({@code Adder.subtract}); ¬y in section 0. */
  private AdderStage subtract(int part, SumStages x, SumStages y) {
    return new AdderStage(parts.layout(part, 0),
        new Pairs(w, i -> bit(x, i), i -> at(part, 0, 0, i, 0)), true);
  }

  /** Bit i of a sum resized to its width, false above as {@code Bits.resize} pads. */
  private long bit(SumStages s, long i) {
    return i < s.width() ? s.bit((int) i) : parts.const0();
  }

  /** Column c: A_j[c] ∧ ¬sign_j (section 5) or ∧ sign_j (6) of every term, term 0 first. */
  private final class Signs implements Columns {
    private final int sec;

    Signs(int sec) {
      this.sec = sec;
    }

    @Override
    public boolean flat() {
      return true;
    }

    /** W − 1: the top column is left out (no shift reaches it), as an empty one adds nothing. */
    @Override
    public int count() {
      return width - 1;
    }

    @Override
    public long height(int c) {
      return c >= 0 && c < width - 1 ? n : 0;
    }

    @Override
    public long entry(int c, long e) {
      return at(SHIFT, e, sec, c, 0);
    }

    @Override
    public long indexOf(int c, long h) {
      long j = parts.j(h);
      return parts.part(h) == SHIFT && j < n && c < width - 1 && entry(c, j) == h ? j : -1;
    }
  }

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(part, j, sec, a, b);
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  /** Bit i of s_j = e_j + 2^q. */
  private long shift(long j, long i) {
    return i < q ? input(p + i, j) : at(SHIFT, j, 0, 0, 0);
  }

  /** The shifts v that reach output bit k from a significand bit: k − p &lt; v ≤ k. */
  private long lowShift(long k) {
    return Math.max(0, k - p + 1);
  }

  private long shiftCount(long k) {
    return Math.max(0, Math.min(shifts, k) - lowShift(k) + 1);
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Parts parts() {
    return parts;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    Gate leaf = leafOrNone(leaves, address, part, j);
    if (leaf != null) {
      return leaf;
    }
    if (round.owns(part)) {
      return round.gate(address, part, j, sec, a, b);
    }
    require(part == SHIFT ? j < n : j == 0, "no index " + j + " in part " + part);
    int q1 = q + 1;
    return switch (part) {
      case SHIFT -> {
        long v = b / q1;
        boolean ok = switch (sec) {
          case 0 -> a == 0 && b == 0;
          case 1 -> a < width && v <= shifts && a - v >= 0 && a - v < p
              && (v >>> (b % q1) & 1) == 0;
          case 2 -> a < width && b <= shifts && a - b >= 0 && a - b < p;
          case 3, 4, 5, 6 -> a < width && b == 0;
          default -> false;
        };
        require(ok, "alignment: sections 0..6; not " + sec + ", " + a + ", " + b);
        long sign = input(p + q + 1, j);
        yield switch (sec) {
          case 0 -> Gate.of(address, NOT, input(p + q, j));
          case 1 -> Gate.of(address, NOT, shift(j, b % q1));
          case 2 -> new Gate(address, AND, q + 2, 0, i -> i == q1 ? input(a - b, j)
              : (b >>> i & 1) != 0 ? shift(j, i) : at(SHIFT, j, 1, a, b * q1 + i), null);
          case 3 -> new Gate(address, OR, (int) shiftCount(a), 0,
              r -> at(SHIFT, j, 2, a, lowShift(a) + r), null);
          case 4 -> Gate.of(address, NOT, sign);
          case 5 -> Gate.of(address, AND, at(SHIFT, j, 3, a, 0), at(SHIFT, j, 4, a, 0));
          default -> Gate.of(address, AND, at(SHIFT, j, 3, a, 0), sign);
        };
      }
      case SP, SN -> parts.sumGate(part == SP ? sp : sn, part, 0, address);
      case PMN, NMP -> {
        if (sec >= Section.ADD_BIT.ordinal()) {
          yield parts.adderGate(part == PMN ? pMinusN : nMinusP, part, 0, address);
        }
        require(sec == 0 && a < w && b == 0, "subtraction: section 0 (a < " + w
            + ") or the adder's 7..10; not " + sec + ", " + a + ", " + b);
        yield Gate.of(address, NOT, bit(part == PMN ? sn : sp, a));
      }
      default -> {
        require(sec == 0 ? a < w && b <= 3 : sec == 1 && a == 0 && b == 0,
            "magnitude: section 0 (a < " + w + ", b ≤ 3), 1; not " + sec + ", " + a + ", " + b);
        long positive = pMinusN.sumBit(w);
        if (sec == 1) {
          yield Gate.of(address, NOT, positive);
        }
        yield switch ((int) b) {
          case 0 -> Gate.of(address, AND, positive, pMinusN.sumBit((int) a));
          case 1 -> Gate.of(address, NOT, positive);
          case 2 -> Gate.of(address, AND, at(MUX, 0, 0, a, 1), nMinusP.sumBit((int) a));
          default -> Gate.of(address, OR, at(MUX, 0, 0, a, 0), at(MUX, 0, 0, a, 2));
        };
      }
    };
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (part == LEAF) {
      return -1;
    }
    if (round.owns(part)) {
      return round.inputIndex(gate, part, g, h);
    }
    int sec = parts.section(g);
    return switch (part) {
      case SHIFT -> sec == 3 && parts.part(h) == SHIFT && parts.section(h) == 2
          ? Stage.checked(gate, h, parts.b(h) - lowShift(parts.a(g))) : Stage.scan(gate, h);
      case SP, SN -> parts.inputIndex(part == SP ? sp : sn, null, g, h);
      case PMN, NMP -> sec >= Section.ADD_BIT.ordinal()
          ? parts.inputIndex(null, part == PMN ? pMinusN : nMinusP, g, h) : Stage.scan(gate, h);
      default -> Stage.scan(gate, h);
    };
  }

  @Override
  public long gateCount() {
    if (n == 1) {
      return leaves.gateCount();
    }
    long perTerm = 1 + 3L * width;
    for (long k = 0; k < width; k++) {
      for (long v = lowShift(k); v < lowShift(k) + shiftCount(k); v++) {
        perTerm += q + 1 - Long.bitCount(v) + 1;
      }
      perTerm++;
    }
    return leaves.gateCount() + n * perTerm + sp.gateCount() + sn.gateCount()
        + 2L * w + pMinusN.gateCount() + nMinusP.gateCount() + 4L * w + 1 + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    if (n == 1) {
      return;
    }
    int q1 = q + 1;
    for (long j = 0; j < n; j++) {
      sink.accept(at(SHIFT, j, 0, 0, 0));
      for (long k = 0; k < width; k++) {
        for (long v = lowShift(k); v < lowShift(k) + shiftCount(k); v++) {
          for (long i = 0; i < q1; i++) {
            if ((v >>> i & 1) == 0) {
              sink.accept(at(SHIFT, j, 1, k, v * q1 + i));
            }
          }
          sink.accept(at(SHIFT, j, 2, k, v));
        }
        sink.accept(at(SHIFT, j, 3, k, 0));
      }
      for (long k = 0; k < width; k++) {
        for (int sec = 4; sec <= 6; sec++) {
          sink.accept(at(SHIFT, j, sec, k, 0));
        }
      }
    }
    sp.forEach(sink);
    sn.forEach(sink);
    for (int part = PMN; part <= NMP; part++) {
      for (long i = 0; i < w; i++) {
        sink.accept(at(part, 0, 0, i, 0));
      }
      (part == PMN ? pMinusN : nMinusP).forEach(sink);
    }
    for (long i = 0; i < w; i++) {
      for (int b = 0; b <= 3; b++) {
        sink.accept(at(MUX, 0, 0, i, b));
      }
    }
    sink.accept(at(MUX, 0, 1, 0, 0));
    round.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    if (n == 1) {
      return leaves.sample(rnd);
    }
    long j = rnd.nextInt(n);
    long k = rnd.nextInt(width);
    return switch (rnd.nextInt(8)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> shiftCount(k) == 0 || rnd.nextBoolean() ? at(SHIFT, j, 3 + rnd.nextInt(4), k, 0)
          : at(SHIFT, j, 2, k, lowShift(k) + rnd.nextLong(shiftCount(k)));
      case 2 -> rnd.nextBoolean() ? sp.sample(rnd) : sn.sample(rnd);
      case 3 -> rnd.nextBoolean() ? pMinusN.sample(rnd) : nMinusP.sample(rnd);
      case 4 -> at(MUX, 0, 0, rnd.nextInt(w), rnd.nextInt(4));
      default -> round.sample(rnd);
    };
  }
}
