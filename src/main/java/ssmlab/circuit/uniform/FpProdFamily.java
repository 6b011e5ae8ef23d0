package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.THRESHOLD;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * fp-prod: round_p(x_0 · … · x_(n−1)) of n ≥ 2 floats, one rounding, gate for gate as
 * {@code FpOps.product} builds it in a verbatim builder (ports x0..x(n−1) of p + q + 2 bits).
 *
 * <p>Address = ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b, a 5-bit part. Parts in
 * build order: 0 the leaves (operand i, bit a); 10 the biased exponents' top bits ¬e_i[q]
 * (b = i); 1–9 the significands' product, {@link ProdFamily}'s parts (Chinese remaindering over
 * bits 0..p−1 of each operand); 11 Σ_i (e_i + 2^q) by iterated addition (every stage); 12 that
 * sum minus n·2^q, an adder over W_e bits; 13 the parity of the signs as
 * {@code WeightedSum.count}: 0 T_v = [Σ s_i ≥ v] (a = v = 1..n), 1 bit k of the count (a = k),
 * an alternating threshold over T_{r·2^k}; 14–19 the rounding ({@link RoundingPart}) of
 * (−1)^parity · product · 2^(exponent sum).
 *
 * <p>{@link #folded}: {@code FoldedProduct}'s iterated product (k ≥ 3 variable factors, the
 * constants folded into ±C·2^E) in the same parts, its gates in its build order: the product
 * (C, where C ≠ 1, one more factor of C.bitLength() bits read from the constant wires), the
 * parity and, for a negative constant, its NOT (section 2 of part 13), the biased exponents, their
 * sum, and for E ≠ 0 part 20, the adder of that sum and E over
 * W_E = width(E ± k·2^q) bits; then the rounding.
 *
 * <p>What a query reads: {@code int-prod}'s advice (the primes, M, its cofactors) and its O(√q)
 * generator and discrete-logarithm searches; everything else is O(log n)-bit arithmetic (a
 * folded member also reads its constant C, E and sign, fixed by the program).
 */
final class FpProdFamily extends RoundedFamily {
  private static final int BIAS = ProdFamily.PARTS;
  private static final int ESUM = BIAS + 1;
  private static final int EADD = BIAS + 2;
  private static final int PARITY = BIAS + 3;
  private static final int ROUND = BIAS + 4;
  private static final int PARTS = ROUND + RoundingPart.PARTS;
  private static final int CADD = PARTS;

  /** FoldedProduct's constant; null for fp-prod. */
  private final FoldedConstant constant;
  private final AdderStage cadd;

  private final int n;
  private final int p;
  private final int q;
  private final ProdFamily prod;
  private final Parts parts;
  private final SumStages esum;
  private final AdderStage eadd;
  private final RoundingPart round;

  FpProdFamily(String describe, int n, int p, int q) {
    this(describe, n, p, q, null);
  }

  /**
   * {@code FoldedProduct} of k ≥ 3 variable factors (ports x0..x(k−1)) in F_p with q exponent
   * bits and the folded constant c.
   */
  static FpProdFamily folded(String describe, int k, int p, int q, FoldedConstant c) {
    if (k < 3) {
      throw new IllegalArgumentException("FoldedProduct multiplies by Chinese remaindering from "
          + "3 variable factors, got " + k);
    }
    return new FpProdFamily(describe, k, p, q, c);
  }

  /** The family of a program's {@link OpKind#ITERATED_PRODUCT} operation, ports in operand order. */
  static FpProdFamily of(ProgramOp op) {
    if (op.kind() != OpKind.ITERATED_PRODUCT) {
      throw new IllegalArgumentException("operation " + op.index() + " is a " + op.kind().label()
          + ", not an iterated product");
    }
    List<FloatP> constants = op.operands().stream().filter(ProgramValue::isConstant)
        .map(ProgramValue::constant).toList();
    FoldedConstant c = FoldedConstant.of(constants);
    int k = op.operands().size() - constants.size();
    FloatFormat f = op.format();
    return folded("product of " + k + " in " + f + " by " + (c.negative() ? "−" : "") + c.c()
        + "·2^" + c.exponent(), k, f.p(), f.q(), c);
  }

