package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.fp.FloatFormat;

/**
 * exponent ({@code WireAlgebra.exponent}): the unbiased exponent of x, e + p − 1 (0 for zero),
 * rounded into the format {@code to}. With w = the width of [minExponent + p − 1,
 * maxExponent + p − 1] plus one, in parts from {@code first}:
 * <ol start="0">
 *   <li>k = e + (p − 1), an adder over w bits (e sign-extended, the constant's bits);
 *   <li>section 0, a = i &lt; w: k_i ∧ nonZero (bit w − 1 is the sign, "negative");
 *   <li>k_i ⊕ negative ({@link XorPart});
 *   <li>|k| = that + 0 with carry-in negative, an adder over w bits;
 *   <li>3–8 (first + 4 on): its rounding into {@code to} with sign negative and exponent 0
 *       ({@link RoundingPart}).
 * </ol>
 */
final class ExponentPart extends RoundedOpPart {
  private static final int ROUND = 4;
  static final int PARTS = ROUND + RoundingPart.PARTS;

  private final Parts parts;
  private final int first;
  private final int w;
  private final OperandBus x;
  private final AdderStage k;
  private final XorPart flip;
  private final AdderStage magnitude;
  private final RoundingPart round;

  ExponentPart(Parts parts, int first, OperandBus x, FloatFormat to) {
    super(ROUND);
    this.parts = parts;
    this.first = first;
    this.x = x;
    FloatFormat f = x.format();
    this.w = width(f);
    long pm1 = f.p() - 1L;
    this.k = new AdderStage(parts.layout(first, 0),
        new Pairs(w, x::e, i -> OpPart.constBit(parts, pm1, i)));
    long negative = masked(w - 1L);
    this.flip = new XorPart(parts, first + 2, w, this::masked, negative);
    long zero = parts.const0();
    this.magnitude = new AdderStage(parts.layout(first + 3, 0),
        new Pairs(w, flip::out, i -> zero), negative);
    this.round = new RoundingPart(parts, first + ROUND, to.p(), to.q(), w,
        i -> magnitude.sumBit((int) i), 2, i -> zero, negative);
  }

  /** w: {@code Signed.widthFor}(minExponent + p − 1, maxExponent + p − 1) + 1. */
  private static int width(FloatFormat f) {
    return RoundingPart.signedWidth(f.minExponent() + f.p() - 1, f.maxExponent() + f.p() - 1)
        + 1;
  }

  /** The largest field value. */
  static long need(FloatFormat f, FloatFormat to) {
    int w = width(f);
    return Math.max(RoundingPart.fieldNeed(to.p(), to.q(), w, 2), w + 2L);
  }

  private long masked(long i) {
    return parts.at(first + 1, 0, 0, i, 0);
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Gate front(long address, int part, int sec, long a, long b) {
    return switch (part - first) {
      case 0 -> parts.adderGate(k, part, 0, address);
      case 1 -> {
        OpPart.require(sec == 0 && a < w && b == 0, "mask section 0, a = bit < " + w + ", b = 0");
        yield Gate.of(address, AND, k.sumBit((int) a), x.nonZero());
      }
      case 2 -> flip.gate(address, sec, a, b);
      default -> parts.adderGate(magnitude, part, 0, address);
    };
  }

  @Override
  int frontIndex(Gate gate, int part, long g, long h) {
    return switch (part - first) {
      case 0 -> parts.inputIndex(null, k, g, h);
      case 3 -> parts.inputIndex(null, magnitude, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  @Override
  public void forEach(LongConsumer sink) {
    k.forEach(sink);
    for (long i = 0; i < w; i++) {
      sink.accept(masked(i));
    }
    flip.forEach(sink);
    magnitude.forEach(sink);
    round.forEach(sink);
  }

  @Override
  public long gateCount() {
    return k.gateCount() + w + flip.gateCount() + magnitude.gateCount() + round.gateCount();
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> rnd.nextBoolean() ? k.sample(rnd) : magnitude.sample(rnd);
      case 1 -> masked(rnd.nextInt(w));
      case 2 -> flip.sample(rnd);
      default -> round.sample(rnd);
    };
  }
}
