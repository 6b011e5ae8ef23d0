package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_AND;
import static ssmlab.circuit.GateType.K_CONST0;
import static ssmlab.circuit.GateType.K_CONST1;
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
 * ripples {@code x} in at each set bit of {@code w}, no higher than the running bound can reach;
 * the counter is then compared with the constant t from the least significant bit up
 * ({@code ge = t_q ? s_q ∧ ge : s_q ∨ ge}). Small gates (fan-in below 32, or Σ|w_i| below 32)
 * keep the counter in registers, started at 2^B − t so that the carry out is the answer.
 * Negative weights use {@code w·x = |w|·¬x − |w|}. Within a level the gates are sorted by kind
 * and fan-in, so the dispatch branches predict well. A gate whose value no input can change (an
 * AND or OR of no inputs, a threshold no sum reaches or every sum reaches: {@link ConstantGates},
 * kept by a verbatim builder) is filled with its constant instead.
 *
 * <p>When {@code words} is a multiple of the SIMD width the gate kernels run in
 * {@link VectorKernels} (4 words per AVX2 register); the scalar kernels here are their reference.
 * Levels run in order; with several threads each level is split into equal slices and the
 * threads meet at a barrier after it. One evaluator holds its value buffer: not thread-safe.
 */
public final class BitParallelEvaluator implements AutoCloseable {
  /** Weighted gates with Σ|w_i| below 2^PLANES get a register counter. */
  private static final int PLANES = 5;

  private final Circuit c;
  private final int words;
  private final int threads;
  private final long[] values;
  private final byte[] kinds;
  private final int[] effThreshold;
  private final long[][] scratch;
  private final int[] planStart;
  private final int[] plan;
  private final boolean simd;
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
    this.kinds = ConstantGates.evaluationKinds(c);
    this.effThreshold = effectiveThresholds(c);
    this.scratch = new long[threads][64 * VectorKernels.LANES];
    int[][] plans = plans(c);
    this.planStart = plans[0];
    this.plan = plans[1];
    this.simd = VectorKernels.ENABLED && words % VectorKernels.LANES == 0;
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

