package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;
import static ssmlab.circuit.GateType.THRESHOLD;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

import ssmlab.circuit.tc0.Residues;

/**
 * int-div: q = ⌊x/y⌋ and r = x mod y of two n-bit numbers, gate for gate as
 * {@code Division.divide} builds it in a verbatim builder (x / 0 = 2^n − 1, remainder x).
 *
 * <p>Address = ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b, a 5-bit part ({@link Parts}).
 * With T = n + 1 series terms and R of n·n + 1 bits, the parts in build order:
 * <ol start="0">
 *   <li>leaves: constants, x (operand 0), y (operand 1);
 *   <li>normalisation: 0 NOT y_c (a = k, b = c &gt; k), 1 f_k = y_k ∧ ¬y_{k+1} ∧ … (the leading
 *       one), 2 f_k ∧ y_{i−(n−1−k)} (a = i, b = k), 3 y'_i = OR of part 2 (a = i);
 *   <li>per prime q_j: 0 T_v = [Σ_e (2^e mod q)·y'_e ≥ v], 1 E_v = [T_v − T_{v+1} ≥ 1], 2 R_ρ =
 *       [y' ≡ ρ] = OR_{v ≡ ρ} E_v; 3 bit t of c_i·(g^i)^L (a = i = 1..n, b = t), L = dlog U,
 *       U = 2^n − y', c_i = 2^{n(n−i)} mod q: the OR over L of [U ≡ g^L] = R_{(2^n − g^L) mod q},
 *       or false where the table lacks bit t (no gate where every entry does); 4–6 the one-hot
 *       weighted sum c_0·true + Σ_{i,t} 2^t·(part 3) and its residue mod q, as 0–2;
 *   <li>3–8: R from its residues (part 2 section 6) by {@link Reconstruction};
 *   <li>9: x·R (partial products in section 2, a = i, b = k, then {@code sumColumns});
 *   <li>10: q̃_i = OR_k (f_k ∧ bit i + n·T − (n−1−k) of x·R): 0 the ANDs (a = i, b = k), 1 the OR;
 *   <li>11: q̃·y as 9; 12: r̃ = x − q̃·y on n + 1 bits: 0 NOTs of q̃·y, then the adder;
 *   <li>13: fix = [r̃ ≥ y] = ¬[y &gt; r̃] as {@code Comparison.greaterThan}: 0 ¬r̃_c, 1 y_c ∨ ¬r̃_c,
 *       2 ¬r̃_i, 3 the term of bit i (AND), 4 OR of the terms, 5 its NOT;
 *   <li>14: q̃ + fix (an adder); 15: r̃ − y (0 NOTs of y, then the adder);
 *   <li>16: per bit i: 0–3 the multiplexer fix ? r̃ − y : r̃ (AND, NOT, AND, OR), 4 OR of y,
 *       5 byZero = its NOT; per bit i: 6 q_i ∨ byZero, 7–10 byZero ? x_i : rem_i.
 * </ol>
 *
 * <p>What a query computes and what it reads: as for {@link ProdFamily}. Index arithmetic, the
 * weights 2^e mod q, c_i, g^{iL} and the CRT tables are O(log n)-bit arithmetic; the generator
 * takes O(√q); which bits a series table has is known at once when g^i generates (ℤ/q)^* and
 * otherwise takes a scan over the coset {c_i·g^{iL}} (O(q) at worst, remembered per prime and
 * term); the primes, M and the column heights of Σ γ_j are advice of O(n² log n)
 * bits computed once per member in polynomial time.
 */
final class DivFamily extends PartedFamily {
  private static final int LEAF = 0;
  private static final int NORM = 1;
  private static final int RES = 2;
  private static final int CRT = 3;
  private static final int MULR = 9;
  private static final int QT = 10;
  private static final int MULQ = 11;
  private static final int RT = 12;
  private static final int CMP = 13;
  private static final int ADDQ = 14;
  private static final int SUBY = 15;
  private static final int FIN = 16;
  private static final int PARTS = 17;

  private final int n;
  private final int terms;
  private final int rBits;
  private final int[] primes;
  private final long[] generators;
  private final int[][] seriesMasks;
  private final Parts parts;
  private final LeafStage leaves;
  private final Reconstruction crt;
  private final ProductPart mulR;
  private final ProductPart mulQ;
  private final AdderStage rt;
  private final AdderStage addQ;
  private final AdderStage subY;

