package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.GateType;

/**
 * Stage 1 of iterated addition, as {@code IteratedAddition.countColumns} builds it: for each
 * nonempty column j of height h_j, the thresholds T_v = [ones ≥ v] (v = 1..h_j, unit weights)
 * and the bits of the count, bit t = [Σ_{r=1}^{⌊h_j/2^t⌋} (−1)^{r+1} T_{r·2^t} ≥ 1]. Bit t of
 * column j's count lands in column j + t of the output.
 */
final class CountStage implements Stage {
  private final Layout layout;
  private final Columns in;
  private final int lMax;
  private final Columns out;
  private final long outMax;

  /**
   * @param in the columns to count
   * @param inMax their largest height
   * @param inPeak a column of largest height with heights nondecreasing before it and
   *     nonincreasing after it; −1 when the heights have no such shape: then every output
   *     column is looked at
   */
  CountStage(Layout layout, Columns in, long inMax, int inPeak) {
    this.layout = layout;
    this.in = in;
    this.lMax = Stage.bitLength(inMax);
    int last = in.count() - 1;
    while (last > 0 && in.height(last) == 0) {
      last--;
    }
    // j + L_j ≤ j + lMax < last for j < last − lMax: the widest column is near the last.
    int width = 0;
    for (int j = Math.max(0, last - lMax); j <= last; j++) {
      if (in.height(j) > 0) {
        width = Math.max(width, j + bits(j));
      }
    }
    this.out = new Counted(width);
    // Output heights rise up to the input's peak and fall lMax columns after it.
    long max = 0;
    int from = inPeak < 0 ? 0 : inPeak;
    int to = inPeak < 0 ? width : Math.min(width, inPeak + lMax);
    for (int c = from; c < to; c++) {
      max = Math.max(max, out.height(c));
    }
    this.outMax = max;
  }

  /** The columns of count bits. */
  Columns output() {
    return out;
  }

  long outputMaxHeight() {
    return outMax;
  }

  /** The bits of column j's count. */
  private int bits(int j) {
    return Stage.bitLength(in.height(j));
  }

  @Override
  public Gate gate(long address, Section s, long a, long b) {
    if (a >= in.count() || in.height((int) a) == 0) {
      throw Stage.none(s, "no nonempty column " + a + " (" + in.count() + " columns)");
    }
    int j = (int) a;
    long h = in.height(j);
    if (s == Section.COUNT_T) {
      if (b < 1 || b > h) {
        throw Stage.none(s, "column " + j + " has thresholds 1.." + h + ", not " + b);
      }
      return new Gate(address, GateType.THRESHOLD, (int) h, b, e -> in.entry(j, e), e -> 1);
    }
    if (b >= bits(j)) {
      throw Stage.none(s, "column " + j + "'s count has " + bits(j) + " bits, not bit " + b);
    }
    int t = (int) b;
    // inputs T_{r·2^t}, r = 1..⌊h/2^t⌋, signs +, −, +, …
    return new Gate(address, GateType.THRESHOLD, (int) (h >> t), 1,
        r -> layout.address(Section.COUNT_T, j, (long) (r + 1) << t), r -> (r & 1) == 0 ? 1 : -1);
  }

  @Override
  public int inputIndex(Section s, long a, long b, long h) {
    int j = (int) a;
    if (s == Section.COUNT_T) {
      return (int) in.indexOf(j, h);
    }
    return thresholdIndex(layout, Section.COUNT_T, j, (int) b, in.height(j), h);
  }

  /**
   * The index of T_v = h among the inputs T_{r·2^t} (r = 1..⌊smax/2^t⌋) of bit t of a sum of
   * group a: r − 1 when v = r·2^t, else −1.
   */
  static int thresholdIndex(Layout layout, Section thresholds, long a, int t, long smax, long h) {
    long v = layout.b(h);
    long r = v >> t;
    return layout.section(h) == thresholds && layout.a(h) == a && r << t == v && r >= 1
        && r <= smax >> t ? (int) (r - 1) : -1;
  }

  @Override
  public void forEach(LongConsumer sink) {
    for (int j = 0; j < in.count(); j++) {
      long h = in.height(j);
      for (long v = 1; v <= h; v++) {
        sink.accept(layout.address(Section.COUNT_T, j, v));
      }
      for (int t = 0; h > 0 && t < bits(j); t++) {
        sink.accept(layout.address(Section.COUNT_BIT, j, t));
      }
    }
  }

  @Override
  public long gateCount() {
    long n = 0;
    for (int j = 0; j < in.count(); j++) {
      n += in.height(j) + (in.height(j) > 0 ? bits(j) : 0);
    }
    return n;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    int j;
    do {
      j = rnd.nextInt(in.count());
    } while (in.height(j) == 0);
    return rnd.nextBoolean()
        ? layout.address(Section.COUNT_T, j, 1 + rnd.nextLong(in.height(j)))
        : layout.address(Section.COUNT_BIT, j, rnd.nextInt(bits(j)));
  }

  /** Column c holds bit c − j of column j's count for every j with c − j < L_j, j ascending. */
  private final class Counted implements Columns {
    private final int width;

    Counted(int width) {
      this.width = width;
    }

    @Override
    public int count() {
      return width;
    }

    @Override
    public long height(int c) {
      if (in.flat()) { // j from max(0, c − L + 1) to min(c, count − 1)
        return c < 0 || c >= width ? 0
            : Math.min(c, in.count() - 1) - Math.max(0, c - lMax + 1) + 1;
      }
      long h = 0;
      for (int t = 0; t < lMax && t <= c; t++) {
        if (c - t < in.count() && t < bits(c - t)) {
          h++;
        }
      }
      return h;
    }

    @Override
    public long indexOf(int c, long address) {
      long j = layout.a(address);
      long t = layout.b(address);
      if (layout.section(address) != Section.COUNT_BIT || j + t != c || j >= in.count()
          || t >= bits((int) j)) {
        return -1;
      }
      if (in.flat()) {
        return j - Math.max(0, c - lMax + 1);
      }
      long e = 0; // entries before it: larger t, i.e. smaller j
      for (int u = Math.min(lMax - 1, c); u > t; u--) {
        if (c - u < in.count() && u < bits(c - u)) {
          e++;
        }
      }
      return e;
    }

    @Override
    public long entry(int c, long e) {
      if (in.flat()) {
        int j = (int) (Math.max(0, c - lMax + 1) + e);
        return layout.address(Section.COUNT_BIT, j, c - j);
      }
      // j ascending is t descending
      long seen = 0;
      for (int t = Math.min(lMax - 1, c); t >= 0; t--) {
        if (c - t < in.count() && t < bits(c - t) && seen++ == e) {
          return layout.address(Section.COUNT_BIT, c - t, t);
        }
      }
      throw new IndexOutOfBoundsException("entry " + e + " of count column " + c);
    }
  }
}
