package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The window of fp-sum after the clusters, parts 12–17 ({@link FpSumFamily}), as
 * {@code WindowedSum.sum} builds it: per term j the one-hot of its window position, m_j shifted
 * there and XORed with its sign; their two's complement total by {@code sumWide} (column counts,
 * block sums, {@link BlockAdderPart}); the magnitude of the total; per cluster top t whether the
 * total's leading one lies in its head room, and the unit exponent of the lowest such cluster.
 */
final class WindowPart {
  static final int ONEHOT = 12;
  static final int WSUM = 13;
  static final int WADD = 14;
  static final int MAG = 15;
  static final int HEAD = 16;
  static final int CHOSEN = 17;

  private final Parts parts;
  private final WindowShape s;
  private final ClusterPart clusters;
  private final int n;
  private final int width;
  private final CountStage count;
  private final BlockStage block;
  private final BlockAdderPart adder;

  WindowPart(Parts parts, WindowShape s, ClusterPart clusters) {
    this.parts = parts;
    this.s = s;
    this.clusters = clusters;
    this.n = s.n();
    this.width = s.width();
    Layout l = parts.layout(WSUM, 0);
    this.count = new CountStage(l, new Terms(), 2L * n, 0);
    this.block = new BlockStage(l, count.output(), count.outputMaxHeight());
    this.adder = new BlockAdderPart(parts, WADD, block.output());
  }

  /**
   * Column c of the total: bit c of every term's signed, aligned significand (term order), and in
   * column 0 the n signs after them (the +1 of each negation).
   */
  private final class Terms implements Columns {
    @Override
    public int count() {
      return width;
    }

    @Override
    public long height(int c) {
      return c < 0 || c >= width ? 0 : c == 0 ? 2L * n : n;
    }

    @Override
    public long entry(int c, long e) {
      return e < n ? signed(e, c) : at(ONEHOT, e - n, 4, 0, 0);
    }

    @Override
    public long indexOf(int c, long h) {
      if (parts.part(h) != ONEHOT || c < 0 || c >= width) {
        return -1;
      }
      long j = parts.j(h);
      long e = parts.section(h) == 5 ? j : c == 0 && parts.section(h) == 4 ? n + j : -1;
      return e >= 0 && j < n && entry(c, e) == h ? e : -1;
    }
  }

  private long at(int part, long j, int sec, long a, long b) {
    return parts.at(part, j, sec, a, b);
  }

  private long input(long bit, long operand) {
    return parts.base().address(Section.INPUT, bit, operand);
  }

  /** Bit c of term j's aligned significand XOR its sign. */
  private long signed(long j, long c) {
    return at(ONEHOT, j, 5, c, 4);
  }

  private long total(long i) {
    return adder.sumBit(i);
  }

  /** The sign of the total, bit width − 1. */
  long negative() {
    return total(width - 1);
  }

  /** Bit i of the total's magnitude: N of the rounding. */
  long magnitude(long i) {
    return at(MAG, 0, 1, i, 5);
  }

  /** Bit i of the head cluster's unit exponent: E of the rounding. */
  long exponent(long i) {
    return at(CHOSEN, 0, 5, i, 0);
  }

  private long inHead(long t) {
    return at(HEAD, t, 4, 0, 0);
  }

  /** The terms i of the shift's OR at bit k: m_i lands there when 0 ≤ k − i ≤ span. */
  private long lowTerm(long k) {
    return Math.max(0, k - s.span());
  }