  DivFamily(String describe, int n) {
    super(describe, PARTS);
    this.n = n;
    this.terms = n + 1;
    this.rBits = n * (terms - 1) + 1;
    this.primes = Residues.primesFor(rBits);
    int k = primes.length;
    this.generators = new long[k];
    this.seriesMasks = new int[k][];
    for (int j = 0; j < k; j++) {
      generators[j] = Crt.generator(primes[j]);
    }
    long qMax = primes[k - 1];
    long vMax = 1L << Stage.bitLength(qMax - 1);
    long[] crtNeeds = Reconstruction.fieldNeeds(primes);
    long l = Stage.bitLength(n);
    long mulCols = n + rBits + 3 * l + 8;
    long maxA = Math.max(Math.max(qMax + n * vMax, crtNeeds[0]), mulCols);
    long maxB = Math.max(Math.max(crtNeeds[1], mulCols), Math.max(4 * l * l, n + 2L));
    this.parts = new Parts(Layout.forMax(maxA, maxB), Math.max(1, Stage.bitLength(k)), 5);
    Layout base = parts.base();
    this.leaves = new LeafStage(base, 2, n, false);
    this.crt = new Reconstruction(parts, CRT, primes, (j, r) -> at(RES, j, 6, r, 0), rBits);
    this.mulR = new ProductPart(parts, MULR, n, e -> base.address(Section.INPUT, e, 0), rBits,
        e -> crt.bit((int) e));
    this.mulQ = new ProductPart(parts, MULQ, n, i -> at(QT, 0, 1, i, 0), n,
        e -> base.address(Section.INPUT, e, 1));
    this.rt = new AdderStage(parts.layout(RT, 0), new Pairs(n + 1,
        i -> i < n ? x(i) : parts.const0(), i -> at(RT, 0, 0, i, 0)), true);
    this.addQ = new AdderStage(parts.layout(ADDQ, 0), new Pairs(n, i -> at(QT, 0, 1, i, 0),
        i -> i == 0 ? fix() : -1), false);
    this.subY = new AdderStage(parts.layout(SUBY, 0), new Pairs(n + 1, this::rtBit,
        i -> at(SUBY, 0, 0, i, 0)), true);
  }

