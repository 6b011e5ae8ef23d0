package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_AND;
import static ssmlab.circuit.GateType.K_MAJ;
import static ssmlab.circuit.GateType.K_NOT;
import static ssmlab.circuit.GateType.K_OR;
import static ssmlab.circuit.GateType.K_TH;
import static ssmlab.circuit.GateType.K_TH_UNIT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates a circuit on 64·{@code words} input vectors at once: every gate value is
 * {@code words} longs, bit {@code v} of word {@code j} belonging to vector {@code 64j + v}.
 *
 * <p>AND, OR and NOT are one word operation per input. A threshold gate [Σ w_i x_i ≥ t] keeps a
 * bit-sliced counter (word q holds bit q of the running sum in all 64 lanes): adding {@code w·x}
 * ripples {@code x} in at each set bit of {@code w}, and the ripple stops at the highest bit the
 * running bound can reach; the counter is then compared with the constant t from the least
 * significant bit up ({@code ge = t_q ? s_q ∧ ge : s_q ∨ ge}). Negative weights use
 * {@code w·x = |w|·¬x − |w|}.
 *
 * <p>Levels run in order; with several threads each level is split into equal slices and the
 * threads meet at a barrier after it. One evaluator holds its value buffer: not thread-safe.
 */
public final class BitParallelEvaluator implements AutoCloseable {
  private final Circuit c;
  private final int words;
  private final int threads;
  private final long[] values;
  private final int[] effThreshold;
  private final long[][] scratch;
  private final ExecutorService pool;
  private final SpinBarrier barrier;

  /** One word (64 vectors) per gate, one thread. */
  public BitParallelEvaluator(Circuit c) {
    this(c, 1, 1);
  }

