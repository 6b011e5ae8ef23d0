package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.GateType;

/**
 * Stage 2 of iterated addition, as {@code IteratedAddition.blockSums} builds it: with
 * bw = max(1, bitLength(H − 1)) for the largest height H, block k of columns kb..kb+bw−1 sums to
 * S_k = Σ_u 2^u · (ones in column kb + u); its thresholds T_v = [S_k ≥ v] (v = 1..Smax_k) and
 * bits (as in {@link CountStage}) land at columns kb + i. A column then holds at most two bits:
 * the high bit i = bw + c mod bw of block c/bw − 1, then the low bit c mod bw of block c/bw.
 */
final class BlockStage implements Stage {
  private final Layout layout;
  private final Columns in;
  private final int bw;
  private final int blocks;
  private final Columns out;

  BlockStage(Layout layout, Columns in, long inMax) {
    this.layout = layout;
    this.in = in;
    this.bw = Math.max(1, Stage.bitLength(inMax - 1));
    this.blocks = (in.count() + bw - 1) / bw;
    // S_k < 2^{2bw}, so blocks before the last two end below the last block's end.
    int width = 0;
    for (int k = Math.max(0, blocks - 2); k < blocks; k++) {
      width = Math.max(width, k * bw + bits(k));
    }
    this.out = new Sums(width);
  }

  Columns output() {
    return out;
  }

  /** Smax_k = Σ_u 2^u · h(kb + u). */
  private long smax(int k) {
    long s = 0;
    for (int u = 0; u < bw; u++) {
      s += in.height(k * bw + u) << u;
    }
    return s;
  }

  private int bits(int k) {
    return Stage.bitLength(smax(k));
  }

  @Override
  public Gate gate(long address, Section s, long a, long b) {
    if (a >= blocks) {
      throw Stage.none(s, "no block " + a + " (" + blocks + " blocks)");
    }
    int k = (int) a;
    if (s == Section.BLOCK_T) {
      long[] h = new long[bw];
      long fanIn = 0;
      long smax = 0;
      for (int u = 0; u < bw; u++) {
        h[u] = in.height(k * bw + u);
        fanIn += h[u];
        smax += h[u] << u;
      }
      if (b < 1 || b > smax) {
        throw Stage.none(s, "block " + k + " has thresholds 1.." + smax + ", not " + b);
      }
      // input m is wire m − Σ_{u'<u} h_u' of column kb + u, weight 2^u
      return new Gate(address, GateType.THRESHOLD, (int) fanIn, b,
          m -> in.entry(k * bw + column(h, m), m - below(h, column(h, m))),
          m -> 1L << column(h, m));
    }
    long smax = smax(k);
    if (b >= Stage.bitLength(smax)) {
      throw Stage.none(s, "block " + k + "'s sum has " + Stage.bitLength(smax) + " bits, not bit "
          + b);
    }
    int i = (int) b;
    return new Gate(address, GateType.THRESHOLD, (int) (smax >> i), 1,
        r -> layout.address(Section.BLOCK_T, k, (long) (r + 1) << i), r -> (r & 1) == 0 ? 1 : -1);
  }

  /** The column u of the block that holds its input m. */
  private static int column(long[] h, long m) {
    int u = 0;
    for (long e = m; e >= h[u]; e -= h[u++]) {
      // skip column u
    }
    return u;
  }

  /** Σ_{u' < u} h_u'. */
  private static long below(long[] h, int u) {
    long s = 0;
    for (int i = 0; i < u; i++) {
      s += h[i];
    }
    return s;
  }

  @Override
  public int inputIndex(Section s, long a, long b, long h) {
    int k = (int) a;
    if (s == Section.BLOCK_BIT) {
      return CountStage.thresholdIndex(layout, Section.BLOCK_T, k, (int) b, smax(k), h);
    }
    long before = 0;
    for (int u = 0; u < bw; u++) {
      long e = in.indexOf(k * bw + u, h);
      if (e >= 0) {
        return (int) (before + e);
      }
      before += in.height(k * bw + u);
    }
    return -1;
  }

  @Override
  public void forEach(LongConsumer sink) {
    for (int k = 0; k < blocks; k++) {
      long smax = smax(k);
      for (long v = 1; v <= smax; v++) {
        sink.accept(layout.address(Section.BLOCK_T, k, v));
      }
      for (int i = 0; i < Stage.bitLength(smax); i++) {
        sink.accept(layout.address(Section.BLOCK_BIT, k, i));
      }
    }
  }

  @Override
  public long gateCount() {
    long n = 0;
    for (int k = 0; k < blocks; k++) {
      n += smax(k) + bits(k);
    }
    return n;
  }

  @Override
  public long sample(SplittableRandom rnd) {
    int k = rnd.nextInt(blocks);
    return rnd.nextBoolean()
        ? layout.address(Section.BLOCK_T, k, 1 + rnd.nextLong(smax(k)))
        : layout.address(Section.BLOCK_BIT, k, rnd.nextInt(bits(k)));
  }

  /** Column c: [high bit of block c/bw − 1], [low bit of block c/bw], each where it exists. */
  private final class Sums implements Columns {
    private final int width;

    Sums(int width) {
      this.width = width;
    }

    @Override
    public int count() {
      return width;
    }

    private boolean hasHigh(int c) {
      int k = c / bw - 1;
      return k >= 0 && k < blocks && bw + c % bw < bits(k);
    }

    private boolean hasLow(int c) {
      int k = c / bw;
      return k < blocks && c % bw < bits(k);
    }

    @Override
    public long height(int c) {
      return c < 0 || c >= width ? 0 : (hasHigh(c) ? 1 : 0) + (hasLow(c) ? 1 : 0);
    }

    @Override
    public long indexOf(int c, long address) {
      for (int e = 0; e < height(c); e++) {
        if (entry(c, e) == address) {
          return e;
        }
      }
      return -1;
    }

    @Override
    public long entry(int c, long e) {
      if (e == 0 && hasHigh(c)) {
        return layout.address(Section.BLOCK_BIT, c / bw - 1, bw + c % bw);
      }
      if (e == (hasHigh(c) ? 1 : 0) && hasLow(c)) {
        return layout.address(Section.BLOCK_BIT, c / bw, c % bw);
      }
      throw new IndexOutOfBoundsException("entry " + e + " of block column " + c);
    }
  }
}