  // ---- addresses ----

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(part, j, sec, a, b);
  }

  private long x(long i) {
    return parts.base().address(Section.INPUT, i, 0);
  }

  private long y(long i) {
    return parts.base().address(Section.INPUT, i, 1);
  }

  /** y_i, false at i = n (y resized to n + 1 bits). */
  private long yWide(long i) {
    return i < n ? y(i) : parts.const0();
  }

  private long leadingOne(long k) {
    return at(NORM, 0, 1, k, 0);
  }

  private long normBit(long i) {
    return at(NORM, 0, 3, i, 0);
  }

  private long rtBit(long i) {
    return rt.sumBit((int) i);
  }

  private long fix() {
    return at(CMP, 0, 5, 0, 0);
  }

  /** The bits of x·R the quotient reads: bit src of x·R, src = i + n·T − (n−1−k). */
  private long quotientSource(long i, long k) {
    return i + (long) n * terms - (n - 1 - k);
  }

  // ---- per prime: residues of y', the series lookups and their weighted sum ----

  private long smax(int q) {
    long s = 0;
    for (int e = 0; e < n; e++) {
      s += Crt.pow(2, e, q);
    }
    return s;
  }

  private static int vBits(int q) {
    return Stage.bitLength(q - 1);
  }

  /** c_i = 2^{n(T−1−i)} mod q. */
  private long coefficient(int q, long i) {
    return Crt.pow(Crt.pow(2, n, q), terms - 1 - i, q);
  }

  private long seriesMax(int q) {
    return coefficient(q, 0) + (long) n * ((1L << vBits(q)) - 1);
  }

  /** Whether some entry c_i·(g^i)^L (L = 0..q−2) of term i's table has bit t. */
  private boolean lookupExists(int j, long i, long t) {
    int q = primes[j];
    return i >= 1 && i <= n && t >= 0 && t < vBits(q) && (seriesMask(j, (int) i) >>> t & 1) != 0;
  }

  /**
   * The bits some entry of term i's table has: all of them when g^i generates (ℤ/q)^*, else the
   * OR over the coset c_i·⟨g^i⟩, scanned until every bit is seen or the coset closes (at most
   * its order, (q−1)/gcd(i, q−1), steps), and remembered.
   */
  private int seriesMask(int j, int i) {
    int q = primes[j];
    int full = (1 << vBits(q)) - 1;
    if (gcd(i, q - 1) == 1) {
      return full; // the table runs through every nonzero residue, 2^t among them
    }
    if (seriesMasks[j] == null) {
      seriesMasks[j] = new int[n + 1];
      Arrays.fill(seriesMasks[j], -1);
    }
    if (seriesMasks[j][i] < 0) {
      long c = coefficient(q, i);
      long step = Crt.pow(generators[j], i, q);
      long v = c;
      int mask = 0;
      do {
        mask |= (int) v;
        v = v * step % q;
      } while (v != c && mask != full);
      seriesMasks[j][i] = mask;
    }
    return seriesMasks[j][i];
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private long lookupOrFalse(int j, long i, long t) {
    return lookupExists(j, i, t) ? at(RES, j, 3, i, t) : parts.const0();
  }

  private static IllegalArgumentException none(String what) {
    return new IllegalArgumentException(what);
  }

  /**
   * Sections base..base+2 of a one-hot weighted sum mod q as {@code WeightedSum.oneHot} and
   * {@code Residues.reduce} build it: T_v (v = 1..smax), E_v (v &lt; smax), R_ρ (ρ &lt; q).
   */
  private Gate oneHotSum(long address, int j, int sec, int base, long a, long b, long smax,
      int fanIn, IntToLongFunction inputs, IntToLongFunction weights) {
    int q = primes[j];
    if (b != 0) {
      throw none("b = 0 in section " + sec);
    }
    return switch (sec - base) {
      case 0 -> {
        if (a < 1 || a > smax) {
          throw none("thresholds 1.." + smax + ", not " + a);
        }
        yield new Gate(address, THRESHOLD, fanIn, a, inputs, weights);
      }
      case 1 -> {
        if (a >= smax) {
          throw none("one-hot 0.." + (smax - 1) + ", not " + a);
        }
        long lo = a == 0 ? parts.const1() : at(RES, j, base, a, 0);
        long hi = at(RES, j, base, a + 1, 0);
        yield new Gate(address, THRESHOLD, 2, 1, e -> e == 0 ? lo : hi, e -> e == 0 ? 1 : -1);
      }
      default -> {
        if (a >= q) {
          throw none("residues 0.." + (q - 1) + ", not " + a);
        }
        int fan = a <= smax ? (int) ((smax - a) / q + 1) : 0;
        yield new Gate(address, OR, fan, 0, e -> {
          long v = a + (long) e * q;
          return v < smax ? at(RES, j, base + 1, v, 0) : at(RES, j, base, smax, 0);
        }, null);
      }
    };
  }

  private Gate residue(long address, int j, int sec, long a, long b) {
    int q = primes[j];
    int vb = vBits(q);
    return switch (sec) {
      case 0, 1, 2 -> oneHotSum(address, j, sec, 0, a, b, smax(q), n, this::normBit,
          e -> Crt.pow(2, e, q));
      case 3 -> {
        if (!lookupExists(j, a, b)) {
          throw none("series lookups are bits 0.." + (vb - 1) + " of terms 1.." + n
              + " whose table has the bit; not term " + a + " bit " + b);
        }
        long c = coefficient(q, a);
        long g = generators[j];
        long twoN = Crt.pow(2, n, q);
        yield new Gate(address, OR, q - 1, 0, l -> {
          long gl = Crt.pow(g, l, q);
          boolean set = (c * Crt.pow(gl, a, q) % q >>> b & 1) != 0;
          return set ? at(RES, j, 2, Math.floorMod(twoN - gl, q), 0) : parts.const0();
        }, null);
      }
      case 4, 5, 6 -> oneHotSum(address, j, sec, 4, a, b, seriesMax(q), n * vb + 1,
          e -> e == 0 ? parts.const1() : lookupOrFalse(j, 1 + (e - 1) / vb, (e - 1) % vb),
          e -> e == 0 ? coefficient(q, 0) : 1L << (e - 1) % vb);
      default -> throw none("residue sections 0..6, not " + sec);
    };
  }

  // ---- the family ----

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    if (crt.owns(part)) {
      return crt.gate(address, part, j, sec, a, b);
    }
    if (part == RES ? j >= primes.length : j != 0) {
      throw none("no prime index " + j + " in part " + part + " (" + primes.length
          + " primes)");
    }
    return switch (part) {
      case LEAF -> leaf(leaves, address);
      case NORM -> normalise(address, sec, a, b);
      case RES -> residue(address, (int) j, sec, a, b);
      case MULR -> mulR.gate(address, sec, a, b);
      case QT -> quotient(address, sec, a, b);
      case MULQ -> mulQ.gate(address, sec, a, b);
      case RT -> sec == 0 ? notGate(address, a, b, n + 1, mulQ::bit)
          : parts.adderGate(rt, part, 0, address);
      case CMP -> compare(address, sec, a, b);
      case ADDQ -> parts.adderGate(addQ, part, 0, address);
      case SUBY -> sec == 0 ? notGate(address, a, b, n + 1, this::yWide)
          : parts.adderGate(subY, part, 0, address);
      default -> finish(address, sec, a, b);
    };
  }

  /** NOT of bit a (a &lt; width, b = 0) of a bus. */
  private static Gate notGate(long address, long a, long b, int width, LongUnaryOperator bus) {
    if (a >= width || b != 0) {
      throw none("NOTs of bits 0.." + (width - 1) + " (b = 0), not " + a + ", " + b);
    }
    return Gate.of(address, NOT, bus.applyAsLong(a));
  }

  private Gate normalise(long address, int sec, long a, long b) {
    if (a >= n || sec > 3) {
      throw none("normalisation sections 0..3 over bits 0.." + (n - 1) + ", not " + sec + ", "
          + a);
    }
    return switch (sec) {
      case 0 -> {
        if (b <= a || b >= n) {
          throw none("¬y_c for c = " + (a + 1) + ".." + (n - 1) + ", not " + b);
        }
        yield Gate.of(address, NOT, y(b));
      }
      case 1 -> {
        requireZero(b);
        yield new Gate(address, AND, (int) (n - a), 0,
            e -> e == 0 ? y(a) : at(NORM, 0, 0, a, a + e), null);
      }
      case 2 -> {
        if (b < n - 1 - a || b >= n) {
          throw none("terms k = " + (n - 1 - a) + ".." + (n - 1) + ", not " + b);
        }
        yield Gate.of(address, AND, leadingOne(b), y(a - (n - 1 - b)));
      }
      default -> {
        requireZero(b);
        yield new Gate(address, OR, (int) (a + 1), 0, e -> at(NORM, 0, 2, a, n - 1 - a + e),
            null);
      }
    };
  }

  private static void requireZero(long b) {
    if (b != 0) {
      throw none("b = 0 here, not " + b);
    }
  }

  /** The terms k of q̃_i: those whose source bit lies inside x·R. */
  private long quotientTerms(long i) {
    return Math.max(0, Math.min(n, (long) n + rBits - quotientSource(i, 0)));
  }

  private Gate quotient(long address, int sec, long i, long k) {
    if (i >= n || sec > 1) {
      throw none("quotient sections 0..1 over bits 0.." + (n - 1) + ", not " + sec + ", " + i);
    }
    long count = quotientTerms(i);
    if (sec == 0) {
      if (k >= count) {
        throw none("terms 0.." + (count - 1) + " of q̃_" + i + ", not " + k);
      }
      return Gate.of(address, AND, leadingOne(k), mulR.bit(quotientSource(i, k)));
    }
    requireZero(k);
    return new Gate(address, OR, (int) count, 0, e -> at(QT, 0, 0, i, e), null);
  }

  private Gate compare(long address, int sec, long a, long b) {
    int width = n + 1;
    if (sec > 5 || b != 0 || (sec < 4 ? a >= width : a != 0)) {
      throw none("comparison sections 0..3 over bits 0.." + n + ", 4..5 at a = 0; not " + sec
          + ", " + a + ", " + b);
    }
    return switch (sec) {
      case 0, 2 -> Gate.of(address, NOT, rtBit(a));
      case 1 -> Gate.of(address, OR, yWide(a), at(CMP, 0, 0, a, 0));
      case 3 -> new Gate(address, AND, (int) (width - a + 1), 0,
          e -> e == 0 ? yWide(a) : e == 1 ? at(CMP, 0, 2, a, 0) : at(CMP, 0, 1, a + e - 1, 0),
          null);
      case 4 -> new Gate(address, OR, width, 0, e -> at(CMP, 0, 3, e, 0), null);
      default -> Gate.of(address, NOT, at(CMP, 0, 4, 0, 0));
    };
  }

  private Gate finish(long address, int sec, long i, long b) {
    if (sec > 10 || b != 0 || (sec == 4 || sec == 5 ? i != 0 : i >= n)) {
      throw none("final sections 0..10 over bits 0.." + (n - 1) + " (4, 5 at a = 0); not "
          + sec + ", " + i + ", " + b);
    }
    long byZero = at(FIN, 0, 5, 0, 0);
    return switch (sec) {
      case 0 -> Gate.of(address, AND, fix(), subY.sumBit((int) i));
      case 1 -> Gate.of(address, NOT, fix());
      case 2 -> Gate.of(address, AND, at(FIN, 0, 1, i, 0), rtBit(i));
      case 3 -> Gate.of(address, OR, at(FIN, 0, 0, i, 0), at(FIN, 0, 2, i, 0));
      case 4 -> new Gate(address, OR, n, 0, this::y, null);
      case 5 -> Gate.of(address, NOT, at(FIN, 0, 4, 0, 0));
      case 6 -> Gate.of(address, OR, addQ.sumBit((int) i), byZero);
      case 7 -> Gate.of(address, AND, byZero, x(i));
      case 8 -> Gate.of(address, NOT, byZero);
      case 9 -> Gate.of(address, AND, at(FIN, 0, 8, i, 0), at(FIN, 0, 3, i, 0));
      default -> Gate.of(address, OR, at(FIN, 0, 7, i, 0), at(FIN, 0, 9, i, 0));
    };
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    int sec = parts.section(g);
    if (crt.owns(part)) {
      return crt.inputIndex(gate, part, g, h);
    }
    return switch (part) {
      case MULR -> mulR.inputIndex(gate, sec, g, h);
      case MULQ -> mulQ.inputIndex(gate, sec, g, h);
      case RT -> sec == 0 ? Stage.scan(gate, h) : parts.inputIndex(null, rt, g, h);
      case ADDQ -> parts.inputIndex(null, addQ, g, h);
      case SUBY -> sec == 0 ? Stage.scan(gate, h) : parts.inputIndex(null, subY, g, h);
      default -> Stage.scan(gate, h);
    };
  }

  // ---- enumeration ----

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    for (int k = 0; k < n; k++) {
      for (int c = k + 1; c < n; c++) {
        sink.accept(at(NORM, 0, 0, k, c));
      }
      sink.accept(leadingOne(k));
    }
    for (int i = 0; i < n; i++) {
      for (int k = n - 1 - i; k < n; k++) {
        sink.accept(at(NORM, 0, 2, i, k));
      }
      sink.accept(normBit(i));
    }
    for (int j = 0; j < primes.length; j++) {
      int q = primes[j];
      oneHotSum(sink, j, 0, smax(q));
      for (int i = 1; i <= n; i++) {
        for (int t = 0; t < vBits(q); t++) {
          if (lookupExists(j, i, t)) {
            sink.accept(at(RES, j, 3, i, t));
          }
        }
      }
      oneHotSum(sink, j, 4, seriesMax(q));
    }
    crt.forEach(sink);
    mulR.forEach(sink);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < quotientTerms(i); k++) {
        sink.accept(at(QT, 0, 0, i, k));
      }
      sink.accept(at(QT, 0, 1, i, 0));
    }
    mulQ.forEach(sink);
    for (int i = 0; i <= n; i++) {
      sink.accept(at(RT, 0, 0, i, 0));
    }
    rt.forEach(sink);
    for (int c = 0; c <= n; c++) {
      sink.accept(at(CMP, 0, 0, c, 0));
      sink.accept(at(CMP, 0, 1, c, 0));
    }
    for (int i = 0; i <= n; i++) {
      sink.accept(at(CMP, 0, 2, i, 0));
      sink.accept(at(CMP, 0, 3, i, 0));
    }
    sink.accept(at(CMP, 0, 4, 0, 0));
    sink.accept(fix());
    addQ.forEach(sink);
    for (int i = 0; i <= n; i++) {
      sink.accept(at(SUBY, 0, 0, i, 0));
    }
    subY.forEach(sink);
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < 4; s++) {
        sink.accept(at(FIN, 0, s, i, 0));
      }
    }
    sink.accept(at(FIN, 0, 4, 0, 0));
    sink.accept(at(FIN, 0, 5, 0, 0));
    for (int i = 0; i < n; i++) {
      for (int s = 6; s <= 10; s++) {
        sink.accept(at(FIN, 0, s, i, 0));
      }
    }
  }

  private void oneHotSum(LongConsumer sink, int j, int base, long smax) {
    for (long v = 1; v <= smax; v++) {
      sink.accept(at(RES, j, base, v, 0));
    }
    for (long v = 0; v < smax; v++) {
      sink.accept(at(RES, j, base + 1, v, 0));
    }
    for (long r = 0; r < primes[j]; r++) {
      sink.accept(at(RES, j, base + 2, r, 0));
    }
  }

  @Override
  public long gateCount() {
    long total = leaves.gateCount() + (long) n * (n - 1) / 2 + n + (long) n * (n + 1) / 2 + n;
    for (int j = 0; j < primes.length; j++) {
      int q = primes[j];
      total += 2 * smax(q) + 2 * seriesMax(q) + 2L * q;
      for (int i = 1; i <= n; i++) {
        for (int t = 0; t < vBits(q); t++) {
          total += lookupExists(j, i, t) ? 1 : 0;
        }
      }
    }
    total += crt.gateCount() + mulR.gateCount() + mulQ.gateCount();
    for (int i = 0; i < n; i++) {
      total += quotientTerms(i) + 1;
    }
    total += (n + 1) + rt.gateCount() + 4L * (n + 1) + 2 + addQ.gateCount();
    return total + (n + 1) + subY.gateCount() + 4L * n + 2 + 5L * n;
  }

  @Override
  public int outputBits() {
    return 2 * n;
  }

  /** Bits 0..n−1 are the quotient, n..2n−1 the remainder (ports q, r). */
  @Override
  public long output(int i) {
    if (i < 0 || i >= 2 * n) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + 2 * n);
    }
    return i < n ? at(FIN, 0, 6, i, 0) : at(FIN, 0, 10, i - n, 0);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    int j = rnd.nextInt(primes.length);
    int q = primes[j];
    return switch (rnd.nextInt(PARTS - 5)) {
      case 0 -> leaves.sample(rnd);
      case 1 -> {
        int i = rnd.nextInt(n);
        yield rnd.nextBoolean() ? normBit(i) : at(NORM, 0, 2, i, n - 1 - i + rnd.nextInt(i + 1));
      }
      case 2 -> switch (rnd.nextInt(4)) {
        case 0 -> at(RES, j, 0, 1 + rnd.nextLong(smax(q)), 0);
        case 1 -> at(RES, j, 4, 1 + rnd.nextLong(seriesMax(q)), 0);
        case 2 -> at(RES, j, 6, rnd.nextInt(q), 0);
        default -> {
          long i;
          long t;
          do {
            i = 1 + rnd.nextInt(n);
            t = rnd.nextInt(vBits(q));
          } while (!lookupExists(j, i, t));
          yield at(RES, j, 3, i, t);
        }
      };
      case 3 -> crt.sample(rnd);
      case 4 -> mulR.sample(rnd);
      case 5 -> {
        int i = rnd.nextInt(n);
        yield rnd.nextBoolean() ? at(QT, 0, 1, i, 0)
            : at(QT, 0, 0, i, rnd.nextLong(quotientTerms(i)));
      }
      case 6 -> mulQ.sample(rnd);
      case 7 -> rnd.nextBoolean() ? rt.sample(rnd) : subY.sample(rnd);
      case 8 -> rnd.nextBoolean() ? addQ.sample(rnd) : at(CMP, 0, 3, rnd.nextInt(n + 1), 0);
      default -> at(FIN, 0, 6 + rnd.nextInt(5), rnd.nextInt(n), 0);
    };
  }
}
