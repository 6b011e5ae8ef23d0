package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;
import static ssmlab.circuit.GateType.THRESHOLD;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.tc0.Residues;

/**
 * int-prod: the product of N m-bit numbers by Chinese remaindering, gate for gate as
 * {@code IteratedMultiplication.product} builds it in a verbatim builder. For
 * {@code FoldedProduct} the last of the N factors may be a constant C of its own width (its
 * bits the constant wires; its residue thresholds and dlog table by that width; a Λ column
 * holds the ports' bits where their table has the bit, then C's where C's has it).
 *
 * <p>Address = ((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b: a 4-bit part, the prime's
 * index j, then the section and fields of {@link Layout}. Parts, in build order (per prime q_j
 * where there is a j):
 * <ol start="0">
 *   <li>leaves: constants and input bits (as {@link LeafStage});
 *   <li>residues of operand i (b = i): 0 T_v = [Σ_e (2^e mod q)·x_i[e] ≥ v], 1 the one-hot
 *       E_v = [T_v − T_{v+1} ≥ 1], 2 R_ρ = OR_{v ≡ ρ} E_v, 3 bit t of dlog(x_i mod q), the OR of
 *       all R_r, R_r replaced by false where r = 0, r is above the reach Σ_e (2^e mod q) or
 *       bit t of dlog r is 0; no gate where that leaves only false (a = v, ρ or t);
 *   <li>Λ = Σ_i dlog x_i by iterated addition (the sections of {@link Section});
 *   <li>0 NOT of bit i of Λ (a = v, b = i), 1 [Λ = v], 2 [Λ ≡ ρ mod q−1], 3 any x_i ≡ 0,
 *       4 its negation, 5 P_r = [Π x_i ≡ r] = ¬any ∧ [Λ ≡ dlog r] (a = r);
 *   <li>the CRT lookups, with A = r·u_j mod q (u_j = (M/q_j)^{−1} mod q_j): 0 bit i of
 *       γ_j = (M/q_j)·A, 1 bit i of ⌊A·2^F/q⌋, each the OR of P_r (P_0 = any) or false;
 *   <li>Ŝ = Σ_j ⌊A_j 2^F/q_j⌋ + 2^{F−2} (iterated addition);
 *   <li>[t = v] for t = ⌊Ŝ/2^F⌋: 0 NOT (a = v, b = i), 1 AND (a = v);
 *   <li>Σ_j γ_j (iterated addition);
 *   <li>0 bit i of t·M (lookup on [t = v]), 1 its NOT;
 *   <li>the adder of Σ γ_j + ¬(t·M) + 1, whose low N·m bits are the product.
 * </ol>
 * A lookup bit that no table entry has is the constant false (no gate): where {@code γ_j} or
 * t·M lacks bit i, decided by {@link Crt#someMultipleHasBit}.
 *
 * <p>What a query computes and what it reads: index arithmetic, 2^e mod q, inverses, A, the
 * fractions and the dlog-sum fields take O(log n)-bit arithmetic (polylog); the generator and
 * discrete logs take O(√q) (see {@link Crt}); the prime q_j, M = Π q_j and the heights of the
 * columns of Σ γ_j are read from advice of O(n log n) bits computed once per member (polynomial
 * time: the P-uniform part); a bit of M/q_j costs a division, O(n/w) word operations, and an
 * entry of a Σ γ_j column a scan over the primes, O(k·n/w).
 */
final class ProdFamily implements AddressedFamily {
  private static final int LEAF = 0;
  private static final int RES = 1;
  private static final int DLSUM = 2;
  private static final int LAM = 3;
  private static final int LOOK = 4;
  /** The number of parts; a family built on this one numbers its own parts from here. */
  static final int PARTS = 10;

  private final String describe;
  /** The factors: the ports, then the constant factor where there is one. */
  private final int n;
  private final int ports;
  private final int m;
  /** FoldedProduct's constant factor C (its bits are constant wires), or null. */
  private final BigInteger constant;
  private final int[] primes;
  private final int wj;
  private final Layout base;
  private final Parts parts;
  private final LeafStage leaves;
  private final Reconstruction crt;

  ProdFamily(String describe, int n, int m) {
    this(describe, n, m, m, 4, 0, 0);
  }

