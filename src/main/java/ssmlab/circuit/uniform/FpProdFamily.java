package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.THRESHOLD;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

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
 * <p>What a query reads: {@code int-prod}'s advice (the primes, M, its cofactors) and its O(√q)
 * generator and discrete-logarithm searches; everything else is O(log n)-bit arithmetic.
 */
final class FpProdFamily extends RoundedFamily {
  private static final int BIAS = ProdFamily.PARTS;
  private static final int ESUM = BIAS + 1;
  private static final int EADD = BIAS + 2;
  private static final int PARITY = BIAS + 3;
  private static final int ROUND = BIAS + 4;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final int n;
  private final int p;
  private final int q;
  private final ProdFamily prod;
  private final Parts parts;
  private final SumStages esum;
  private final AdderStage eadd;
  private final RoundingPart round;

  FpProdFamily(String describe, int n, int p, int q) {
    super(describe, PARTS);
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
    long shift = (long) n << q;
    int ew = RoundingPart.signedWidth(-shift, shift) + 1;
    long w = (long) n * p;
    if (w > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("fp-prod: a product of " + w + " bits is too wide");
    }
    long l = Stage.bitLength(n);
    long sumCols = q + 1 + 3 * l + 8;
    long need = Math.max(Math.max(RoundingPart.fieldNeed(p, q, (int) w, ew), sumCols), n + 2L);
    this.prod = new ProdFamily(describe, n, p, p + q + 2, 5, need,
        Math.max(need, Math.max(4 * l * l, 16)));
    this.parts = prod.parts();
    this.esum = new SumStages(parts.layout(ESUM, 0), new BiasedExponents(), n);
    long minus = -shift & (ew >= 64 ? -1L : (1L << ew) - 1);
    this.eadd = new AdderStage(parts.layout(EADD, 0), new Pairs(ew,
        i -> i < esum.width() ? esum.bit((int) i) : parts.const0(),
        i -> (i < 63 ? (minus >>> i & 1) != 0 : minus < 0) ? parts.const1() : parts.const0()));
    this.round = new RoundingPart(parts, ROUND, p, q, (int) w, i -> prod.output((int) i), ew,
        i -> eadd.sumBit((int) i), at(PARITY, 1, 0, 0));
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
    throw new IllegalArgumentException("parity: section 0 (a = 1.." + n + ") or 1 (a < "
        + countBits() + "), b = 0; not " + sec + ", " + a + ", " + b);
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
      case PARITY -> {
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
        + round.gateCount();
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    prod.forEachLeaf(sink);
    for (long i = 0; i < n; i++) {
      sink.accept(at(BIAS, 0, 0, i));
    }
    prod.forEachGate(sink);
    esum.forEach(sink);
    eadd.forEach(sink);
    for (long v = 1; v <= n; v++) {
      sink.accept(at(PARITY, 0, v, 0));
    }
    for (long k = 0; k < countBits(); k++) {
      sink.accept(at(PARITY, 1, k, 0));
    }
    round.forEach(sink);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> prod.sample(rnd);
      case 2 -> rnd.nextBoolean() ? at(BIAS, 0, 0, rnd.nextInt(n)) : esum.sample(rnd);
      case 3 -> rnd.nextBoolean() ? eadd.sample(rnd)
          : rnd.nextBoolean() ? at(PARITY, 0, 1 + rnd.nextInt(n), 0)
          : at(PARITY, 1, rnd.nextInt(countBits()), 0);
      default -> round.sample(rnd);
    };
  }
}