  private long terms(long k) {
    return Math.max(0, Math.min(s.p() - 1, k) - lowTerm(k) + 1);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  Gate gate(long address, int part, long j, int sec, long a, long b) {
    long f0 = parts.const0();
    int span = s.span();
    int pb = s.posBits();
    if (part == WSUM) {
      require(j == 0, "the total has index 0 only");
      Section se = parts.layout(WSUM, 0).section(address);
      require(se != null && se.ordinal() >= Section.COUNT_T.ordinal()
          && se.ordinal() <= Section.BLOCK_BIT.ordinal(), "the total's counts: sections 3..6");
      Stage st = se.ordinal() <= Section.COUNT_BIT.ordinal() ? count : block;
      return st.gate(address, se, a, b);
    }
    if (part == WADD) {
      require(j == 0, "the total's adder has index 0 only");
      return adder.gate(address, sec, a, b);
    }
    return switch (part) {
      case ONEHOT -> {
        require(j < n, "no term " + j);
        boolean ok = switch (sec) {
          case 0 -> a <= span && b < pb && (a >>> b & 1) == 0;
          case 1 -> a <= span && b == 0;
          case 2 -> a < width && b < s.p() && a - b >= 0 && a - b <= span;
          case 3 -> a < width && b == 0;
          case 4 -> a == 0 && b == 0;
          case 5 -> a < width && b <= 4;
          default -> false;
        };
        require(ok, "one-hot and shift: sections 0..5; not " + sec + ", " + a + ", " + b);
        yield switch (sec) {
          case 0 -> Gate.of(address, NOT, clusters.position(j, b));
          case 1 -> new Gate(address, AND, pb, 0, r -> (a >>> r & 1) != 0
              ? clusters.position(j, r) : at(ONEHOT, j, 0, a, r), null);
          case 2 -> Gate.of(address, AND, at(ONEHOT, j, 1, a - b, 0), input(b, j));
          case 3 -> new Gate(address, OR, (int) terms(a), 0,
              r -> at(ONEHOT, j, 2, a, lowTerm(a) + r), null);
          case 4 -> Gate.of(address, AND, input(s.p() + s.q() + 1, j), input(s.p() - 1, j));
          default -> {
            long x = at(ONEHOT, j, 3, a, 0);
            long sign = at(ONEHOT, j, 4, 0, 0);
            yield switch ((int) b) {
              case 0 -> Gate.of(address, NOT, sign);
              case 1 -> Gate.of(address, AND, x, at(ONEHOT, j, 5, a, 0));
              case 2 -> Gate.of(address, NOT, x);
              case 3 -> Gate.of(address, AND, at(ONEHOT, j, 5, a, 2), sign);
              default -> Gate.of(address, OR, at(ONEHOT, j, 5, a, 1), at(ONEHOT, j, 5, a, 3));
            };
          }
        };
      }
      case MAG -> {
        require(j == 0 && a < width && (sec == 0 ? a >= 1 && b == 0 : sec == 1 && b <= 5),
            "magnitude: section 0 (a = 1.." + (width - 1) + "), 1 (b = 0..5); not " + sec
            + ", " + a + ", " + b);
        if (sec == 0) {
          yield new Gate(address, OR, (int) a, 0, this::total, null);
        }
        long and = at(MAG, 0, 1, a, 0);
        yield switch ((int) b) {
          case 0 -> Gate.of(address, AND, negative(), a == 0 ? f0 : at(MAG, 0, 0, a, 0));
          case 1 -> Gate.of(address, NOT, and);
          case 2 -> Gate.of(address, AND, total(a), at(MAG, 0, 1, a, 1));
          case 3 -> Gate.of(address, NOT, total(a));
          case 4 -> Gate.of(address, AND, at(MAG, 0, 1, a, 3), and);
          default -> Gate.of(address, OR, at(MAG, 0, 1, a, 2), at(MAG, 0, 1, a, 4));
        };
      }
      case HEAD -> {
        require(j < n && sec <= 4 && (sec <= 2 ? a <= span : a == 0) && b == 0,
            "head room: sections 0..2 (a ≤ " + span + "), 3, 4; not " + sec + ", " + a + ", "
            + b);
        long u = a + s.headroom();
        yield switch (sec) {
          case 0 -> new Gate(address, OR, (int) (width - u), 0, r -> magnitude(u + r), null);
          case 1 -> Gate.of(address, NOT, at(HEAD, j, 0, a, 0));
          case 2 -> Gate.of(address, AND, at(ONEHOT, j, 1, a, 0), at(HEAD, j, 1, a, 0));
          case 3 -> new Gate(address, OR, span + 1, 0, r -> at(HEAD, j, 2, r, 0), null);
          default -> Gate.of(address, AND, clusters.top(j), at(HEAD, j, 3, 0, 0));
        };
      }
      default -> {
        boolean ok = sec == 5 ? j == 0 && a < s.ew() && b == 0
            : j < n && sec <= 4 && (sec == 4 ? a < s.ew() : a == 0)
                && (sec == 0 ? b < n && b != j : b == 0);
        require(ok, "head cluster: sections 0 (b ≠ t), 1..4, 5 (j = 0); not " + j + ", " + sec
            + ", " + a + ", " + b);
        long t = j;
        yield switch (sec) {
          case 0 -> Gate.of(address, AND, clusters.above(t, b), inHead(b));
          case 1 -> new Gate(address, OR, n, 0,
              r -> r == t ? f0 : at(CHOSEN, t, 0, 0, r), null);
          case 2 -> Gate.of(address, NOT, at(CHOSEN, t, 1, 0, 0));
          case 3 -> Gate.of(address, AND, inHead(t), at(CHOSEN, t, 2, 0, 0));
          case 4 -> Gate.of(address, AND, at(CHOSEN, t, 3, 0, 0), clusters.unitExponent(t, a));
          default -> new Gate(address, OR, n, 0, r -> at(CHOSEN, r, 4, a, 0), null);
        };
      }
    };
  }

  /** The index of h among the inputs of gate g (answered as {@code gate}), by arithmetic. */
  int inputIndex(Gate gate, int part, long g, long h) {
    long j = parts.j(g);
    int sec = parts.section(g);
    long a = parts.a(g);
    long hj = parts.j(h);
    int hp = parts.part(h);
    int hs = parts.section(h);
    long f0 = parts.const0();
    return switch (part) {
      case WSUM -> {
        Layout l = parts.layout(WSUM, 0);
        Section se = l.section(g);
        Stage st = se.ordinal() <= Section.COUNT_BIT.ordinal() ? count : block;
        yield st.inputIndex(se, a, parts.b(g), h);
      }
      case WADD -> adder.inputIndex(gate, sec, a, parts.b(g), h);
      case ONEHOT -> switch (sec) {
        case 1 -> hp == ONEHOT ? hj == j && hs == 0 ? Stage.checked(gate, h, parts.b(h)) : -1
            : Stage.scan(gate, h); // the position's posBits bits
        case 3 -> hp == ONEHOT && hj == j && hs == 2
            ? Stage.checked(gate, h, parts.b(h) - lowTerm(a)) : -1;
        default -> Stage.scan(gate, h);
      };
      case MAG -> sec == 0 ? Stage.checked(gate, h, hp == WADD ? parts.a(h) : -1)
          : Stage.scan(gate, h);
      case HEAD -> switch (sec) {
        case 0 -> hp == MAG ? Stage.checked(gate, h, parts.a(h) - a - s.headroom()) : -1;
        case 3 -> hp == HEAD && hj == j && hs == 2 ? Stage.checked(gate, h, parts.a(h)) : -1;
        default -> Stage.scan(gate, h);
      };
      default -> switch (sec) {
        case 1 -> h == f0 ? Stage.checked(gate, h, j)
            : hp == CHOSEN && hj == j && hs == 0 ? Stage.checked(gate, h, parts.b(h)) : -1;
        case 5 -> hp == CHOSEN && hs == 4 ? Stage.checked(gate, h, hj) : -1;
        default -> Stage.scan(gate, h);
      };
    };
  }

  void forEach(LongConsumer sink) {
    int span = s.span();
    int pb = s.posBits();
    for (long j = 0; j < n; j++) {
      for (long v = 0; v <= span; v++) {
        for (long i = 0; i < pb; i++) {
          if ((v >>> i & 1) == 0) {
            sink.accept(at(ONEHOT, j, 0, v, i));
          }
        }
        sink.accept(at(ONEHOT, j, 1, v, 0));
      }
      for (long k = 0; k < width; k++) {
        for (long r = 0; r < terms(k); r++) {
          sink.accept(at(ONEHOT, j, 2, k, lowTerm(k) + r));
        }
        sink.accept(at(ONEHOT, j, 3, k, 0));
      }
      sink.accept(at(ONEHOT, j, 4, 0, 0));
      for (long i = 0; i < width; i++) {
        for (int b = 0; b <= 4; b++) {
          sink.accept(at(ONEHOT, j, 5, i, b));
        }
      }
    }
    count.forEach(sink);
    block.forEach(sink);
    adder.forEach(sink);
    for (long i = 0; i < width; i++) {
      if (i > 0) {
        sink.accept(at(MAG, 0, 0, i, 0));
      }
      for (int b = 0; b <= 5; b++) {
        sink.accept(at(MAG, 0, 1, i, b));
      }
    }
    for (long t = 0; t < n; t++) {
      for (long v = 0; v <= span; v++) {
        for (int sec = 0; sec <= 2; sec++) {
          sink.accept(at(HEAD, t, sec, v, 0));
        }
      }
      sink.accept(at(HEAD, t, 3, 0, 0));
      sink.accept(inHead(t));
    }
    for (long t = 0; t < n; t++) {
      for (long u = 0; u < n; u++) {
        if (u != t) {
          sink.accept(at(CHOSEN, t, 0, 0, u));
        }
      }
      for (int sec = 1; sec <= 3; sec++) {
        sink.accept(at(CHOSEN, t, sec, 0, 0));
      }
      for (long i = 0; i < s.ew(); i++) {
        sink.accept(at(CHOSEN, t, 4, i, 0));
      }
    }
    for (long i = 0; i < s.ew(); i++) {
      sink.accept(exponent(i));
    }
  }

  long gateCount() {
    long span = s.span();
    long pb = s.posBits();
    long zeros = 0; // Σ_v (zero bits of v among posBits) + 1
    for (long v = 0; v <= span; v++) {
      zeros += pb - Long.bitCount(v) + 1;
    }
    long shift = 0;
    for (long k = 0; k < width; k++) {
      shift += terms(k) + 1;
    }
    long nn = n;
    long perTerm = zeros + shift + 1 + 5L * width;
    return nn * perTerm + count.gateCount() + block.gateCount() + adder.gateCount()
        + (width - 1) + 6L * width + nn * (3 * (span + 1) + 2)
        + nn * ((nn - 1) + 3 + s.ew()) + s.ew();
  }

  long sample(SplittableRandom rnd) {
    long j = rnd.nextInt(n);
    int span = s.span();
    return switch (rnd.nextInt(8)) {
      case 0 -> {
        long v = rnd.nextInt(span + 1);
        long i = rnd.nextInt(s.posBits());
        yield (v >>> i & 1) == 0 ? at(ONEHOT, j, 0, v, i) : at(ONEHOT, j, 1, v, 0);
      }
      case 1 -> {
        long k = rnd.nextInt(width);
        yield terms(k) > 0 && rnd.nextBoolean()
            ? at(ONEHOT, j, 2, k, lowTerm(k) + rnd.nextLong(terms(k))) : at(ONEHOT, j, 3, k, 0);
      }
      case 2 -> rnd.nextBoolean() ? at(ONEHOT, j, 5, rnd.nextInt(width), rnd.nextInt(5))
          : at(ONEHOT, j, 4, 0, 0);
      case 3 -> rnd.nextBoolean() ? count.sample(rnd) : block.sample(rnd);
      case 4 -> adder.sample(rnd);
      case 5 -> {
        long i = 1 + rnd.nextInt(width - 1);
        yield rnd.nextBoolean() ? at(MAG, 0, 0, i, 0) : at(MAG, 0, 1, i, rnd.nextInt(6));
      }
      case 6 -> rnd.nextBoolean() ? at(HEAD, j, rnd.nextInt(3), rnd.nextInt(span + 1), 0)
          : at(HEAD, j, 3 + rnd.nextInt(2), 0, 0);
      default -> {
        int sec = rnd.nextInt(6);
        long u = (j + 1 + rnd.nextInt(n - 1)) % n;
        yield sec == 0 ? at(CHOSEN, j, 0, 0, u) : sec == 5 ? exponent(rnd.nextInt(s.ew()))
            : at(CHOSEN, j, sec, sec == 4 ? rnd.nextInt(s.ew()) : 0, 0);
      }
    };
  }
}