  /**
   * The product of the low m bits of n operands of {@code busWidth} bits each (fp-prod: the
   * significands of its floats), with {@code partBits} bits of part so that a family can add
   * parts after {@link #PARTS}, and fields wide enough for {@code needA} and {@code needB}.
   */
  ProdFamily(String describe, int n, int m, int busWidth, int partBits, long needA,
      long needB) {
    this(describe, n, m, null, busWidth, partBits, needA, needB);
  }

  /**
   * The same with one more factor after the ports, the constant C of C.bitLength() bits read
   * from the constant wires ({@code FoldedProduct}'s C ≠ 1); null for none.
   */
  ProdFamily(String describe, int ports, int m, BigInteger constant, int busWidth, int partBits,
      long needA, long needB) {
    this.describe = describe;
    this.ports = ports;
    this.n = ports + (constant == null ? 0 : 1);
    this.m = m;
    this.constant = constant;
    this.primes = n < 2 ? new int[0] : Residues.primesFor(ports * m + constantWidth());
    int k = primes.length;
    this.wj = Math.max(1, Stage.bitLength(k));
    long qMax = k == 0 ? 3 : primes[k - 1];
    // Field a: thresholds v ≤ m(q−1), values Λ ≤ N(q−2), residues r < q, and the CRT's columns;
    // field b: operands, heights, block sums (< 4L²), the adder's terms, bit indices.
    long[] crtNeeds = Reconstruction.fieldNeeds(primes);
    long l2 = Stage.bitLength(Math.max(n, k + 1L));
    long widest = Math.max(m, constantWidth());
    long maxA = Math.max(Math.max(Math.max(widest * qMax, (long) n * qMax), crtNeeds[0]),
        Math.max(needA, busWidth));
    long maxB = Math.max(Math.max(n, 4 * l2 * l2), Math.max(crtNeeds[1], needB));
    Layout l = Layout.forMax(maxA, maxB);
    if (partBits + wj + l.bits() > 63) {
      throw new IllegalArgumentException(describe + " needs addresses of "
          + (partBits + wj + l.bits()) + " bits, more than 63");
    }
    this.base = l;
    this.parts = new Parts(l, wj, partBits);
    this.leaves = new LeafStage(l, ports, busWidth, false);
    this.crt = k == 0 ? null
        : new Reconstruction(parts, LOOK, primes, this::residueOfProduct, outputBits());
  }

  private int constantWidth() {
    return constant == null ? 0 : constant.bitLength();
  }

  /** The bits of factor i. */
  private int width(long i) {
    return i < ports ? m : constantWidth();
  }

  /** Bit e of factor i: an input, or a constant wire for C. */
  private long factorBit(long i, long e) {
    return i < ports ? base.address(Section.INPUT, e, i)
        : constant.testBit((int) e) ? parts.const1() : parts.const0();
  }

  // ---- addresses ----