  /**
   * t' of every threshold gate ({@link ConstantGates#effectiveThreshold}), in 1..Σ|w_i| for the
   * gates the counters evaluate.
   */
  private static int[] effectiveThresholds(Circuit c) {
    int[] t = c.threshold.clone();
    for (int g = 0; g < c.gateCount(); g++) {
      if (c.kind[g] == K_TH) {
        t[g] = (int) ConstantGates.effectiveThreshold(c, g);
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
    final byte[] kind = kinds;
    final int[] start = c.start;
    final int[] edges = c.edges;
    final long[] v = values;
    final int w = words;
    if (simd) {
      evalRangeSimd(from, to, cnt);
      return;
    }
    for (int g = from; g < to; g++) {
      int s = start[g];
      int e = start[g + 1];
      int o = g * w;
      switch (kind[g]) {
        case K_CONST0 -> java.util.Arrays.fill(v, o, o + w, 0L);
        case K_CONST1 -> java.util.Arrays.fill(v, o, o + w, -1L);
        case K_NOT -> {
          int a = edges[s] * w;
          for (int j = 0; j < w; j++) {
            v[o + j] = ~v[a + j];
          }
        }
        case K_AND -> {
          for (int j = 0; j < w; j++) {
            long acc = v[edges[s] * w + j];
            for (int i = s + 1; i < e; i++) {
              acc &= v[edges[i] * w + j];
            }
            v[o + j] = acc;
          }
        }
        case K_OR -> {
          for (int j = 0; j < w; j++) {
            long acc = v[edges[s] * w + j];
            for (int i = s + 1; i < e; i++) {
              acc |= v[edges[i] * w + j];
            }
            v[o + j] = acc;
          }
        }
        case K_MAJ, K_TH_UNIT -> unitThreshold(g, s, e, cnt);
        case K_TH -> weightedThreshold(g, s, e, cnt);
        default -> throw new IllegalStateException("gate kind " + kind[g] + " above level 0");
      }
    }
  }

  private void evalRangeSimd(int from, int to, long[] cnt) {
    final byte[] kind = kinds;
    final int[] start = c.start;
    final int[] edges = c.edges;
    final long[] v = values;
    final int w = words;
    for (int g = from; g < to; g++) {
      int s = start[g];
      int e = start[g + 1];
      int o = g * w;
      switch (kind[g]) {
        case K_CONST0 -> java.util.Arrays.fill(v, o, o + w, 0L);
        case K_CONST1 -> java.util.Arrays.fill(v, o, o + w, -1L);
        case K_NOT -> VectorKernels.not(v, edges[s] * w, o, w);
        case K_AND -> VectorKernels.andOr(v, edges, s, e, o, w, true);
        case K_OR -> VectorKernels.andOr(v, edges, s, e, o, w, false);
        case K_MAJ, K_TH_UNIT -> {
          int k = e - s;
          if (k < 32) {
            int bits = k <= 7 ? 3 : k <= 15 ? 4 : 5;
            VectorKernels.smallCount(v, edges, s, e, o, w, bits, effThreshold[g]);
          } else {
            VectorKernels.wideCount(v, edges, s, e, o, w, effThreshold[g], cnt);
          }
        }
        case K_TH -> {
          if (planStart[g] >= 0) {
            VectorKernels.smallWeighted(v, plan, planStart[g], o, w, effThreshold[g]);
          } else {
            VectorKernels.wideWeighted(v, edges, s, (e - s) / 2, o, w, effThreshold[g], cnt);
          }
        }
        default -> throw new IllegalStateException("gate kind " + kind[g] + " above level 0");
      }
    }
  }

  private void unitThreshold(int g, int s, int e, long[] cnt) {
    int k = e - s;
    if (k <= 7) {
      smallCount(g, s, e, 3);
    } else if (k <= 15) {
      smallCount(g, s, e, 4);
    } else if (k <= 31) {
      smallCount(g, s, e, 5);
    } else {
      wideCount(g, s, e, cnt);
    }
  }

  /**
   * A unit-weight gate with fan-in below 2^bits, counter in registers: start it at
   * 2^bits − t in every lane, add the inputs, and the carry out of the top bit is [S ≥ t]
   * (the counter stays below 2^(bits+1), so that carry happens at most once).
   */
  private void smallCount(int g, int s, int e, int bits) {
    final int w = words;
    final long[] v = values;
    final int[] edges = c.edges;
    int off = (1 << bits) - effThreshold[g];
    long i0 = -(off & 1);
    long i1 = -(off >> 1 & 1);
    long i2 = -(off >> 2 & 1);
    long i3 = -(off >> 3 & 1);
    long i4 = -(off >> 4 & 1);
    int o = g * w;
    for (int j = 0; j < w; j++) {
      long c0 = i0;
      long c1 = i1;
      long c2 = i2;
      long c3 = i3;
      long c4 = i4;
      long out = 0;
      if (bits == 3) {
        for (int i = s; i < e; i++) {
          long x = v[edges[i] * w + j];
          long t0 = c0 & x;
          c0 ^= x;
          long t1 = c1 & t0;
          c1 ^= t0;
          out |= c2 & t1;
          c2 ^= t1;
        }
      } else if (bits == 4) {
        for (int i = s; i < e; i++) {
          long x = v[edges[i] * w + j];
          long t0 = c0 & x;
          c0 ^= x;
          long t1 = c1 & t0;
          c1 ^= t0;
          long t2 = c2 & t1;
          c2 ^= t1;
          out |= c3 & t2;
          c3 ^= t2;
        }
      } else {
        for (int i = s; i < e; i++) {
          long x = v[edges[i] * w + j];
          long t0 = c0 & x;
          c0 ^= x;
          long t1 = c1 & t0;
          c1 ^= t0;
          long t2 = c2 & t1;
          c2 ^= t1;
          long t3 = c3 & t2;
          c3 ^= t2;
          out |= c4 & t3;
          c4 ^= t3;
        }
      }
      v[o + j] = out;
    }
  }

  /** A unit-weight gate of large fan-in: the counter ripples only as high as the count can be. */
  private void wideCount(int g, int s, int e, long[] cnt) {
    final int w = words;
    final long[] v = values;
    final int[] edges = c.edges;
    int k = e - s;
    int bits = 32 - Integer.numberOfLeadingZeros(k);
    for (int j = 0; j < w; j++) {
      java.util.Arrays.fill(cnt, 0, bits, 0L);
      for (int i = 0; i < k; i++) {
        int top = 31 - Integer.numberOfLeadingZeros(i + 1);
        long carry = v[edges[s + i] * w + j];
        for (int q = 0; q <= top; q++) {
          long x = cnt[q];
          cnt[q] = x ^ carry;
          carry &= x;
        }
      }
      values[g * w + j] = greaterOrEqual(cnt, bits, effThreshold[g]);
    }
  }

  private void weightedThreshold(int g, int s, int e, long[] cnt) {
    if (planStart[g] >= 0) {
      smallWeighted(g);
      return;
    }
    final int w = words;
    final long[] v = values;
    final int[] edges = c.edges;
    int k = (e - s) / 2;
    long total = 0;
    for (int i = 0; i < k; i++) {
      total += Math.abs(edges[s + k + i]);
    }
    int bits = 64 - Long.numberOfLeadingZeros(total);
    for (int j = 0; j < w; j++) {
      java.util.Arrays.fill(cnt, 0, bits, 0L);
      long bound = 0;
      for (int i = 0; i < k; i++) {
        int wt = edges[s + k + i];
        long x = v[edges[s + i] * w + j] ^ (wt < 0 ? -1L : 0L);
        int aw = Math.abs(wt);
        bound += aw;
        int top = 63 - Long.numberOfLeadingZeros(bound);
        for (int rest = aw; rest != 0; rest &= rest - 1) {
          long carry = x;
          for (int q = Integer.numberOfTrailingZeros(rest); q <= top; q++) {
            long y = cnt[q];
            cnt[q] = y ^ carry;
            carry &= y;
          }
        }
      }
      values[g * w + j] = greaterOrEqual(cnt, bits, effThreshold[g]);
    }
  }

  /**
   * A weighted gate with Σ|w_i| ≤ 31, counter in registers started at 32 − t' (the carry out of
   * bit 4 is the answer): its plan lists, for each bit plane p = 0..4, the inputs whose |w_i| has
   * bit p, and each is rippled in from bit p up.
   */
  private void smallWeighted(int g) {
    final int w = words;
    final long[] v = values;
    final int[] plan = this.plan;
    int ps = planStart[g];
    int e0 = ps + PLANES + plan[ps];
    int e1 = e0 + plan[ps + 1];
    int e2 = e1 + plan[ps + 2];
    int e3 = e2 + plan[ps + 3];
    int e4 = e3 + plan[ps + 4];
    int off = 32 - effThreshold[g];
    int o = g * w;
    for (int j = 0; j < w; j++) {
      long c0 = -(off & 1);
      long c1 = -(off >> 1 & 1);
      long c2 = -(off >> 2 & 1);
      long c3 = -(off >> 3 & 1);
      long c4 = -(off >> 4 & 1);
      long out = 0;
      int i = ps + PLANES;
      for (; i < e0; i++) {
        long x = v[(plan[i] >>> 1) * w + j] ^ -(plan[i] & 1);
        long t0 = c0 & x;
        c0 ^= x;
        long t1 = c1 & t0;
        c1 ^= t0;
        long t2 = c2 & t1;
        c2 ^= t1;
        long t3 = c3 & t2;
        c3 ^= t2;
        out |= c4 & t3;
        c4 ^= t3;
      }
      for (; i < e1; i++) {
        long x = v[(plan[i] >>> 1) * w + j] ^ -(plan[i] & 1);
        long t1 = c1 & x;
        c1 ^= x;
        long t2 = c2 & t1;
        c2 ^= t1;
        long t3 = c3 & t2;
        c3 ^= t2;
        out |= c4 & t3;
        c4 ^= t3;
      }
      for (; i < e2; i++) {
        long x = v[(plan[i] >>> 1) * w + j] ^ -(plan[i] & 1);
        long t2 = c2 & x;
        c2 ^= x;
        long t3 = c3 & t2;
        c3 ^= t2;
        out |= c4 & t3;
        c4 ^= t3;
      }
      for (; i < e3; i++) {
        long x = v[(plan[i] >>> 1) * w + j] ^ -(plan[i] & 1);
        long t3 = c3 & x;
        c3 ^= x;
        out |= c4 & t3;
        c4 ^= t3;
      }
      for (; i < e4; i++) {
        long x = v[(plan[i] >>> 1) * w + j] ^ -(plan[i] & 1);
        out |= c4 & x;
        c4 ^= x;
      }
      v[o + j] = out;
    }
  }

  /**
   * Plans for the weighted gates with Σ|w_i| ≤ 31: per gate five plane sizes, then entries
   * {@code 2·wire + [w_i < 0]} grouped by plane.
   */
  private static int[][] plans(Circuit c) {
    int n = c.gateCount();
    int[] start = new int[n];
    java.util.Arrays.fill(start, -1);
    int size = 0;
    for (int g = 0; g < n; g++) {
      if (c.kind[g] == K_TH && smallTotal(c, g)) {
        start[g] = size;
        int k = c.fanIn(g);
        size += PLANES;
        for (int i = 0; i < k; i++) {
          size += Integer.bitCount(Math.abs(c.weight(g, i)));
        }
      }
    }
    int[] plan = new int[size];
    for (int g = 0; g < n; g++) {
      if (start[g] < 0) {
        continue;
      }
      int k = c.fanIn(g);
      int pos = start[g] + PLANES;
      for (int p = 0; p < PLANES; p++) {
        int count = 0;
        for (int i = 0; i < k; i++) {
          int wt = c.weight(g, i);
          if ((Math.abs(wt) >> p & 1) != 0) {
            plan[pos++] = 2 * c.fanInWire(g, i) + (wt < 0 ? 1 : 0);
            count++;
          }
        }
        plan[start[g] + p] = count;
      }
    }
    return new int[][] {start, plan};
  }

  private static boolean smallTotal(Circuit c, int g) {
    long total = 0;
    for (int i = 0; i < c.fanIn(g); i++) {
      total += Math.abs(c.weight(g, i));
    }
    return total < 1 << PLANES;
  }

  /** [counter ≥ t] lane by lane, for 0 < t < 2^bits, from the LSB up. */
  private static long greaterOrEqual(long[] cnt, int bits, int t) {
    long ge = -1L;
    for (int q = 0; q < bits; q++) {
      long sq = cnt[q];
      long tq = -(t >>> q & 1);
      ge = (sq & ge & tq) | ((sq | ge) & ~tq);
    }
    return ge;
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
