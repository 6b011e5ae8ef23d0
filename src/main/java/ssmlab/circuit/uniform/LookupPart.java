package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatP;

/**
 * lookup ({@code WireAlgebra.lookup}): the value of the key equal to x's bus, by
 * {@code Encoder.lookup}. One part, the n keys and values as advice (constants of the program,
 * n · (width of x + width of a value) bits, as int-prod's primes):
 * <ul>
 *   <li>section 0: ¬x_k (a = k, b = entry v) where bit k of key v is 0;
 *   <li>section 1: hit_v = the AND over k of x_k or ¬x_k (a = 0, b = v), fan-in the width of x;
 *   <li>section 2: value bit t (a = t, b = 0) = the OR over v of hit_v, or false where bit t of
 *       value v is 0, fan-in n; no gate (output false) where no value has bit t.
 * </ul>
 */
final class LookupPart implements OpPart {
  private final Parts parts;
  private final int part;
  private final OperandBus x;
  private final int width;
  private final int valueWidth;
  private final BigInteger[] keys;
  private final BigInteger[] values;
  private final BigInteger any;
  /** Per value bit t, the first entry v whose bit t is 0 (its OR's first false input), or n. */
  private final int[] firstClear;

  LookupPart(Parts parts, int part, OperandBus x, List<FloatP> keys, List<FloatP> values) {
    this.parts = parts;
    this.part = part;
    this.x = x;
    this.width = x.width();
    this.valueWidth = FpWires.width(values.getFirst().format());
    this.keys = keys.stream().map(FpWires::encode).toArray(BigInteger[]::new);
    this.values = values.stream().map(FpWires::encode).toArray(BigInteger[]::new);
    BigInteger or = BigInteger.ZERO;
    for (BigInteger v : this.values) {
      or = or.or(v);
    }
    this.any = or;
    this.firstClear = new int[valueWidth];
    for (int t = 0; t < valueWidth; t++) {
      int v = 0;
      while (v < this.values.length && this.values[v].testBit(t)) {
        v++;
      }
      firstClear[t] = v;
    }
  }

  /** The largest field value. */
  static long need(OperandBus x, int entries, int valueWidth) {
    return Math.max(Math.max(x.width(), valueWidth), entries) + 1L;
  }

  private long at(int sec, long a, long b) {
    return parts.at(part, 0, sec, a, b);
  }

  private long hit(long v) {
    return at(1, 0, v);
  }

  /** Input k of hit_v: x_k where key v has bit k, else its NOT. */
  private long literal(long v, long k) {
    return keys[(int) v].testBit((int) k) ? x.bit().applyAsLong(k) : at(0, k, v);
  }

  @Override
  public int partCount() {
    return 1;
  }

  @Override
  public Gate gate(long address, int part, long j, int sec, long a, long b) {
    int n = keys.length;
    OpPart.require(j == 0 && sec <= 2, "lookup has sections 0..2, j = 0");
    return switch (sec) {
      case 0 -> {
        OpPart.require(b < n && a < width && !keys[(int) b].testBit((int) a),
            "¬x_k for the bits k < " + width + " that key v < " + n + " lacks, not " + a + ", "
                + b);
        yield Gate.of(address, NOT, x.bit().applyAsLong(a));
      }
      case 1 -> {
        OpPart.require(a == 0 && b < n, "hit_v for entries v < " + n + " (a = 0)");
        yield new Gate(address, AND, width, 0, k -> literal(b, k), null);
      }
      default -> {
        OpPart.require(b == 0 && a < valueWidth && any.testBit((int) a),
            "value bits t < " + valueWidth + " that some value has (b = 0)");
        yield new Gate(address, OR, n, 0,
            v -> values[v].testBit((int) a) ? hit(v) : parts.const0(), null);
      }
    };
  }

  @Override
  public int inputIndex(Gate gate, int part, long g, long h) {
    int sec = parts.section(g);
    boolean mine = parts.part(h) == part && parts.j(h) == 0;
    if (sec == 1) {
      long v = parts.b(g);
      long k = mine && parts.section(h) == 0 && parts.b(h) == v ? parts.a(h) : x.indexOf(h);
      return Stage.checked(gate, h, k);
    }
    if (sec == 2) {
      long t = parts.a(g);
      long v = h == parts.const0() ? firstClear[(int) t]
          : mine && parts.section(h) == 1 ? parts.b(h) : -1;
      return Stage.checked(gate, h, v);
    }
    return Stage.scan(gate, h);
  }

  @Override
  public void forEach(LongConsumer sink) {
    for (int v = 0; v < keys.length; v++) {
      for (int k = 0; k < width; k++) {
        if (!keys[v].testBit(k)) {
          sink.accept(at(0, k, v));
        }
      }
      sink.accept(hit(v));
    }
    for (int t = 0; t < valueWidth; t++) {
      if (any.testBit(t)) {
        sink.accept(at(2, t, 0));
      }
    }
  }

  @Override
  public long gateCount() {
    long count = any.bitCount();
    for (BigInteger k : keys) {
      count += width - k.bitCount() + 1;
    }
    return count;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      return hit(rnd.nextInt(keys.length));
    }
    int t = rnd.nextInt(valueWidth);
    return any.testBit(t) ? at(2, t, 0) : hit(0);
  }

  @Override
  public int outputBits() {
    return valueWidth;
  }

  @Override
  public long output(int i) {
    return any.testBit(i) ? at(2, i, 0) : parts.const0();
  }
}
