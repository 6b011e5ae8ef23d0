package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.NOT;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * {@code FoldedProduct} of one or two variable factors (ports x0, x1) times the folded constant
 * ±C·2^E, gate for gate as it builds them by schoolbook multiplication: the program kinds
 * {@link OpKind#PRODUCT2} and {@link OpKind#PRODUCT_BY_CONSTANT}.
 *
 * <p>Address as {@link FpMulFamily}'s (a 4-bit part, j = 0). Parts in build order, each only
 * where the member has it:
 * <ol start="0">
 *   <li>leaves: constants, operand i's bit a (b = i);
 *   <li>|m_0|·|m_1| (k = 2): int-mul's stages ({@link ProductPart}), 2p bits;
 *   <li>that product (or |m_0| for k = 1) times C (C ≠ 1), the constant's bits the constant wires;
 *   <li>the sign: 0–4 s_0 ⊕ s_1 as {@code CircuitBuilder.xor} (k = 2), 5 its NOT (C negative);
 *   <li>e_0 + e_1 (k = 2), an adder over W = width(E ± k·2^q) + 1 bits, sign-extended;
 *   <li>that sum (or e_0, sign-extended) plus E over W bits (E ≠ 0);
 *   <li>6–11: the rounding ({@link RoundingPart}).
 * </ol>
 * A query reads C, E and the sign (the operation's constant); the rest is O(log p + log q)-bit
 * arithmetic, no advice.
 */
final class SmallProductFamily extends RoundedFamily {
  private static final int LEAF = 0;
  private static final int MUL = 1;
  private static final int CMUL = 2;
  private static final int SIGN = 3;
  private static final int EXP = 4;
  private static final int CEXP = 5;
  private static final int ROUND = 6;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final int k;
  private final int p;
  private final int q;
  private final FoldedConstant constant;
  private final Parts parts;
  private final LeafStage leaves;
  private final ProductPart mul;
  private final ProductPart cmul;
  private final AdderStage exp;
  private final AdderStage cexp;
  private final RoundingPart round;

  SmallProductFamily(String describe, int k, int p, int q, FoldedConstant constant) {
    super(describe, PARTS);
    if (k < 1 || k > 2 || k == 1 && constant.unit()) {
      throw new IllegalArgumentException("FoldedProduct multiplies one variable by a constant "
          + "other than 1 or two variables by schoolbook; got " + k + " variables by "
          + constant);
    }
    this.k = k;
    this.p = p;
    this.q = q;
    this.constant = constant;
    BigInteger c = constant.factor();
    int cBits = c == null ? 0 : c.bitLength();
    int bus = p + q + 2;
    long reach = (long) k << q;
    int width = RoundingPart.signedWidth(constant.exponent() - reach,
        constant.exponent() + reach) + 1;
    int w = k * p + cBits;
    int ew = k == 1 && constant.exponent() == 0 ? q + 1 : width;
    long l = Stage.bitLength(w);
    long cols = w + 3 * l + 8;
    long need = Math.max(RoundingPart.fieldNeed(p, q, w, ew), Math.max(bus, width) + 2L);
    this.parts = new Parts(Layout.forMax(Math.max(cols, need),
        Math.max(Math.max(cols, 4 * l * l), Math.max(need, 16))), 1, 4);
    this.leaves = new LeafStage(parts.base(), k, bus, false);
    this.mul = k == 2 ? new ProductPart(parts, MUL, p, i -> input(i, 0), p, i -> input(i, 1))
        : null;
    LongUnaryOperator n = mul != null ? mul::bit : i -> input(i, 0);
    this.cmul = c == null ? null : new ProductPart(parts, CMUL, k * p, n, cBits,
        i -> c.testBit((int) i) ? parts.const1() : parts.const0());
    this.exp = k == 2 ? new AdderStage(parts.layout(EXP, 0), new Pairs(width,
        i -> input(p + Math.min(i, q), 0), i -> input(p + Math.min(i, q), 1))) : null;
    int sumWidth = k == 2 ? width : q + 1;
    LongUnaryOperator sum = exp != null ? i -> exp.sumBit((int) i) : i -> input(p + i, 0);
    long e = constant.exponent();
    long eBits = e & (width >= 64 ? -1L : (1L << width) - 1);
    this.cexp = e == 0 ? null : new AdderStage(parts.layout(CEXP, 0), new Pairs(width,
        i -> sum.applyAsLong(Math.min(i, sumWidth - 1)),
        i -> (i < 63 ? (eBits >>> i & 1) != 0 : eBits < 0) ? parts.const1() : parts.const0()));
    LongUnaryOperator magnitude = cmul != null ? cmul::bit : n;
    LongUnaryOperator exponent = cexp != null ? i -> cexp.sumBit((int) i) : sum;
    long s = constant.negative() ? at(SIGN, 5) : k == 2 ? at(SIGN, 4) : sign(0);
    this.round = new RoundingPart(parts, ROUND, p, q, w, magnitude, ew, exponent, s);
  }

  /** The family of a program's product of one or two variables, ports in operand order. */
  static SmallProductFamily of(ProgramOp op) {
    if (op.kind() != OpKind.PRODUCT2 && op.kind() != OpKind.PRODUCT_BY_CONSTANT) {
      throw new IllegalArgumentException("operation " + op.index() + " is a " + op.kind().label()
          + ", not a product of one or two variables");
    }
    var constants = op.operands().stream().filter(ProgramValue::isConstant)
        .map(ProgramValue::constant).toList();
    FoldedConstant c = FoldedConstant.of(constants);
    int k = op.operands().size() - constants.size();
    return new SmallProductFamily("product of " + k + " in " + op.format() + " by "
        + (c.negative() ? "−" : "") + c.c() + "·2^" + c.exponent(), k, op.format().p(),
        op.format().q(), c);
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Parts parts() {
    return parts;
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  private long sign(long operand) {
    return input(p + q + 1, operand);
  }

  private long at(int part, int sec) {
    return parts.at(part, 0, sec, 0, 0);
  }

  private static IllegalArgumentException absent(int part) {
    return new IllegalArgumentException("no part " + part + " in this member");
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (round.owns(part)) {
      return round.gate(address, part, j, sec, a, b);
    }
    requireNoIndex(part, j);
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case MUL, CMUL -> {
        ProductPart m = part == MUL ? mul : cmul;
        if (m == null) {
          throw absent(part);
        }
        yield m.gate(address, sec, a, b);
      }
      case EXP, CEXP -> {
        AdderStage s = part == EXP ? exp : cexp;
        if (s == null) {
          throw absent(part);
        }
        yield parts.adderGate(s, part, 0, address);
      }
      default -> signGate(address, sec, a, b);
    };
  }

  private Gate signGate(long address, int sec, long a, long b) {
    boolean xor = k == 2 && sec <= 4;
    boolean not = constant.negative() && sec == 5;
    if (!(xor || not) || a != 0 || b != 0) {
      throw new IllegalArgumentException("sign sections " + (k == 2 ? "0..4" : "")
          + (constant.negative() ? (k == 2 ? ", " : "") + "5" : "") + " (a = b = 0), not " + sec
          + ", " + a + ", " + b);
    }
    return xor ? new XorPart(parts, SIGN, 1, i -> sign(0), sign(1)).gate(address, sec, 0, 0)
        : Gate.of(address, NOT, k == 2 ? at(SIGN, 4) : sign(0));
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (round.owns(part)) {
      return round.inputIndex(gate, part, g, h);
    }
    return switch (part) {
      case MUL -> mul.inputIndex(gate, parts.section(g), g, h);
      case CMUL -> cmul.inputIndex(gate, parts.section(g), g, h);
      case EXP -> parts.inputIndex(null, exp, g, h);
      case CEXP -> parts.inputIndex(null, cexp, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  private int signGates() {
    return (k == 2 ? 5 : 0) + (constant.negative() ? 1 : 0);
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + (mul == null ? 0 : mul.gateCount())
        + (cmul == null ? 0 : cmul.gateCount()) + signGates()
        + (exp == null ? 0 : exp.gateCount()) + (cexp == null ? 0 : cexp.gateCount())
        + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    if (mul != null) {
      mul.forEach(sink);
    }
    if (cmul != null) {
      cmul.forEach(sink);
    }
    for (int s = k == 2 ? 0 : 5; s <= (constant.negative() ? 5 : 4); s++) {
      sink.accept(at(SIGN, s));
    }
    if (exp != null) {
      exp.forEach(sink);
    }
    if (cexp != null) {
      cexp.forEach(sink);
    }
    round.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> mul != null && (cmul == null || rnd.nextBoolean()) ? mul.sample(rnd)
          : cmul != null ? cmul.sample(rnd) : leaves.sample(rnd);
      case 2 -> exp != null && (cexp == null || rnd.nextBoolean()) ? exp.sample(rnd)
          : cexp != null ? cexp.sample(rnd) : round.sample(rnd);
      default -> round.sample(rnd);
    };
  }
}
