package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * {@code ExponentClusters} of fp-sum, parts 1–11 ({@link FpSumFamily}), gate for gate: the
 * biased exponents eb_j (e_j with its sign bit negated), for every ordered pair (k, t) the
 * comparisons [e_k &gt; e_t], [e_k = e_t] and the gap e_k − e_t − G, per term t whether it tops
 * a cluster and by how much the gap below it shrinks, the largest exponent, and per term j its
 * window position and its cluster's unit exponent. A pair's index is J = k·n + t (first term
 * k-major, as the builder's loops run); a term's is J = j.
 */
final class ClusterPart {
  static final int BIAS = 1;
  static final int CMP = 2;
  static final int GAP = 3;
  static final int TOP = 4;
  static final int NEXT = 5;
  static final int MAXE = 6;
  static final int SHRINK = 7;
  static final int POSNOT = 8;
  static final int POS = 9;
  static final int DELTA = 10;
  static final int UNIT = 11;

  private final Parts parts;
  private final WindowShape s;
  private final int n;
  private final int w;
  /** Per term the bus bits that are the constant false (a constant's 0 bits), or null. */
  private final BigInteger[] falseBits;
  private final SumStages gap0;
  private final SumStages pos0;
  private final SumStages delta0;
  private final SumStages unit0;

  ClusterPart(Parts parts, WindowShape s) {
    this(parts, s, null);
  }

  /**
   * @param falseBits per term the bits of its bus that are the constant false wire (a constant
   *     term's 0 bits, or an earlier operation's constant output bits), null where none (null
   *     for no term): the builder leaves those exponent bits out of the gap and position sums,
   *     so such a term's sums are shaped on their own; the templates are a plain input's
   */
  ClusterPart(Parts parts, WindowShape s, BigInteger[] falseBits) {
    this.parts = parts;
    this.s = s;
    this.n = s.n();
    this.w = s.q() + 1;
    this.falseBits = falseBits;
    this.gap0 = gapSum(0, false);
    this.pos0 = posSum(0, false);
    this.delta0 = deltaSum(0);
    this.unit0 = unitSum(0);
  }

  // ---- addresses ----

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(part, j, sec, a, b);
  }

  private long f0() {
    return parts.const0();
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  /** Bit i of e_j + 2^q: the exponent's bits, the top one negated. */
  long biased(long j, long i) {
    return i < s.q() ? input(s.p() + i, j) : at(BIAS, 0, 0, 0, j);
  }

  long nonZero(long j) {
    return input(s.p() - 1, j);
  }

  /** [term k is non-zero and e_k &gt; e_t] (k ≠ t). */
  long above(long k, long t) {
    return at(CMP, k * n + t, 5, 0, 0);
  }

  long top(long t) {
    return at(TOP, t, 6, 0, 0);
  }

  private long shrunk(long t) {
    return at(TOP, t, 8, 0, 0);
  }

  private long excess(long t, long i) {
    return at(TOP, t, 9, i, 0);
  }

  private long maxE(long i) {
    return at(MAXE, 0, 4, i, 0);
  }

  /** Bit i of e_k − e_t − G (mod 2^diffBits). */
  private long gapBit(long k, long t, long i) {
    return constant(k) ? bit(gapSum(k * n + t), i) : bit(gap0, k * n + t, i);
  }

  /** Bit i of term j's window position. */
  long position(long j, long i) {
    return constant(j) ? bit(posSum(j), i) : bit(pos0, j, i);
  }

  /** Whether some exponent bit below the top of term j is the constant false. */
  private boolean constant(long j) {
    return falseBits != null && falseBits[(int) j] != null
        && falseBits[(int) j].shiftRight(s.p()).bitLength() > 0
        && falseBits[(int) j].shiftRight(s.p()).getLowestSetBit() < s.q();
  }

  /** Whether bit c of eb_j is the constant false (c &lt; q; the top bit is a NOT gate). */
  private boolean falseBit(long j, long c) {
    return c < s.q() && falseBits != null && falseBits[(int) j] != null
        && falseBits[(int) j].testBit((int) (s.p() + c));
  }

  /** Bit i of a sum shaped for its own index, false beyond its width. */
  private long bit(SumStages sum, long i) {
    return i < sum.width() ? sum.bit((int) i) : f0();
  }

  /** Bit i of the unit exponent of the cluster term j tops. */
  long unitExponent(long j, long i) {
    return bit(unit0, j, i);
  }

  /**
   * Bit i of the sum at index j whose index-0 copy is {@code template}: the sums of one part have
   * the same columns' shape for every j, so bit i's address differs only in its field j (false
   * beyond the sum's width, as {@code Bits.slice} pads).
   */
  private long bit(SumStages template, long j, long i) {
    long t = i < template.width() ? template.bit((int) i) : f0();
    return t == f0() ? t : t + (j << parts.base().bits());
  }

  /** A constant's bit c as a column entry: true, or absent (the builder drops false). */
  private long constEntry(long v, int width, long c) {
    long masked = v & (width >= 64 ? -1L : (1L << width) - 1);
    return (c >= 63 ? masked < 0 : (masked >>> c & 1) != 0) ? parts.const1() : -1;
  }

  // ---- the iterated additions, each in its own namespace ----

  /** e_k + ¬e_t + (1 − G) over diffBits bits, J = k·n + t. */
  private SumStages gapSum(long pair) {
    return gapSum(pair, true);
  }

  /** The same, a constant's false bits left out where {@code constantsShape}. */
  private SumStages gapSum(long pair, boolean constantsShape) {
    long k = pair / n;
    int d = s.diffBits();
    return sum(GAP, pair, new StackedColumns(d, (r, c) -> switch ((int) r) {
      case 0 -> c < w && !(constantsShape && falseBit(k, c)) ? biased(k, c) : -1;
      case 1 -> at(CMP, pair, 11, c, 0);
      default -> constEntry(1 - s.gap(), d, c);
    }, 3, 0, 0, null, null));
  }

  /** eb_j + ¬E + span + 1 + Σ_t x_t over posBits bits, x_t term t's counted shrink. */
  private SumStages posSum(long j) {
    return posSum(j, true);
  }

  private SumStages posSum(long j, boolean constantsShape) {
    int pb = s.posBits();
    return sum(POS, j, new StackedColumns(pb, (r, c) -> switch ((int) r) {
      case 0 -> c < w && !(constantsShape && falseBit(j, c)) ? biased(j, c) : -1;
      case 1 -> at(POSNOT, j, 0, c, 0);
      default -> constEntry(s.span() + 1L, pb, c);
    }, 3, n, Math.min(pb, s.diffBits() - 1), (t, c) -> shrinkBit(j, t, c),
        h -> shrinkOf(j, h)));
  }

  /** Δ_j = Σ_t x_t. */
  private SumStages deltaSum(long j) {
    int d = s.diffBits() - 1;
    return sum(DELTA, j, new StackedColumns(d, null, 0, n, d, (t, c) -> shrinkBit(j, t, c),
        h -> shrinkOf(j, h)));
  }

  /** (E + 2^q) + ¬Δ_j + 1 − 2^q − span over ew bits. */
  private SumStages unitSum(long j) {
    int ew = s.ew();
    return sum(UNIT, j, new StackedColumns(ew, (r, c) -> switch ((int) r) {
      case 0 -> c < w ? maxE(c) : -1;
      case 1 -> at(POSNOT, j, 1, c, 0);
      default -> constEntry(1 + s.minExponent() - s.span(), ew, c);
    }, 3, 0, 0, null, null));
  }

  private SumStages sum(int part, long j, StackedColumns cols) {
    long max = 0;
    for (int c = 0; c < cols.count(); c++) {
      max = Math.max(max, cols.height(c));
    }
    return new SumStages(parts.layout(part, j), cols, max);
  }

  private long shrinkBit(long j, long t, long c) {
    return at(SHRINK, j * n + t, 2, c, 0);
  }

  /** The t of x_t's bit h of term j's shrinks, or −1. */
  private long shrinkOf(long j, long h) {
    long pair = parts.j(h);
    return parts.part(h) == SHRINK && pair / n == j ? pair % n : -1;
  }

  // ---- gates ----

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  Gate gate(long address, int part, long j, int sec, long a, long b) {
    long f0 = f0();
    int d = s.diffBits();
    switch (part) {
      case BIAS -> {
        require(j == 0 && sec == 0 && a == 0 && b < n, "biased exponents: j = 0, section 0, "
            + "a = 0, b < " + n + "; not " + j + ", " + sec + ", " + a + ", " + b);
        return Gate.of(address, NOT, input(s.p() + s.q(), b));
      }
      case GAP, POS, DELTA, UNIT -> {
        require(part == GAP ? isPair(j) : j < n, "no index " + j + " in part " + part);
        SumStages sum = switch (part) {
          case GAP -> gapSum(j);
          case POS -> posSum(j);
          case DELTA -> deltaSum(j);
          default -> unitSum(j);
        };
        return parts.sumGate(sum, part, j, address);
      }
      default -> { }
    }
    return switch (part) {
      case CMP -> {
        require(isPair(j), "no pair " + j + " (k ≠ t < " + n + ")");
        long k = j / n;
        long t = j % n;
        long bits = sec == 11 ? d : sec == 4 || sec == 5 || sec == 10 ? 1 : w;
        require(sec <= 11 && a < bits && b == 0, "comparison sections 0..11, a < " + bits
            + ", b = 0; not " + sec + ", " + a + ", " + b);
        yield switch (sec) {
          case 0, 2, 6 -> Gate.of(address, NOT, biased(t, a));
          case 1, 7 -> Gate.of(address, OR, biased(k, a), at(CMP, j, sec - 1, a, 0));
          case 3 -> new Gate(address, AND, (int) (w - a + 1), 0, r -> r == 0 ? biased(k, a)
              : r == 1 ? at(CMP, j, 2, a, 0) : at(CMP, j, 1, a + r - 1, 0), null);
          case 4 -> new Gate(address, OR, w, 0, r -> at(CMP, j, 3, r, 0), null);
          case 5 -> Gate.of(address, AND, nonZero(k), at(CMP, j, 4, 0, 0));
          case 8 -> Gate.of(address, NOT, biased(k, a));
          case 9 -> Gate.of(address, OR, at(CMP, j, 8, a, 0), biased(t, a));
          case 10 -> new Gate(address, AND, 2 * w, 0,
              r -> at(CMP, j, r % 2 == 0 ? 7 : 9, r / 2, 0), null);
          default -> Gate.of(address, NOT, a < w ? biased(t, a) : f0);
        };
      }
      case TOP -> {
        require(j < n, "no term " + j);
        long t = j;
        require(sec <= 9 && (sec == 9 ? a < d - 1 : a == 0)
            && (sec == 0 ? b < n && b != t : sec == 1 ? b < t : b == 0),
            "cluster tops: sections 0..9 (0: k ≠ t, 1: k < t, 9: a < " + (d - 1) + "); not "
            + sec + ", " + a + ", " + b);
        yield switch (sec) {
          case 0 -> Gate.of(address, AND, above(b, t), gapBit(b, t, d - 1));
          case 1 -> Gate.of(address, AND, nonZero(b), at(CMP, b * n + t, 10, 0, 0));
          case 2 -> new Gate(address, OR, n, 0, r -> r == t ? f0 : at(TOP, t, 0, 0, r), null);
          case 3, 5 -> Gate.of(address, NOT, at(TOP, t, sec - 1, 0, 0));
          case 4 -> new Gate(address, OR, n, 0, r -> r < t ? at(TOP, t, 1, 0, r) : f0, null);
          case 6 -> Gate.of(address, AND, nonZero(t), at(TOP, t, 3, 0, 0), at(TOP, t, 5, 0, 0));
          case 7 -> new Gate(address, OR, n, 0, r -> r == t ? f0 : above(r, t), null);
          case 8 -> Gate.of(address, AND, top(t), at(TOP, t, 7, 0, 0));
          default -> new Gate(address, OR, n, 0,
              r -> r == t ? f0 : at(NEXT, t * n + r, 4, a, 0), null);
        };
      }
      case NEXT -> {
        require(isPair(j), "no pair " + j);
        long t = j / n;
        long k = j % n;
        require(sec <= 4 && (sec == 4 ? a < d - 1 : a == 0)
            && (sec == 0 ? b < n && b != k && b != t : b == 0), "next-term sections 0..4; not "
            + sec + ", " + a + ", " + b);
        yield switch (sec) {
          case 0 -> Gate.of(address, AND, above(b, t), above(k, b));
          case 1 -> new Gate(address, OR, n, 0,
              r -> r == k || r == t ? f0 : at(NEXT, j, 0, 0, r), null);
          case 2 -> Gate.of(address, NOT, at(NEXT, j, 1, 0, 0));
          case 3 -> Gate.of(address, AND, shrunk(t), above(k, t), at(NEXT, j, 2, 0, 0));
          default -> Gate.of(address, AND, at(NEXT, j, 3, 0, 0), gapBit(k, t, a));
        };
      }
      case MAXE -> {
        require(sec <= 4 && (sec == 4 ? j == 0 : j < n) && (sec >= 3 ? a < w : a == 0)
            && b == 0, "largest exponent: sections 0..4; not " + j + ", " + sec + ", " + a
            + ", " + b);
        long k = j;
        yield switch (sec) {
          case 0 -> new Gate(address, OR, n, 0, r -> r == k ? f0 : above(r, k), null);
          case 1 -> Gate.of(address, NOT, at(MAXE, k, 0, 0, 0));
          case 2 -> Gate.of(address, AND, nonZero(k), at(MAXE, k, 1, 0, 0));
          case 3 -> Gate.of(address, AND, at(MAXE, k, 2, 0, 0), biased(k, a));
          default -> new Gate(address, OR, n, 0, r -> at(MAXE, r, 3, a, 0), null);
        };
      }
      case SHRINK -> {
        require(j < (long) n * n, "no pair " + j);
        long jj = j / n;
        long t = j % n;
        require(sec <= 2 && (sec == 0 ? t != jj : true) && (sec == 2 ? a < d - 1 : a == 0)
            && b == 0, "shrinks: sections 0 (t ≠ j), 1, 2 (a < " + (d - 1) + "); not " + sec
            + ", " + a + ", " + b);
        yield switch (sec) {
          case 0 -> Gate.of(address, NOT, above(jj, t));
          case 1 -> Gate.of(address, AND, shrunk(t),
              t == jj ? parts.const1() : at(SHRINK, j, 0, 0, 0));
          default -> Gate.of(address, AND, at(SHRINK, j, 1, 0, 0), excess(t, a));
        };
      }
      default -> {
        require(j < n && sec <= 1 && a < (sec == 0 ? s.posBits() : s.ew()) && b == 0,
            "position NOTs: sections 0 (a < " + s.posBits() + "), 1 (a < " + s.ew() + "); not "
            + sec + ", " + a + ", " + b);
        if (sec == 0) {
          yield Gate.of(address, NOT, a < w ? maxE(a) : f0);
        }
        yield Gate.of(address, NOT, bit(delta0, j, a));
      }
    };
  }

  private boolean isPair(long j) {
    return j < (long) n * n && j / n != j % n;
  }

  /** The index of h among the inputs of gate g (answered as {@code gate}), by arithmetic. */
  int inputIndex(Gate gate, int part, long g, long h) {
    long j = parts.j(g);
    int sec = parts.section(g);
    long a = parts.a(g);
    long hj = parts.j(h);
    int hp = parts.part(h);
    int hs = parts.section(h);
    long f0 = f0();
    return switch (part) {
      case GAP, POS, DELTA, UNIT -> {
        SumStages sum = switch (part) {
          case GAP -> gapSum(j);
          case POS -> posSum(j);
          case DELTA -> deltaSum(j);
          default -> unitSum(j);
        };
        Layout l = parts.layout(part, j);
        Section se = l.section(g);
        yield sum.stage(se).inputIndex(se, l.a(g), l.b(g), h);
      }
      case CMP -> switch (sec) {
        case 3 -> {
          if (h == gate.input(0)) {
            yield 0;
          }
          yield hp == CMP && hj == j && hs == 2 ? Stage.checked(gate, h, 1)
              : hp == CMP && hj == j && hs == 1 ? Stage.checked(gate, h, parts.a(h) - a + 1)
              : -1;
        }
        case 4 -> hp == CMP && hj == j && hs == 3 ? Stage.checked(gate, h, parts.a(h)) : -1;
        case 10 -> hp == CMP && hj == j && (hs == 7 || hs == 9)
            ? Stage.checked(gate, h, 2 * parts.a(h) + (hs == 9 ? 1 : 0)) : -1;
        default -> Stage.scan(gate, h);
      };
      case TOP -> switch (sec) {
        case 2, 4, 7, 9 -> {
          if (h == f0) { // false stands at index t (and after it in section 4)
            yield Stage.checked(gate, h, j);
          }
          long r = switch (sec) {
            case 2 -> hp == TOP && hj == j && hs == 0 ? parts.b(h) : -1;
            case 4 -> hp == TOP && hj == j && hs == 1 ? parts.b(h) : -1;
            case 7 -> hp == CMP && hs == 5 ? hj / n : -1;
            default -> hp == NEXT && hs == 4 && hj / n == j ? hj % n : -1;
          };
          yield Stage.checked(gate, h, r);
        }
        default -> Stage.scan(gate, h);
      };
      case NEXT -> sec == 1 ? h == f0 ? Stage.checked(gate, h, Math.min(j / n, j % n))
          : hp == NEXT && hj == j && hs == 0 ? Stage.checked(gate, h, parts.b(h)) : -1
          : Stage.scan(gate, h);
      case MAXE -> switch (sec) {
        case 0 -> h == f0 ? Stage.checked(gate, h, j)
            : hp == CMP && hs == 5 ? Stage.checked(gate, h, hj / n) : -1;
        case 4 -> hp == MAXE && hs == 3 ? Stage.checked(gate, h, hj) : -1;
        default -> Stage.scan(gate, h);
      };
      default -> Stage.scan(gate, h);
    };
  }

  void forEachBefore(LongConsumer sink) {
    for (long j = 0; j < n; j++) {
      sink.accept(at(BIAS, 0, 0, 0, j));
    }
    int d = s.diffBits();
    for (long k = 0; k < n; k++) {
      for (long t = 0; t < n; t++) {
        if (k == t) {
          continue;
        }
        long pair = k * n + t;
        for (long i = 0; i < w; i++) {
          sink.accept(at(CMP, pair, 0, i, 0));
          sink.accept(at(CMP, pair, 1, i, 0));
        }
        for (long i = 0; i < w; i++) {
          sink.accept(at(CMP, pair, 2, i, 0));
          sink.accept(at(CMP, pair, 3, i, 0));
        }
        sink.accept(at(CMP, pair, 4, 0, 0));
        sink.accept(at(CMP, pair, 5, 0, 0));
        for (long i = 0; i < w; i++) {
          for (int sec = 6; sec <= 9; sec++) {
            sink.accept(at(CMP, pair, sec, i, 0));
          }
        }
        sink.accept(at(CMP, pair, 10, 0, 0));
        for (long i = 0; i < d; i++) {
          sink.accept(at(CMP, pair, 11, i, 0));
        }
        gapSum(pair).forEach(sink);
      }
    }
    for (long t = 0; t < n; t++) {
      for (long k = 0; k < n; k++) {
        if (k != t) {
          sink.accept(at(TOP, t, 0, 0, k));
          if (k < t) {
            sink.accept(at(TOP, t, 1, 0, k));
          }
        }
      }
      for (int sec = 2; sec <= 8; sec++) {
        sink.accept(at(TOP, t, sec, 0, 0));
      }
      for (long k = 0; k < n; k++) {
        if (k == t) {
          continue;
        }
        long pair = t * n + k;
        for (long l = 0; l < n; l++) {
          if (l != k && l != t) {
            sink.accept(at(NEXT, pair, 0, 0, l));
          }
        }
        for (int sec = 1; sec <= 3; sec++) {
          sink.accept(at(NEXT, pair, sec, 0, 0));
        }
        for (long i = 0; i < d - 1; i++) {
          sink.accept(at(NEXT, pair, 4, i, 0));
        }
      }
      for (long i = 0; i < d - 1; i++) {
        sink.accept(excess(t, i));
      }
    }
    for (long k = 0; k < n; k++) {
      for (int sec = 0; sec <= 2; sec++) {
        sink.accept(at(MAXE, k, sec, 0, 0));
      }
      for (long i = 0; i < w; i++) {
        sink.accept(at(MAXE, k, 3, i, 0));
      }
    }
    for (long i = 0; i < w; i++) {
      sink.accept(maxE(i));
    }
    for (long j = 0; j < n; j++) {
      for (long t = 0; t < n; t++) {
        if (t != j) {
          sink.accept(at(SHRINK, j * n + t, 0, 0, 0));
        }
        sink.accept(at(SHRINK, j * n + t, 1, 0, 0));
        for (long i = 0; i < d - 1; i++) {
          sink.accept(shrinkBit(j, t, i));
        }
      }
      for (long c = 0; c < s.posBits(); c++) {
        sink.accept(at(POSNOT, j, 0, c, 0));
      }
      posSum(j).forEach(sink);
      deltaSum(j).forEach(sink);
      for (long c = 0; c < s.ew(); c++) {
        sink.accept(at(POSNOT, j, 1, c, 0));
      }
      unitSum(j).forEach(sink);
    }
  }

  long gateCount() {
    long nn = n;
    long d = s.diffBits();
    long pairs = nn * (nn - 1);
    long perPair = 2 * (4L * w + 1) + 1 + d + gap0.gateCount();
    long tops = pairs + pairs / 2 + 7 * nn + pairs * (nn - 2 + 3 + d - 1) + nn * (d - 1);
    long maxe = nn * (3 + w) + w;
    long perTerm = (nn - 1) + nn + nn * (d - 1) + s.posBits() + s.ew() + pos0.gateCount()
        + delta0.gateCount() + unit0.gateCount();
    long shaped = 0; // a constant term's own gap and position sums
    for (long j = 0; falseBits != null && j < n; j++) {
      if (constant(j)) {
        shaped += posSum(j).gateCount() - pos0.gateCount();
        for (long t = 0; t < n; t++) {
          shaped += t == j ? 0 : gapSum(j * n + t).gateCount() - gap0.gateCount();
        }
      }
    }
    return nn + pairs * perPair + tops + maxe + nn * perTerm + shaped;
  }

  long sample(SplittableRandom rnd) {
    long k = rnd.nextInt(n);
    long t = (k + 1 + rnd.nextInt(n - 1)) % n;
    long pair = k * n + t;
    int d = s.diffBits();
    return switch (rnd.nextInt(10)) {
      case 0 -> at(BIAS, 0, 0, 0, k);
      case 1 -> {
        int sec = rnd.nextInt(12);
        long bits = sec == 11 ? d : sec == 4 || sec == 5 || sec == 10 ? 1 : w;
        yield at(CMP, pair, sec, rnd.nextLong(bits), 0);
      }
      case 2 -> gapSum(pair).sample(rnd);
      case 3 -> {
        int sec = rnd.nextInt(10);
        yield sec == 0 ? at(TOP, t, 0, 0, k) : sec == 1 ? at(TOP, Math.max(k, t), 1, 0,
            Math.min(k, t)) : at(TOP, t, sec, sec == 9 ? rnd.nextInt(d - 1) : 0, 0);
      }
      case 4 -> {
        int sec = rnd.nextInt(5);
        long l = rnd.nextInt(n);
        yield sec == 0 && n > 2 && l != k && l != t ? at(NEXT, pair, 0, 0, l)
            : at(NEXT, pair, Math.max(1, sec), sec == 4 ? rnd.nextInt(d - 1) : 0, 0);
      }
      case 5 -> {
        int sec = rnd.nextInt(5);
        yield at(MAXE, sec == 4 ? 0 : k, sec, sec >= 3 ? rnd.nextInt(w) : 0, 0);
      }
      case 6 -> {
        int sec = rnd.nextInt(3);
        yield at(SHRINK, pair, sec, sec == 2 ? rnd.nextInt(d - 1) : 0, 0);
      }
      case 7 -> rnd.nextBoolean() ? at(POSNOT, k, 0, rnd.nextInt(s.posBits()), 0)
          : at(POSNOT, k, 1, rnd.nextInt(s.ew()), 0);
      case 8 -> rnd.nextBoolean() ? posSum(k).sample(rnd) : deltaSum(k).sample(rnd);
      default -> unitSum(k).sample(rnd);
    };
  }
}
