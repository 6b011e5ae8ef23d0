package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.fp.FloatFormat;

/**
 * scale ({@code WireAlgebra.scale}): round_to(x · 2^k) for an integer-valued float k of format
 * g (p_k bits). With kb = max(q_to, q_g, q_x) + 3, aw the width of [minExponent_g + p_k − 1,
 * maxExponent_g + p_k − 1], S = bitLength(p_k − 1 + kb) and ew = max(q_x + 1, kb + 1) + 2, in
 * parts from {@code first}:
 * <ol start="0">
 *   <li>a = e_k + (p_k − 1), an adder over aw bits;
 *   <li>the shift amount, a clamped at 0: for i &lt; min(S, aw) section 0 ¬a_{aw−1}, section 1
 *       a_i ∧ that (a = i); bits i ≥ aw are false;
 *   <li>|m_k| · 2^amount in p_k − 1 + kb bits ({@link ShiftPart}); |k| is its bits p_k − 1 on;
 *   <li>(|k|_i or false above kb) ⊕ sign_k, i &lt; ew ({@link XorPart});
 *   <li>e_x + ±|k| = e_x + that + sign_k, an adder over ew bits;
 *   <li>5–10 (first + 5 on): the rounding of (sign_x, |m_x|, that exponent) into {@code to}
 *       ({@link RoundingPart}).
 * </ol>
 */
final class ScalePart extends RoundedOpPart {
  private static final int ROUND = 5;
  static final int PARTS = ROUND + RoundingPart.PARTS;

  private final Parts parts;
  private final int first;
  private final int aw;
  private final int amountBits;
  private final AdderStage a;
  private final ShiftPart shift;
  private final XorPart signed;
  private final AdderStage e;
  private final RoundingPart round;

  ScalePart(Parts parts, int first, OperandBus x, OperandBus k, FloatFormat to) {
    super(ROUND);
    this.parts = parts;
    this.first = first;
    FloatFormat g = k.format();
    int pk = g.p();
    int kb = kb(x.format(), g, to);
    this.aw = aw(g);
    this.amountBits = amountBits(g, kb);
    long pm1 = pk - 1L;
    this.a = new AdderStage(parts.layout(first, 0),
        new Pairs(aw, k::e, i -> OpPart.constBit(parts, pm1, i)));
    long zero = parts.const0();
    this.shift = new ShiftPart(parts, first + 2, k::m, pk,
        i -> i < aw ? amount(i) : zero, amountBits, pk - 1 + kb);
    int ew = ew(x.format(), kb);
    this.signed = new XorPart(parts, first + 3, ew,
        i -> i < kb ? shift.out(pk - 1 + i) : zero, k.sign());
    this.e = new AdderStage(parts.layout(first + 4, 0), new Pairs(ew, x::e, signed::out),
        k.sign());
    this.round = new RoundingPart(parts, first + ROUND, to.p(), to.q(), x.format().p(), x::m, ew,
        i -> e.sumBit((int) i), x.sign());
  }

  private static int kb(FloatFormat f, FloatFormat g, FloatFormat to) {
    return Math.max(to.q(), Math.max(g.q(), f.q())) + 3;
  }

  private static int aw(FloatFormat g) {
    return RoundingPart.signedWidth(g.minExponent() + g.p() - 1, g.maxExponent() + g.p() - 1);
  }

  private static int amountBits(FloatFormat g, int kb) {
    return Stage.bitLength(g.p() - 1L + kb);
  }

  private static int ew(FloatFormat f, int kb) {
    return Math.max(f.q() + 1, kb + 1) + 2;
  }

  /** The largest field value. */
  static long need(FloatFormat f, FloatFormat g, FloatFormat to) {
    int kb = kb(f, g, to);
    int ew = ew(f, kb);
    return Math.max(Math.max(RoundingPart.fieldNeed(to.p(), to.q(), f.p(), ew), ew + 2L),
        Math.max(ShiftPart.need(g.p(), amountBits(g, kb), g.p() - 1 + kb), aw(g) + 2L));
  }

  private long at(int sec, long i) {
    return parts.at(first + 1, 0, sec, i, 0);
  }

  /** Bit i &lt; aw of the amount. */
  private long amount(long i) {
    return at(1, i);
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Gate front(long address, int part, int sec, long a, long b) {
    return switch (part - first) {
      case 0 -> parts.adderGate(this.a, part, 0, address);
      case 1 -> {
        OpPart.require(sec <= 1 && a < Math.min(amountBits, aw) && b == 0,
            "amount sections 0, 1, a = bit < " + Math.min(amountBits, aw) + ", b = 0");
        yield sec == 0 ? Gate.of(address, NOT, this.a.sumBit(aw - 1))
            : Gate.of(address, AND, this.a.sumBit((int) a), at(0, a));
      }
      case 2 -> shift.gate(address, sec, a, b);
      case 3 -> signed.gate(address, sec, a, b);
      default -> parts.adderGate(e, part, 0, address);
    };
  }

  @Override
  int frontIndex(Gate gate, int part, long g, long h) {
    return switch (part - first) {
      case 0 -> parts.inputIndex(null, a, g, h);
      case 2 -> shift.inputIndex(gate, parts.section(g), parts.a(g), h);
      case 4 -> parts.inputIndex(null, e, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  @Override
  public void forEach(LongConsumer sink) {
    a.forEach(sink);
    for (long i = 0; i < Math.min(amountBits, aw); i++) {
      sink.accept(at(0, i));
      sink.accept(at(1, i));
    }
    shift.forEach(sink);
    signed.forEach(sink);
    e.forEach(sink);
    round.forEach(sink);
  }

  @Override
  public long gateCount() {
    return a.gateCount() + 2L * Math.min(amountBits, aw) + shift.gateCount()
        + signed.gateCount() + e.gateCount() + round.gateCount();
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> rnd.nextBoolean() ? a.sample(rnd) : e.sample(rnd);
      case 1 -> at(rnd.nextInt(2), rnd.nextInt(Math.min(amountBits, aw)));
      case 2 -> shift.sample(rnd);
      case 3 -> signed.sample(rnd);
      default -> round.sample(rnd);
    };
  }
}