  private Layout layout(int part, long j) {
    return parts.layout(part, j);
  }

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(part, j, sec, a, b);
  }

  private long const0() {
    return parts.const0();
  }

  /** The iterated addition Λ = Σ_i dlog x_i of prime j, set up on demand (O(log² n) work). */
  private SumStages dlSum(int j) {
    Logs logs = new Logs(j);
    return new SumStages(layout(DLSUM, j), logs, logs.maxHeight());
  }

  /**
   * The bits t with bit t of dlog r set for some residue r ≥ 1 that a weighted sum of m bits
   * reaches: all t &lt; dlBits(q) when every residue is reached (dlog takes every value
   * 0..q−2); else the OR of dlog r over r = 1..reach (&lt; 2^m), stopping once every bit is
   * seen, which random-looking logarithms do after a few residues.
   */
  private static long dlogMask(int q, int m) {
    long full = (1L << dlBits(q)) - 1;
    long reach = Residues.reach(m, q);
    if (reach >= q - 1) {
      return full;
    }
    long g = Crt.generator(q);
    long mask = 0;
    for (long r = 1; r <= reach && mask != full; r++) {
      mask |= Crt.log(r, g, q);
    }
    return mask;
  }

  private static boolean dlogBitPresent(int q, int m, int t) {
    return t < dlBits(q) && (dlogMask(q, m) >>> t & 1) != 0;
  }

  private static int dlBits(int q) {
    return Math.max(1, Stage.bitLength(q - 2));
  }

  /** Σ_e (2^e mod q) over m input bits. */
  private static long smax(int q, int m) {
    long s = 0;
    for (int e = 0; e < m; e++) {
      s += Crt.pow(2, e, q);
    }
    return s;
  }

  /** P_r of prime j: [Π x_i ≡ r (mod q_j)]; P_0 is "some x_i ≡ 0". */
  private long residueOfProduct(long j, long r) {
    return r == 0 ? at(LAM, j, 3, 0, 0) : at(LAM, j, 5, r, 0);
  }

  // ---- the family ----

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public int addressBits() {
    return parts.bits();
  }

  /** The address format (fp-prod adds parts in it). */
  Parts parts() {
    return parts;
  }

  @Override
  public int[] fieldBits() {
    return new int[] {base.widthA(), base.widthB()};
  }

  @Override
  public Gate gate(long address) {
    try {
      return decode(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": " + e.getMessage(), e);
    }
  }

  /** The gate at an address of parts 0..PARTS−1; refusals without the member's name. */
  Gate decode(long address) {
    if (address < 0) {
      throw new IllegalArgumentException("negative");
    }
    int inner = base.bits();
    long top = address >>> inner;
    int part = (int) (top >>> wj);
    long j = top & ((1L << wj) - 1);
    int sec = (int) (address >>> base.widthA() + base.widthB()) & ((1 << Section.BITS) - 1);
    long a = base.a(address);
    long b = base.b(address);
    if (part >= PARTS || (part == LEAF ? j != 0 : primes.length == 0)) {
      throw new IllegalArgumentException("no part " + part + (part < PARTS ? " in this member"
          : ""));
    }
    if (crt != null && crt.owns(part)) {
      return crt.gate(address, part, j, sec, a, b);
    }
    if (part != LEAF ? j >= primes.length : j != 0) {
      throw new IllegalArgumentException("no prime index " + j + " (" + primes.length
          + " primes)");
    }
    return switch (part) {
      case LEAF -> {
        Section s = base.section(address);
        if (s != Section.CONST && s != Section.INPUT) {
          throw new IllegalArgumentException("leaves are constants and inputs only");
        }
        yield leaves.gate(address, s, a, b);
      }
      case RES -> residue(address, (int) j, sec, a, b);
      case LAM -> lambda(address, (int) j, sec, a, b);
      default -> parts.sumGate(dlSum((int) j), DLSUM, j, address);
    };
  }

  private static IllegalArgumentException none(String what) {
    return new IllegalArgumentException(what);
  }

  private Gate residue(long address, int j, int sec, long a, long i) {
    int q = primes[j];
    if (i >= n) {
      throw none("residues of operands 0.." + (n - 1) + ", not " + i);
    }
    int m = width(i);
    long smax = smax(q, m);
    return switch (sec) {
      case 0 -> {
        if (a < 1 || a > smax) {
          throw none("residue thresholds 1.." + smax + ", not " + a);
        }
        yield new Gate(address, THRESHOLD, m, a, e -> factorBit(i, e), e -> Crt.pow(2, e, q));
      }
      case 1 -> {
        if (a >= smax) {
          throw none("residue one-hot 0.." + (smax - 1) + ", not " + a);
        }
        long lo = a == 0 ? parts.const1() : at(RES, j, 0, a, i);
        long hi = at(RES, j, 0, a + 1, i);
        yield new Gate(address, THRESHOLD, 2, 1, e -> e == 0 ? lo : hi, e -> e == 0 ? 1 : -1);
      }
      case 2 -> {
        if (a >= q) {
          throw none("residues 0.." + (q - 1) + ", not " + a);
        }
        int fanIn = a <= smax ? (int) ((smax - a) / q + 1) : 0;
        yield new Gate(address, OR, fanIn, 0, e -> {
          long v = a + (long) e * q;
          return v < smax ? at(RES, j, 1, v, i) : at(RES, j, 0, smax, i);
        }, null);
      }
      case 3 -> {
        if (a >= dlBits(q)) {
          throw none("dlog bits 0.." + (dlBits(q) - 1) + ", not " + a);
        }
        if (!dlogBitPresent(q, m, (int) a)) {
          throw none("bit " + a + " of dlog is 0 at every residue a sum of " + m
              + " bits reaches: the constant false");
        }
        long g = Crt.generator(q);
        long reach = Residues.reach(m, q);
        yield new Gate(address, OR, q, 0, r -> r > 0 && r <= reach
            && (Crt.log(r, g, q) >>> a & 1) != 0 ? at(RES, j, 2, r, i) : const0(), null);
      }
      default -> throw none("residue sections 0..3, not " + sec);
    };
  }

  private Gate lambda(long address, int j, int sec, long a, long b) {
    int q = primes[j];
    long top = (long) n * (q - 2); // Λ ≤ N(q−2)
    SumStages sum = dlSum(j);
    int width = sum.width();
    long vTop = Math.min(top, (1L << width) - 1); // [Λ = v] is false beyond Λ's width
    if (sec > 1 && b != 0 || sec > 2 && sec < 5 && a != 0) {
      throw none("section " + sec + " has fields a = " + (sec == 5 ? "r" : "0") + ", b = 0");
    }
    return switch (sec) {
      case 0 -> {
        if (a > vTop || b >= width || (a >>> b & 1) != 0) {
          throw none("NOTs of the zero bits of v ≤ " + vTop + " below " + width + ", not v = "
              + a + " bit " + b);
        }
        yield Gate.of(address, NOT, sum.bit((int) b));
      }
      case 1 -> {
        if (a > vTop || b != 0) {
          throw none("[Λ = v] for v = 0.." + vTop + ", not " + a);
        }
        yield new Gate(address, AND, width, 0,
            i -> (a >>> i & 1) != 0 ? sum.bit(i) : at(LAM, j, 0, a, i), null);
      }
      case 2 -> {
        if (a >= q - 1) {
          throw none("Λ mod " + (q - 1) + " is 0.." + (q - 2) + ", not " + a);
        }
        int fanIn = a <= top ? (int) ((top - a) / (q - 1) + 1) : 0;
        yield new Gate(address, OR, fanIn, 0, e -> {
          long v = a + (long) e * (q - 1);
          return v <= vTop ? at(LAM, j, 1, v, 0) : const0();
        }, null);
      }
      case 3 -> new Gate(address, OR, n, 0, i -> at(RES, j, 2, 0, i), null);
      case 4 -> Gate.of(address, NOT, at(LAM, j, 3, 0, 0));
      case 5 -> {
        if (a < 1 || a >= q) {
          throw none("P_r for r = 1.." + (q - 1) + ", not " + a);
        }
        long g = Crt.generator(q);
        yield Gate.of(address, AND, at(LAM, j, 4, 0, 0), at(LAM, j, 2, Crt.log(a, g, q), 0));
      }
      default -> throw none("sections 0..5, not " + sec);
    };
  }

  /**
   * The iterated additions and the final adder answer by their own arithmetic (as for the other
   * families); the gates of the residue, Λ and lookup parts compare their inputs one by one.
   */
  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (crt != null && crt.owns(part)) {
      return crt.inputIndex(gate, part, g, h);
    }
    return part == DLSUM ? parts.inputIndex(dlSum((int) parts.j(g)), null, g, h)
        : Stage.scan(gate, h);
  }

  // ---- enumeration ----

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    forEachGate(sink);
  }

  /** The leaves' addresses: constants, then the operands' bits. */
  void forEachLeaf(LongConsumer sink) {
    leaves.forEach(sink);
  }

  /** The addresses after the leaves, in build order. */
  void forEachGate(LongConsumer sink) {
    int k = primes.length;
    for (int j = 0; j < k; j++) {
      int q = primes[j];
      for (int i = 0; i < n; i++) {
        long smax = smax(q, width(i));
        long logMask = dlogMask(q, width(i));
        for (long v = 1; v <= smax; v++) {
          sink.accept(at(RES, j, 0, v, i));
        }
        for (long v = 0; v < smax; v++) {
          sink.accept(at(RES, j, 1, v, i));
        }
        for (long r = 0; r < q; r++) {
          sink.accept(at(RES, j, 2, r, i));
        }
        for (int t = 0; t < dlBits(q); t++) {
          if ((logMask >>> t & 1) != 0) {
            sink.accept(at(RES, j, 3, t, i));
          }
        }
      }
      SumStages dl = dlSum(j);
      dl.forEach(sink);
      int width = dl.width();
      for (long v = 0; v <= Math.min((long) n * (q - 2), (1L << width) - 1); v++) {
        for (int i = 0; i < width; i++) {
          if ((v >>> i & 1) == 0) {
            sink.accept(at(LAM, j, 0, v, i));
          }
        }
        sink.accept(at(LAM, j, 1, v, 0));
      }
      for (long rho = 0; rho < q - 1; rho++) {
        sink.accept(at(LAM, j, 2, rho, 0));
      }
      sink.accept(at(LAM, j, 3, 0, 0));
      sink.accept(at(LAM, j, 4, 0, 0));
      for (long r = 1; r < q; r++) {
        sink.accept(at(LAM, j, 5, r, 0));
      }
    }
    if (k > 0) {
      crt.forEach(sink);
    }
  }

  @Override
  public long gateCount() {
    long total = leaves.gateCount();
    int k = primes.length;
    for (int j = 0; j < k; j++) {
      int q = primes[j];
      for (int i = 0; i < n; i++) {
        total += 2 * smax(q, width(i)) + q + Long.bitCount(dlogMask(q, width(i)));
      }
      SumStages dl = dlSum(j);
      total += dl.gateCount();
      int width = dl.width();
      long top = Math.min((long) n * (q - 2), (1L << width) - 1);
      total += (top + 1) * (width + 1) - onesUpTo(top) + (q - 1) + 2 + (q - 1);
    }
    return k == 0 ? total : total + crt.gateCount();
  }

  /** Σ_{v=0}^{x} popcount(v): per bit i, full periods of 2^{i+1} give 2^i ones each. */
  static long onesUpTo(long x) {
    long total = 0;
    for (int i = 0; i < 63 && x >>> i > 0; i++) {
      long period = 1L << i + 1;
      long full = (x + 1) / period;
      total += full << i;
      total += Math.max(0, (x + 1) % period - (1L << i));
    }
    return total;
  }

  @Override
  public int outputBits() {
    return ports * m + constantWidth();
  }

  @Override
  public long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits());
    }
    return primes.length == 0 ? base.address(Section.INPUT, i, 0) : crt.bit(i);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    int k = primes.length;
    if (k == 0) {
      return leaves.sample(rnd);
    }
    int j = rnd.nextInt(k);
    int q = primes[j];
    long top = (long) n * (q - 2);
    return switch (rnd.nextInt(5)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> {
        int i = rnd.nextInt(n);
        int m = width(i);
        yield switch (rnd.nextInt(4)) {
          case 0 -> at(RES, j, 0, 1 + rnd.nextLong(smax(q, m)), i);
          case 1 -> at(RES, j, 1, rnd.nextLong(smax(q, m)), i);
          case 2 -> at(RES, j, 2, rnd.nextInt(q), i);
          default -> {
            int t;
            long mask = dlogMask(q, m);
            do {
              t = rnd.nextInt(dlBits(q));
            } while ((mask >>> t & 1) == 0);
            yield at(RES, j, 3, t, i);
          }
        };
      }
      case 2 -> dlSum(j).sample(rnd);
      case 3 -> switch (rnd.nextInt(3)) {
        case 0 -> at(LAM, j, 1, rnd.nextLong(Math.min(top, (1L << dlSum(j).width()) - 1) + 1),
            0);
        case 1 -> at(LAM, j, 2, rnd.nextInt(q - 1), 0);
        default -> at(LAM, j, 5, 1 + rnd.nextInt(q - 1), 0);
      };
      default -> crt.sample(rnd);
    };
  }

  // ---- the columns of the dlog sum ----

  /**
   * Column t holds bit t of dlog x_i (mod q_j) of every factor i whose lookup table has that bit,
   * in factor order: the ports (one mask, m bits each), then the constant factor (its own).
   */
  private final class Logs implements Columns {
    private final int j;
    private final int q;
    private final long portMask;
    private final long constantMask;

    Logs(int j) {
      this.j = j;
      this.q = primes[j];
      this.portMask = dlogMask(q, m);
      this.constantMask = constant == null ? 0 : dlogMask(q, constantWidth());
    }

    private long ports(int c) {
      return (portMask >>> c & 1) != 0 ? ports : 0;
    }

    @Override
    public boolean flat() {
      for (int c = 1; c < count(); c++) {
        if (height(c) != height(0)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int count() {
      return dlBits(q);
    }

    @Override
    public long height(int c) {
      return c >= 0 && c < count() ? ports(c) + (constantMask >>> c & 1) : 0;
    }

    /** The tallest column. */
    long maxHeight() {
      long h = 0;
      for (int c = 0; c < count(); c++) {
        h = Math.max(h, height(c));
      }
      return h;
    }

    @Override
    public long entry(int c, long e) {
      return at(RES, j, 3, c, e < ports(c) ? e : ports);
    }

    @Override
    public long indexOf(int c, long address) {
      long i = base.b(address);
      long e = i < ports ? i : i == ports ? ports(c) : -1;
      return e >= 0 && e < height(c) && address == entry(c, e) ? e : -1;
    }
  }
}