  private FpProdFamily(String describe, int n, int p, int q, FoldedConstant constant) {
    super(describe, constant == null ? PARTS : CADD + 1);
    if (n < 2) {
      throw new IllegalArgumentException("fp-prod needs --arity 2 or more (one factor is the "
          + "input itself), got " + n);
    }
    if (q + Stage.bitLength(n) > 60) {
      throw new IllegalArgumentException("fp-prod needs n·2^q below 2^60, got q = " + q
          + ", n = " + n);
    }
    this.n = n;
    this.p = p;
    this.q = q;
    this.constant = constant;
    BigInteger factor = constant == null ? null : constant.factor();
    long shift = (long) n << q;
    int ew = RoundingPart.signedWidth(-shift, shift) + 1;
    long e = constant == null ? 0 : constant.exponent();
    int cw = RoundingPart.signedWidth(e - shift, e + shift) + 1;
    long w = (long) n * p + (factor == null ? 0 : factor.bitLength());
    if (w > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("fp-prod: a product of " + w + " bits is too wide");
    }
    long l = Stage.bitLength(n);
    long sumCols = q + 1 + 3 * l + 8;
    long need = Math.max(Math.max(RoundingPart.fieldNeed(p, q, (int) w, cw), sumCols), n + 2L);
    this.prod = new ProdFamily(describe, n, p, factor, p + q + 2, 5, need,
        Math.max(need, Math.max(4 * l * l, 16)));
    this.parts = prod.parts();
    this.esum = new SumStages(parts.layout(ESUM, 0), new BiasedExponents(), n);
    long minus = -shift & (ew >= 64 ? -1L : (1L << ew) - 1);
    this.eadd = new AdderStage(parts.layout(EADD, 0), new Pairs(ew,
        i -> i < esum.width() ? esum.bit((int) i) : parts.const0(),
        i -> constantBit(minus, i)));
    // Signed.add(sum, E, W_E): the sum sign-extended from its W_e bits.
    this.cadd = e == 0 ? null : new AdderStage(parts.layout(CADD, 0), new Pairs(cw,
        i -> eadd.sumBit((int) Math.min(i, ew - 1)),
        i -> constantBit(e & (cw >= 64 ? -1L : (1L << cw) - 1), i)));
    LongUnaryOperator exponent = cadd == null ? i -> eadd.sumBit((int) i)
        : i -> cadd.sumBit((int) i);
    long sign = constant != null && constant.negative() ? at(PARITY, 2, 0, 0)
        : at(PARITY, 1, 0, 0);
    this.round = new RoundingPart(parts, ROUND, p, q, (int) w, i -> prod.output((int) i),
        cadd == null ? ew : cw, exponent, sign);
  }

  /** Bit i of the two's complement word v, as const0/const1. */
  private long constantBit(long v, long i) {
    return (i < 63 ? (v >>> i & 1) != 0 : v < 0) ? parts.const1() : parts.const0();
  }

  private boolean negated() {
    return constant != null && constant.negative();
  }