  public BitParallelEvaluator(Circuit c, int words, int threads) {
    if (words < 1 || threads < 1) {
      throw new IllegalArgumentException("words and threads must be positive");
    }
    long size = (long) c.gateCount() * words;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many gates x words for one buffer: " + size);
    }
    this.c = c;
    this.words = words;
    this.threads = threads;
    this.values = new long[(int) size];
    this.effThreshold = effectiveThresholds(c);
    this.scratch = new long[threads][33 * words];
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "circuit-eval");
      t.setDaemon(true);
      return t;
    }) : null;
    this.barrier = new SpinBarrier(threads);
    for (int j = 0; j < words; j++) {
      values[j] = 0L;
      values[words + j] = -1L;
    }
  }

  /** t' = t + Σ_{w_i<0} |w_i|, the threshold once negative weights are moved onto ¬x_i. */
  private static int[] effectiveThresholds(Circuit c) {
    int[] t = c.threshold.clone();
    for (int g = 0; g < c.gateCount(); g++) {
      if (c.kind[g] == K_TH) {
        int k = c.fanIn(g);
        long tt = t[g];
        for (int i = 0; i < k; i++) {
          int w = c.edges[c.start[g] + k + i];
          if (w < 0) {
            tt -= w;
          }
        }
        t[g] = (int) tt;
      }
    }
    return t;
  }

  public int words() {
    return words;
  }

  public Circuit circuit() {
    return c;
  }

  /**
   * Evaluates all vectors.
   *
   * @param in input wire i's words at {@code [i·words, (i+1)·words)}, inputs in port order. Not
   *     modified.
   * @param out output bit o's words at {@code [o·words, (o+1)·words)}, output ports in order, LSB
   *     first. Modified.
   */
  public void evaluate(long[] in, long[] out) {
    int nIn = c.inputBits();
    if (in.length < (long) nIn * words || out.length < (long) c.outputBits() * words) {
      throw new IllegalArgumentException("input or output buffer too short");
    }
    System.arraycopy(in, 0, values, 2 * words, nIn * words);
    run();
    int o = 0;
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        System.arraycopy(values, p.wire(b) * words, out, o * words, words);
        o++;
      }
    }
  }

  /** Word {@code j} of gate {@code g}'s value after the last evaluation. */
  public long value(int g, int j) {
    return values[g * words + j];
  }

  private void run() {
    if (threads == 1) {
      int depth = c.depth();
      for (int l = 1; l <= depth; l++) {
        evalRange(c.levelStart[l], c.levelStart[l + 1], scratch[0]);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      int id = t;
      fs.add(pool.submit(() -> share(id)));
    }
    share(0);
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void share(int t) {
    int depth = c.depth();
    long[] s = scratch[t];
    for (int l = 1; l <= depth; l++) {
      int lo = c.levelStart[l];
      int n = c.levelStart[l + 1] - lo;
      evalRange(lo + (int) ((long) n * t / threads), lo + (int) ((long) n * (t + 1) / threads), s);
      barrier.await();
    }
  }

  private void evalRange(int from, int to, long[] cnt) {
    final byte[] kind = c.kind;
    final int[] start = c.start;
    final int[] edges = c.edges;
    final long[] v = values;
    final int w = words;
    for (int g = from; g < to; g++) {
      int s = start[g];
      int e = start[g + 1];
      int o = g * w;
      switch (kind[g]) {
        case K_NOT -> {
          int a = edges[s] * w;
          for (int j = 0; j < w; j++) {
            v[o + j] = ~v[a + j];
          }
        }
        case K_AND -> {
          int a = edges[s] * w;
          System.arraycopy(v, a, v, o, w);
          for (int i = s + 1; i < e; i++) {
            int b = edges[i] * w;
            for (int j = 0; j < w; j++) {
              v[o + j] &= v[b + j];
            }
          }
        }
        case K_OR -> {
          int a = edges[s] * w;
          System.arraycopy(v, a, v, o, w);
          for (int i = s + 1; i < e; i++) {
            int b = edges[i] * w;
            for (int j = 0; j < w; j++) {
              v[o + j] |= v[b + j];
            }
          }
        }
        case K_MAJ, K_TH_UNIT -> unitThreshold(g, s, e, cnt);
        case K_TH -> weightedThreshold(g, s, e, cnt);
        default -> throw new IllegalStateException("gate kind " + kind[g] + " above level 0");
      }
    }
  }

  private void unitThreshold(int g, int s, int e, long[] cnt) {
    final int w = words;
    final long[] v = values;
    final int[] edges = c.edges;
    int k = e - s;
    int bits = 32 - Integer.numberOfLeadingZeros(k);
    java.util.Arrays.fill(cnt, 0, bits * w, 0L);
    for (int i = 0; i < k; i++) {
      int top = 31 - Integer.numberOfLeadingZeros(i + 1);
      int b = edges[s + i] * w;
      for (int j = 0; j < w; j++) {
        long carry = v[b + j];
        for (int q = 0; q <= top && carry != 0; q++) {
          long x = cnt[q * w + j];
          cnt[q * w + j] = x ^ carry;
          carry &= x;
        }
      }
    }
    compare(g, effThreshold[g], bits, cnt);
  }

  private void weightedThreshold(int g, int s, int e, long[] cnt) {
    final int w = words;
    final long[] v = values;
    final int[] edges = c.edges;
    int k = (e - s) / 2;
    long total = 0;
    for (int i = 0; i < k; i++) {
      total += Math.abs(edges[s + k + i]);
    }
    int bits = 64 - Long.numberOfLeadingZeros(total);
    java.util.Arrays.fill(cnt, 0, bits * w, 0L);
    long bound = 0;
    for (int i = 0; i < k; i++) {
      int wt = edges[s + k + i];
      long flip = wt < 0 ? -1L : 0L;
      int aw = Math.abs(wt);
      bound += aw;
      int top = 63 - Long.numberOfLeadingZeros(bound);
      int b = edges[s + i] * w;
      for (int rest = aw; rest != 0; rest &= rest - 1) {
        int p = Integer.numberOfTrailingZeros(rest);
        for (int j = 0; j < w; j++) {
          long carry = v[b + j] ^ flip;
          for (int q = p; q <= top && carry != 0; q++) {
            long x = cnt[q * w + j];
            cnt[q * w + j] = x ^ carry;
            carry &= x;
          }
        }
      }
    }
    compare(g, effThreshold[g], bits, cnt);
  }

  /** values[g] = [counter ≥ t], lane by lane, for 0 < t < 2^bits. */
  private void compare(int g, int t, int bits, long[] cnt) {
    final int w = words;
    int o = g * w;
    for (int j = 0; j < w; j++) {
      long ge = -1L;
      for (int q = 0; q < bits; q++) {
        long sq = cnt[q * w + j];
        ge = ((t >>> q) & 1) != 0 ? sq & ge : sq | ge;
      }
      values[o + j] = ge;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** A reusable barrier for a fixed number of threads that spins, then yields. */
  private static final class SpinBarrier {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    SpinBarrier(int parties) {
      this.parties = parties;
    }

    void await() {
      int gen = generation;
      if (arrived.incrementAndGet() == parties) {
        arrived.set(0);
        generation = gen + 1;
        return;
      }
      for (int spins = 0; generation == gen; spins++) {
        if (spins < 1000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }
}
