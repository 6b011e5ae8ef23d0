package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * round_p of an exact value (−1)^sign · N · 2^E as {@code Rounding.round} builds it in a verbatim
 * builder (N unsigned of w bits, E two's complement of ew bits), in six consecutive parts from
 * {@code first}; W is the width of the exponent arithmetic, max(bits for [−2^(ew−1) − (p−1),
 * 2^(ew−1) − 1 + w − p + 1], q + 2), and K = max(1, bitLength(w − 1)) the bits of the leading
 * one's position.
 *
 * <ol start="0">
 *   <li>(part first) 0: ¬N_j (a = k, b = j &gt; k); 1: f_k = N_k ∧ ¬N_{k+1} ∧ … (a = k); 2: OR of
 *       N (nonZero); 3: below_j = OR of N_0..N_{j−1} (a = j ≥ 1); 4: f_k ∧ N_{k−p+1+i} (a = i,
 *       b = k ≥ p − 1 − i); 5: kept_i = OR over k of section 4 or false (a = i); 6: guard term
 *       f_k ∧ N_{k−p}, 7: sticky term f_k ∧ below_{k−p} (a = k ≥ p, below_0 false); 8: guard,
 *       9: sticky (ORs over k, false below p); 10: sticky ∨ kept_0; 11: up = guard ∧ (10);
 *       12: the top significand bit inc_{p−1} ∨ inc_p; 13: bit t of k (OR of f_k over k with
 *       bit t set, a = t);
 *   <li>(first + 1) inc = kept + up, an adder over p bits;
 *   <li>(first + 2..4) the exponent: E + k, then + (−(p − 1)) (before), then + 0 with carry-in
 *       inc_p (after), three adders over W bits, operands sign-extended;
 *   <li>(first + 5) 0: ¬ of the top bits of the compared buses (a = 2c + side); 1–5:
 *       comparison c (b = c; 0 after &gt; max, 1 min &gt; before) as {@code Comparison.greaterThan}
 *       of the offset buses: 1 ¬y_j, 2 x_j ∨ ¬y_j, 3 ¬y_i, 4 the AND of term i, 5 their OR;
 *       6–10 [before = min − 1] as {@code Comparison.equal}: 6 ¬y_j, 7 x_j ∨ ¬y_j, 8 ¬x_j,
 *       9 ¬x_j ∨ y_j, 10 the AND; 11: OR kept_0..kept_{p−2} (b = 0), with guard and sticky (1),
 *       its NOT powerOfTwo (2); 12: the flags (b = 0..12: ¬halfMin, ∨ powerOfTwo, flush, ¬nonZero,
 *       zero, ¬flush, toMin, ¬underflow, toMax, ¬zero, ¬toMin, ¬toMax, normal); 13: m_i (a = i,
 *       b = 0..3: normal ∧ significand_i, toMax ∧ max_i, toMin ∧ min_i, their OR); 14: e_i the
 *       same over after, max and min exponents; 15: ¬zero (b = 0), the sign ∧ it (b = 1).
 * </ol>
 *
 * <p>Everything is index arithmetic on O(log w + log q)-bit numbers; nothing is stored.
 */
final class RoundingPart {
  static final int PARTS = 6;

  private final Parts parts;
  private final int first;
  private final int p;
  private final int q;
  private final int w;
  private final LongUnaryOperator n;
  private final int ew;
  private final LongUnaryOperator exp;
  private final long sign;
  private final int width;
  private final int kBits;
  private final long minExp;
  private final long maxExp;
  private final AdderStage inc;
  private final AdderStage plusK;
  private final AdderStage before;
  private final AdderStage after;

  /**
   * @param n the address of bit j of N (j &lt; w): an adder's sum bit j (field a = j), or false
   *     from some j on
   * @param exp the address of bit i of E (i &lt; ew)
   * @param sign the address of the sign
   */
  RoundingPart(Parts parts, int first, int p, int q, int w, LongUnaryOperator n, int ew,
      LongUnaryOperator exp, long sign) {
    this.parts = parts;
    this.first = first;
    this.p = p;
    this.q = q;
    this.w = w;
    this.n = n;
    this.ew = ew;
    this.exp = exp;
    this.sign = sign;
    this.width = width(p, q, w, ew);
    this.kBits = Math.max(1, Stage.bitLength(w - 1));
    this.minExp = -(1L << q);
    this.maxExp = (1L << q) - 1;
    long f0 = parts.const0();
    this.inc = new AdderStage(parts.layout(first + 1, 0),
        new Pairs(p, i -> at(0, 5, i, 0), i -> i == 0 ? at(0, 11, 0, 0) : -1));
    this.plusK = new AdderStage(parts.layout(first + 2, 0), new Pairs(width,
        i -> exp.applyAsLong(Math.min(i, ew - 1)), i -> i < kBits ? at(0, 13, i, 0) : f0));
    long minusP = -(p - 1);
    this.before = new AdderStage(parts.layout(first + 3, 0), new Pairs(width,
        i -> plusK.sumBit((int) i), i -> constBit(signedConstant(minusP, width), i)));
    this.after = new AdderStage(parts.layout(first + 4, 0), new Pairs(width,
        i -> before.sumBit((int) i), i -> f0), inc.sumBit(p));
  }

  /** W: the width of the exponent arithmetic, as {@code Rounding.round} computes it. */
  static int width(int p, int q, int w, int ew) {
    long lo = -(1L << (ew - 1)) - (p - 1);
    long hi = (1L << (ew - 1)) - 1 + w - p + 1;
    return Math.max(signedWidth(lo, hi), q + 2);
  }

  /** {@code Signed.widthFor}: the bits of a two's complement bus that holds [lo, hi]. */
  static int signedWidth(long lo, long hi) {
    int bits = 1;
    while (lo < -(1L << (bits - 1)) || hi > (1L << (bits - 1)) - 1) {
      bits++;
    }
    return bits;
  }

  /** The largest values fields a and b take here (adders included). */
  static long fieldNeed(int p, int q, int w, int ew) {
    return Math.max(Math.max(w, p), width(p, q, w, ew)) + 2L;
  }

  boolean owns(int part) {
    return part >= first && part < first + PARTS;
  }

  private long at(int part, int sec, long a, long b) {
    return parts.at(first + part, 0, sec, a, b);
  }

  /** Bit i of the constant v as {@code BigInteger.valueOf(v).testBit(i)}. */
  private long constBit(long v, long i) {
    boolean set = i >= 63 ? v < 0 : (v >>> i & 1) != 0;
    return set ? parts.const1() : parts.const0();
  }

  /** {@code Signed.constant(v, width)}: v masked to the width. */
  private static long signedConstant(long v, int width) {
    return v & (width >= 64 ? -1L : (1L << width) - 1);
  }

  private long leadingOne(long k) {
    return at(0, 1, k, 0);
  }

  private long below(long j) {
    return j == 0 ? parts.const0() : at(0, 3, j, 0);
  }

  private long kept(long i) {
    return at(0, 5, i, 0);
  }

  private long guard() {
    return at(0, 8, 0, 0);
  }

  private long sticky() {
    return at(0, 9, 0, 0);
  }

  private long significand(long i) {
    return i < p - 1 ? inc.sumBit((int) i) : at(0, 12, 0, 0);
  }

  private long afterBit(long i) {
    return after.sumBit((int) i);
  }

  private long beforeBit(long i) {
    return before.sumBit((int) i);
  }

  private long flag(int b) {
    return at(5, 12, 0, b);
  }

  private long zero() {
    return flag(4);
  }

  private long nonZero() {
    return at(0, 2, 0, 0);
  }

  /** Comparison c's x (side 0) or y (side 1), bit j, before the offset. */
  private long compared(int c, int side, long j) {
    if (c == 0) {
      return side == 0 ? afterBit(j) : constBit(signedConstant(maxExp, width), j);
    }
    return side == 0 ? constBit(signedConstant(minExp, width), j) : beforeBit(j);
  }

  /** The offset bus: the top bit replaced by its NOT (section 0). */
  private long offset(int c, int side, long j) {
    return j == width - 1 ? at(5, 0, 2L * c + side, 0) : compared(c, side, j);
  }

  private long overflow() {
    return at(5, 5, 0, 0);
  }

  private long underflow() {
    return at(5, 5, 0, 1);
  }

  /** Output bit i of the rounded float's bus: |m| (p), e (q + 1), the sign. */
  long output(int i) {
    if (i < p) {
      return at(5, 13, i, 3);
    }
    return i < p + q + 1 ? at(5, 14, i - p, 3) : at(5, 15, 0, 1);
  }

  int outputBits() {
    return p + q + 2;
  }

  private static IllegalArgumentException none(String what) {
    return new IllegalArgumentException(what);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw none(what);
    }
  }

  /** The gate at (sec, a, b) of part {@code part}, j = 0. */
  Gate gate(long address, int part, long j, int sec, long a, long b) {
    require(j == 0, "the rounding has index 0 only, not " + j);
    return switch (part - first) {
      case 0 -> normalise(address, sec, a, b);
      case 1 -> parts.adderGate(inc, part, 0, address);
      case 2 -> parts.adderGate(plusK, part, 0, address);
      case 3 -> parts.adderGate(before, part, 0, address);
      case 4 -> parts.adderGate(after, part, 0, address);
      default -> decide(address, sec, a, b);
    };
  }

  private Gate normalise(long address, int sec, long a, long b) {
    return switch (sec) {
      case 0 -> {
        require(a < w && b > a && b < w, "¬N_j for k < j < " + w + ", not " + a + ", " + b);
        yield Gate.of(address, NOT, n.applyAsLong(b));
      }
      case 1 -> {
        require(a < w && b == 0, "leading-one bits 0.." + (w - 1) + ", not " + a + ", " + b);
        yield new Gate(address, AND, (int) (w - a), 0,
            e -> e == 0 ? n.applyAsLong(a) : at(0, 0, a, a + e), null);
      }
      case 2, 8, 9, 10, 11, 12 -> {
        require(a == 0 && b == 0, "section " + sec + " has one gate (a = b = 0)");
        yield switch (sec) {
          case 2 -> new Gate(address, OR, w, 0, n::applyAsLong, null);
          case 8 -> new Gate(address, OR, w, 0,
              k -> k >= p ? at(0, 6, k, 0) : parts.const0(), null);
          case 9 -> new Gate(address, OR, w, 0,
              k -> k >= p ? at(0, 7, k, 0) : parts.const0(), null);
          case 10 -> Gate.of(address, OR, sticky(), kept(0));
          case 11 -> Gate.of(address, AND, guard(), at(0, 10, 0, 0));
          default -> Gate.of(address, OR, inc.sumBit(p - 1), inc.sumBit(p));
        };
      }
      case 3 -> {
        require(a >= 1 && a < w && b == 0, "below_j for j = 1.." + (w - 1) + ", not " + a
            + ", " + b);
        yield new Gate(address, OR, (int) a, 0, n::applyAsLong, null);
      }
      case 4 -> {
        require(a < p && b + a >= p - 1 && b < w, "kept terms (i < " + p
            + ", p − 1 − i ≤ k < " + w + "), not " + a + ", " + b);
        yield Gate.of(address, AND, leadingOne(b), n.applyAsLong(b - (p - 1) + a));
      }
      case 5 -> {
        require(a < p && b == 0, "kept bits 0.." + (p - 1) + ", not " + a + ", " + b);
        yield new Gate(address, OR, w, 0,
            k -> k + a >= p - 1 ? at(0, 4, a, k) : parts.const0(), null);
      }
      case 6, 7 -> {
        require(a >= p && a < w && b == 0, "guard and sticky terms k = " + p + ".." + (w - 1)
            + ", not " + a + ", " + b);
        yield Gate.of(address, AND, leadingOne(a),
            sec == 6 ? n.applyAsLong(a - p) : below(a - p));
      }
      case 13 -> {
        require(a < kBits && b == 0, "position bits 0.." + (kBits - 1) + ", not " + a + ", "
            + b);
        yield new Gate(address, OR, withBit(w, a), 0, e -> leadingOne(nthWithBit(e, a)), null);
      }
      default -> throw none("rounding part " + first + " has sections 0..13, not " + sec);
    };
  }

  /** The number of k in [0, limit) with bit t set. */
  static int withBit(long limit, long t) {
    long period = 1L << (t + 1);
    long half = 1L << t;
    return (int) ((limit / period) * half + Math.max(0, limit % period - half));
  }

  /** The e-th k (from 0) with bit t set. */
  static long nthWithBit(long e, long t) {
    long low = e & ((1L << t) - 1);
    return (e >>> t) << (t + 1) | 1L << t | low;
  }

  private Gate decide(long address, int sec, long a, long b) {
    return switch (sec) {
      case 0 -> {
        require(a < 4 && b == 0, "offset NOTs a = 0..3, not " + a + ", " + b);
        yield Gate.of(address, NOT, compared((int) a / 2, (int) a % 2, width - 1));
      }
      case 1, 2, 3, 4 -> {
        require(a < width && b < 2, "comparison bits 0.." + (width - 1) + " (b = 0, 1), not "
            + a + ", " + b);
        int c = (int) b;
        yield switch (sec) {
          case 1, 3 -> Gate.of(address, NOT, offset(c, 1, a));
          case 2 -> Gate.of(address, OR, offset(c, 0, a), at(5, 1, a, c));
          default -> new Gate(address, AND, (int) (width - a + 1), 0,
              e -> e == 0 ? offset(c, 0, a) : e == 1 ? at(5, 3, a, c) : at(5, 2, a + e - 1, c),
              null);
        };
      }
      case 5 -> {
        require(a == 0 && b < 2, "comparison results a = 0, b = 0, 1; not " + a + ", " + b);
        yield new Gate(address, OR, width, 0, e -> at(5, 4, e, b), null);
      }
      case 6, 7, 8, 9 -> {
        require(a < width && b == 0, "equality bits 0.." + (width - 1) + ", not " + a + ", "
            + b);
        long y = constBit(signedConstant(minExp - 1, width), a);
        yield switch (sec) {
          case 6 -> Gate.of(address, NOT, y);
          case 7 -> Gate.of(address, OR, beforeBit(a), at(5, 6, a, 0));
          case 8 -> Gate.of(address, NOT, beforeBit(a));
          default -> Gate.of(address, OR, at(5, 8, a, 0), y);
        };
      }
      case 10 -> {
        require(a == 0 && b == 0, "one equality gate (a = b = 0)");
        yield new Gate(address, AND, 2 * width, 0,
            e -> at(5, e % 2 == 0 ? 7 : 9, e / 2, 0), null);
      }
      case 11 -> {
        require(a == 0 && b < 3, "power-of-two gates b = 0..2, not " + a + ", " + b);
        yield switch ((int) b) {
          case 0 -> new Gate(address, OR, p - 1, 0, this::kept, null);
          case 1 -> Gate.of(address, OR, at(5, 11, 0, 0), guard(), sticky());
          default -> Gate.of(address, NOT, at(5, 11, 0, 1));
        };
      }
      case 12 -> {
        require(a == 0 && b < 13, "flags b = 0..12, not " + a + ", " + b);
        yield switch ((int) b) {
          case 0 -> Gate.of(address, NOT, at(5, 10, 0, 0));
          case 1 -> Gate.of(address, OR, flag(0), at(5, 11, 0, 2));
          case 2 -> Gate.of(address, AND, underflow(), flag(1));
          case 3 -> Gate.of(address, NOT, nonZero());
          case 4 -> Gate.of(address, OR, flag(3), flag(2));
          case 5 -> Gate.of(address, NOT, flag(2));
          case 6 -> Gate.of(address, AND, nonZero(), underflow(), flag(5));
          case 7 -> Gate.of(address, NOT, underflow());
          case 8 -> Gate.of(address, AND, nonZero(), overflow(), flag(7));
          case 9 -> Gate.of(address, NOT, zero());
          case 10 -> Gate.of(address, NOT, flag(6));
          case 11 -> Gate.of(address, NOT, flag(8));
          default -> Gate.of(address, AND, flag(9), flag(10), flag(11));
        };
      }
      case 13, 14 -> {
        long bits = sec == 13 ? p : q + 1;
        require(a < bits && b < 4, "bits 0.." + (bits - 1) + ", gates 0..3; not " + a + ", "
            + b);
        yield switch ((int) b) {
          case 0 -> Gate.of(address, AND, flag(12), sec == 13 ? significand(a) : afterBit(a));
          case 1 -> Gate.of(address, AND, flag(8), sec == 13 ? constBit((1L << p) - 1, a)
              : constBit(signedConstant(maxExp, q + 1), a));
          case 2 -> Gate.of(address, AND, flag(6), sec == 13 ? constBit(1L << (p - 1), a)
              : constBit(signedConstant(minExp, q + 1), a));
          default -> Gate.of(address, OR, at(5, sec, a, 0), at(5, sec, a, 1), at(5, sec, a, 2));
        };
      }
      default -> {
        require(a == 0 && b < 2, "sign gates a = 0, b = 0, 1; not " + a + ", " + b);
        yield b == 0 ? Gate.of(address, NOT, zero())
            : Gate.of(address, AND, sign, at(5, 15, 0, 0));
      }
    };
  }

  /** {@link Stage#inputIndex} for gate g of this block (answered as {@code gate}). */
  int inputIndex(Gate gate, int part, long g, long h) {
    return switch (part - first) {
      case 0 -> normaliseIndex(gate, parts.section(g), parts.a(g), h);
      case 1 -> parts.inputIndex(null, inc, g, h);
      case 2 -> parts.inputIndex(null, plusK, g, h);
      case 3 -> parts.inputIndex(null, before, g, h);
      case 4 -> parts.inputIndex(null, after, g, h);
      default -> decideIndex(gate, parts.section(g), parts.a(g), parts.b(g), h);
    };
  }

  /** Whether h is the gate at (sec, a, b) of rounding part {@code part}; then its field a. */
  private long fieldA(long h, int part, int sec, long b) {
    return parts.part(h) == first + part && parts.j(h) == 0 && parts.section(h) == sec
        && parts.b(h) == b ? parts.a(h) : -1;
  }

  /**
   * The first j &lt; limit with N_j = h, or −1, in O(log w) evaluations of N: N's bits are an
   * adder's sum bits (bit j has field a = j, as the products of fp-mul and fp-prod have)
   * followed by false, so a gate's candidate is its field a, and false's is found by binary
   * search for the first false bit; the candidate is then checked.
   */
  private long indexInN(long h, long limit) {
    long e;
    if (h == parts.const0()) {
      long lo = 0;
      long hi = limit;
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        if (n.applyAsLong(mid) == h) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      e = lo;
    } else {
      e = parts.a(h);
    }
    return e >= 0 && e < limit && n.applyAsLong(e) == h
        && (e == 0 || n.applyAsLong(e - 1) != h) ? e : -1;
  }

  private int normaliseIndex(Gate gate, int sec, long a, long h) {
    long f0 = parts.const0();
    long r = switch (sec) {
      case 1 -> {
        if (h == n.applyAsLong(a)) {
          yield 0;
        }
        long k = fieldA(h, 0, 0, parts.b(h));
        long j = parts.b(h);
        yield k == a && j > a && j < w ? j - a : -1;
      }
      case 2 -> indexInN(h, w);
      case 3 -> indexInN(h, a);
      case 5 -> h == f0 ? (p - 1 - a > 0 ? 0 : -1)
          : parts.part(h) == first && parts.j(h) == 0 && parts.section(h) == 4
              && parts.a(h) == a && parts.b(h) + a >= p - 1 && parts.b(h) < w ? parts.b(h) : -1;
      case 8, 9 -> {
        if (h == f0) {
          yield 0; // p ≥ 2, so term 0 is false
        }
        long k = fieldA(h, 0, sec - 2, 0);
        yield k >= p && k < w ? k : -1;
      }
      case 13 -> {
        long k = fieldA(h, 0, 1, 0);
        yield k >= 0 && k < w && (k >>> a & 1) != 0
            ? (k >>> (a + 1)) << a | (k & ((1L << a) - 1)) : -1;
      }
      default -> Stage.scan(gate, h);
    };
    return (int) r;
  }

  private int decideIndex(Gate gate, int sec, long a, long b, long h) {
    long r = switch (sec) {
      case 4 -> {
        int c = (int) b;
        if (h == offset(c, 0, a)) {
          yield 0;
        }
        if (h == at(5, 3, a, c)) {
          yield 1;
        }
        long j = fieldA(h, 5, 2, c);
        yield j > a && j < width ? j - a + 1 : -1;
      }
      case 5 -> {
        long e = fieldA(h, 5, 4, b);
        yield e >= 0 && e < width ? e : -1;
      }
      case 10 -> {
        long e7 = fieldA(h, 5, 7, 0);
        long e9 = fieldA(h, 5, 9, 0);
        yield e7 >= 0 && e7 < width ? 2 * e7 : e9 >= 0 && e9 < width ? 2 * e9 + 1 : -1;
      }
      case 11 -> {
        if (b != 0) {
          yield Stage.scan(gate, h);
        }
        long i = fieldA(h, 0, 5, 0);
        yield i >= 0 && i < p - 1 ? i : -1;
      }
      default -> Stage.scan(gate, h);
    };
    return (int) r;
  }

  void forEach(LongConsumer sink) {
    for (int k = 0; k < w; k++) {
      for (int j = k + 1; j < w; j++) {
        sink.accept(at(0, 0, k, j));
      }
      sink.accept(leadingOne(k));
    }
    sink.accept(nonZero());
    for (int j = 1; j < w; j++) {
      sink.accept(below(j));
    }
    for (int i = 0; i < p; i++) {
      for (int k = Math.max(0, p - 1 - i); k < w; k++) {
        sink.accept(at(0, 4, i, k));
      }
      sink.accept(kept(i));
    }
    for (int k = p; k < w; k++) {
      sink.accept(at(0, 6, k, 0));
      sink.accept(at(0, 7, k, 0));
    }
    for (int s = 8; s <= 11; s++) {
      sink.accept(at(0, s, 0, 0));
    }
    inc.forEach(sink);
    sink.accept(at(0, 12, 0, 0));
    for (int t = 0; t < kBits; t++) {
      sink.accept(at(0, 13, t, 0));
    }
    plusK.forEach(sink);
    before.forEach(sink);
    after.forEach(sink);
    for (int c = 0; c < 2; c++) {
      sink.accept(at(5, 0, 2L * c, 0));
      sink.accept(at(5, 0, 2L * c + 1, 0));
      for (int j = 0; j < width; j++) {
        sink.accept(at(5, 1, j, c));
        sink.accept(at(5, 2, j, c));
      }
      for (int i = 0; i < width; i++) {
        sink.accept(at(5, 3, i, c));
        sink.accept(at(5, 4, i, c));
      }
      sink.accept(at(5, 5, 0, c));
    }
    for (int j = 0; j < width; j++) {
      for (int s = 6; s <= 9; s++) {
        sink.accept(at(5, s, j, 0));
      }
    }
    sink.accept(at(5, 10, 0, 0));
    for (int b = 0; b < 3; b++) {
      sink.accept(at(5, 11, 0, b));
    }
    for (int b = 0; b < 13; b++) {
      sink.accept(flag(b));
    }
    for (int sec = 13; sec <= 14; sec++) {
      for (int i = 0; i < (sec == 13 ? p : q + 1); i++) {
        for (int b = 0; b < 4; b++) {
          sink.accept(at(5, sec, i, b));
        }
      }
    }
    sink.accept(at(5, 15, 0, 0));
    sink.accept(at(5, 15, 0, 1));
  }

  long gateCount() {
    // kept terms: Σ_{t < min(p, w)} (w − t) over t = p − 1 − i; guard and sticky terms k ≥ p
    long m = Math.min(p, w);
    long front = (long) w * (w - 1) / 2 + w + 1 + (w - 1)
        + m * w - m * (m - 1) / 2 + p + 2L * Math.max(0, w - p) + 4 + 1 + kBits;
    long back = 2 * (2 + 4L * width + 1) + 4L * width + 1 + 3 + 13 + 4L * (p + q + 1) + 2;
    return front + inc.gateCount() + plusK.gateCount() + before.gateCount() + after.gateCount()
        + back;
  }

  long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> {
        int k = rnd.nextInt(w);
        yield rnd.nextBoolean() || k == w - 1 ? leadingOne(k) : at(0, 0, k, k + 1
            + rnd.nextInt(w - 1 - k));
      }
      case 1 -> {
        int m = Math.min(p, w); // kept bits i ≥ p − m have terms (w < p leaves the low ones none)
        int i = p - m + rnd.nextInt(m);
        yield rnd.nextBoolean() ? kept(i) : at(0, 4, i, p - 1 - i + rnd.nextInt(w - p + 1 + i));
      }
      case 2 -> rnd.nextBoolean() ? inc.sample(rnd) : at(0, 13, rnd.nextInt(kBits), 0);
      case 3 -> switch (rnd.nextInt(3)) {
        case 0 -> plusK.sample(rnd);
        case 1 -> before.sample(rnd);
        default -> after.sample(rnd);
      };
      case 4 -> at(5, 1 + rnd.nextInt(4), rnd.nextInt(width), rnd.nextInt(2));
      default -> rnd.nextBoolean() ? flag(rnd.nextInt(13))
          : at(5, 13, rnd.nextInt(p), rnd.nextInt(4));
    };
  }
}
