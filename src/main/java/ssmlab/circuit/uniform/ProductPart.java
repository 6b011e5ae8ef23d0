package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * {@code Multiplication.multiply} of an a-bit and a b-bit bus in part {@code part}: the partial
 * products u_i ∧ v_k (section 2, a = i, b = k, i-major), then {@code sumColumns} (a stage left
 * out where the columns are at most two high); the product is resized to a + b bits.
 */
final class ProductPart implements Columns {
  private final Parts parts;
  private final int part;
  private final int wu;
  private final LongUnaryOperator u;
  private final int wv;
  private final LongUnaryOperator v;
  private final SumStages sum;

  ProductPart(Parts parts, int part, int wu, LongUnaryOperator u, int wv, LongUnaryOperator v) {
    this.parts = parts;
    this.part = part;
    this.wu = wu;
    this.u = u;
    this.wv = wv;
    this.v = v;
    this.sum = new SumStages(parts.layout(part, 0), this, Math.min(wu, wv),
        Math.min(wu, wv) - 1, false);
  }

  long bit(long i) {
    return i < sum.width() ? sum.bit((int) i) : parts.const0();
  }

  Gate gate(long address, int sec, long a, long b) {
    if (sec == Section.PRODUCT.ordinal()) {
      if (a >= wu || b >= wv) {
        throw new IllegalArgumentException("partial products of bits 0.." + (wu - 1)
            + " and 0.." + (wv - 1) + ", not " + a + ", " + b);
      }
      return Gate.of(address, AND, u.applyAsLong(a), v.applyAsLong(b));
    }
    return parts.sumGate(sum, part, 0, address);
  }

  /** {@link Stage#inputIndex} of gate g (answered as {@code gate}) of this part. */
  int inputIndex(Gate gate, int sec, long g, long h) {
    return sec == Section.PRODUCT.ordinal() ? Stage.scan(gate, h)
        : parts.inputIndex(sum, null, g, h);
  }

  void forEach(LongConsumer sink) {
    for (int i = 0; i < wu; i++) {
      for (int k = 0; k < wv; k++) {
        sink.accept(parts.at(part, 0, Section.PRODUCT.ordinal(), i, k));
      }
    }
    sum.forEach(sink);
  }

  long gateCount() {
    return (long) wu * wv + sum.gateCount();
  }

  long sample(SplittableRandom rnd) {
    return rnd.nextBoolean()
        ? parts.at(part, 0, Section.PRODUCT.ordinal(), rnd.nextInt(wu), rnd.nextInt(wv))
        : sum.sample(rnd);
  }

  @Override
  public int count() {
    return wu + wv;
  }

  @Override
  public long height(int c) {
    return c < 0 || c > wu + wv - 2 ? 0
        : Math.min(c, wu - 1) - Math.max(0, c - wv + 1) + 1;
  }

  @Override
  public long entry(int c, long e) {
    long i = Math.max(0, c - wv + 1) + e;
    return parts.at(part, 0, Section.PRODUCT.ordinal(), i, c - i);
  }

  @Override
  public long indexOf(int c, long address) {
    long i = parts.a(address);
    long k = parts.b(address);
    return parts.part(address) == part && parts.j(address) == 0
        && parts.section(address) == Section.PRODUCT.ordinal() && i < wu && k < wv
        && i + k == c ? i - Math.max(0, c - wv + 1) : -1;
  }
}