  private long at(int part, int sec, long a, long b) {
    return parts.at(part, 0, sec, a, b);
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  /** Column c of Σ_i (e_i + 2^q): bit c of every biased exponent, operand 0 first. */
  private final class BiasedExponents implements Columns {
    @Override
    public boolean flat() {
      return true;
    }

    @Override
    public int count() {
      return q + 1;
    }

    @Override
    public long height(int c) {
      return c >= 0 && c <= q ? n : 0;
    }

    @Override
    public long entry(int c, long e) {
      return c < q ? input(p + c, e) : at(BIAS, 0, 0, e);
    }

    @Override
    public long indexOf(int c, long address) {
      long e = parts.b(address);
      return c >= 0 && c <= q && e < n && entry(c, e) == address ? e : -1;
    }
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  private int countBits() {
    return Stage.bitLength(n);
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (part < ProdFamily.PARTS) {
      return prod.decode(address);
    }
    if (round.owns(part)) {
      return round.gate(address, part, j, sec, a, b);
    }
    requireNoIndex(part, j);
    if (part == CADD) {
      if (cadd == null) {
        throw new IllegalArgumentException("no part " + CADD + ": E = 0 adds nothing");
      }
      return parts.adderGate(cadd, part, 0, address);
    }
    return switch (part) {
      case BIAS -> {
        if (sec != 0 || a != 0 || b >= n) {
          throw new IllegalArgumentException("biased exponents: section 0, a = 0, b < " + n
              + "; not " + sec + ", " + a + ", " + b);
        }
        yield Gate.of(address, NOT, input(p + q, b));
      }
      case ESUM -> parts.sumGate(esum, part, 0, address);
      case EADD -> parts.adderGate(eadd, part, 0, address);
      default -> parity(address, sec, a, b);
    };
  }

  private Gate parity(long address, int sec, long a, long b) {
    if (sec == 0 && a >= 1 && a <= n && b == 0) {
      return new Gate(address, THRESHOLD, n, a, e -> input(p + q + 1, e), e -> 1);
    }
    if (sec == 1 && a < countBits() && b == 0) {
      long step = 1L << a;
      return new Gate(address, THRESHOLD, (int) (n / step), 1,
          r -> at(PARITY, 0, (r + 1) * step, 0), r -> r % 2 == 0 ? 1 : -1);
    }
    if (sec == 2 && a == 0 && b == 0 && negated()) {
      return Gate.of(address, NOT, at(PARITY, 1, 0, 0));
    }
    throw new IllegalArgumentException("parity: section 0 (a = 1.." + n + ") or 1 (a < "
        + countBits() + ")" + (negated() ? " or 2 (the NOT, a = 0)" : "") + ", b = 0; not "
        + sec + ", " + a + ", " + b);
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (part < ProdFamily.PARTS) {
      return prod.inputIndex(g, h);
    }
    if (round.owns(part)) {
      return round.inputIndex(gate, part, g, h);
    }
    return switch (part) {
      case ESUM -> parts.inputIndex(esum, null, g, h);
      case EADD -> parts.inputIndex(null, eadd, g, h);
      case CADD -> parts.inputIndex(null, cadd, g, h);
      case PARITY -> {
        if (parts.section(g) == 2) {
          yield Stage.scan(gate, h);
        }
        if (parts.section(g) == 0) {
          long i = parts.b(h);
          yield i < n && h == input(p + q + 1, i) ? (int) i : -1;
        }
        long step = 1L << parts.a(g);
        long v = parts.a(h);
        yield h == at(PARITY, 0, v, 0) && v % step == 0 && v / step >= 1
            && v / step <= gate.fanIn() ? (int) (v / step - 1) : -1;
      }
      default -> Stage.scan(gate, h);
    };
  }

  @Override
  public long gateCount() {
    return prod.gateCount() + n + esum.gateCount() + eadd.gateCount() + n + countBits()
        + (negated() ? 1 : 0) + (cadd == null ? 0 : cadd.gateCount()) + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    prod.forEachLeaf(sink);
    if (constant == null) { // FpOps.product: the biased exponents first
      biased(sink);
      prod.forEachGate(sink);
      esum.forEach(sink);
      eadd.forEach(sink);
      parity(sink);
    } else { // FoldedProduct: the significands, the sign, then the exponent
      prod.forEachGate(sink);
      parity(sink);
      biased(sink);
      esum.forEach(sink);
      eadd.forEach(sink);
      if (cadd != null) {
        cadd.forEach(sink);
      }
    }
    round.forEach(sink);
  }

  private void biased(LongConsumer sink) {
    for (long i = 0; i < n; i++) {
      sink.accept(at(BIAS, 0, 0, i));
    }
  }

  private void parity(LongConsumer sink) {
    for (long v = 1; v <= n; v++) {
      sink.accept(at(PARITY, 0, v, 0));
    }
    for (long k = 0; k < countBits(); k++) {
      sink.accept(at(PARITY, 1, k, 0));
    }
    if (negated()) {
      sink.accept(at(PARITY, 2, 0, 0));
    }
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> prod.sample(rnd);
      case 2 -> rnd.nextBoolean() ? at(BIAS, 0, 0, rnd.nextInt(n)) : esum.sample(rnd);
      case 3 -> cadd != null && rnd.nextInt(3) == 0 ? cadd.sample(rnd)
          : rnd.nextBoolean() ? eadd.sample(rnd)
          : rnd.nextBoolean() ? at(PARITY, 0, 1 + rnd.nextInt(n), 0)
          : at(PARITY, 1, rnd.nextInt(countBits()), 0);
      default -> round.sample(rnd);
    };
  }
}
