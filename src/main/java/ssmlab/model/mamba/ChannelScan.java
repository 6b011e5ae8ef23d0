package ssmlab.model.mamba;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.tensor.Simd;
import ssmlab.tensor.VectorKernels;

/**
 * The selective scan's loops with the Vector API, vectorised over the channel index d: a vector
 * holds consecutive channels, so the sums over n (y, and du, dDelta in the backward pass) are
 * chains of vertical FMAs with {@code B[t,n]} and {@code C[t,n]} broadcast; only dB and dC, sums
 * over d, reduce across lanes, once per (t, n). Same arithmetic as {@link ScalarScan} up to float
 * rounding and the order of the sums over n and d.
 *
 * <p>Layouts of this kernel's own, in tiles of one vector of channels: {@code states} and
 * {@code decay} are (L, D / LANES, N, LANES) per sequence (same size and offset {@code xo * N} as
 * the (L, D, N) of the other kernels), so that a step (t, channel block) reads and writes one
 * contiguous tile of N vectors; {@code carry} is (D / LANES, N, LANES), and A is read from a copy
 * {@code aT} in that layout made per call; dA is summed in it and added to the caller's (D, N) at
 * the end. (With (L, N, D) the backward pass ran about 1.6 times slower: 16 strided streams.)
 *
 * <p>The per-(t, block) steps are methods of their own that pass only arrays: a vector crossing a
 * call C2 did not inline would be boxed on the heap.
 */
record ChannelScan(int dInner, int dState, Eigenvalues eigenvalues, Discretization discretization)
    implements ScanKernel {

  private static final VectorSpecies<Float> S = Simd.SPECIES;
  private static final int LANES = S.length();
  // ROTATE_h moves lane i + h to lane i, as in Simd (static final: C2 intrinsifies the rearrange)
  private static final VectorShuffle<Float> ROTATE_8 = VectorShuffle.iota(S, 8 % LANES, 1, true);
  private static final VectorShuffle<Float> ROTATE_4 = VectorShuffle.iota(S, 4 % LANES, 1, true);
  private static final VectorShuffle<Float> ROTATE_2 = VectorShuffle.iota(S, 2 % LANES, 1, true);
  private static final VectorShuffle<Float> ROTATE_1 = VectorShuffle.iota(S, 1 % LANES, 1, true);
  /** Per-thread work space: aT, dA, the (N, LANES) partial sums of dC and dB, ZOH's scales. */
  private static final ThreadLocal<float[]> WORK = ThreadLocal.withInitial(() -> new float[0]);

  static boolean supports(int dInner) {
    return dInner % LANES == 0;
  }

  @Override
  public void forward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] out) {
    float[] aT = work();
    transposeA(a, aT);
    decay(length, xo, delta, aT, decay);
    var fwd = new ChannelScanForward(this, u, delta, aT, bm, cm, dSkip, z, sigZ, decay, states,
        y, out);
    for (int t = 0; t < length; t++) {
      for (int d = 0; d < dInner; d += LANES) {
        fwd.step(t, xo, bo, d);
      }
    }
  }

  /**
   * {@code decay[t,n,d] = exp(delta[t,d] * A[d,n])}, tiled as the states. A loop of its own: with
   * the exponential inlined into the recurrence the compiled method grows past C2's inlining
   * budget.
   */
  private void decay(int length, int xo, float[] delta, float[] aT, float[] decay) {
    for (int t = 0; t < length; t++) {
      int x = xo + t * dInner;
      for (int d = 0; d < dInner; d += LANES) {
        FloatVector dl = FloatVector.fromArray(S, delta, x + d);
        int ti = d * dState;
        int si = x * dState + ti;
        for (int n = 0; n < dState; n++) {
          VectorKernels.exp(FloatVector.fromArray(S, aT, ti + n * LANES).mul(dl))
              .intoArray(decay, si + n * LANES);
        }
      }
    }
  }

  @Override
  public void backward(int length, int xo, int bo, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay,
      float[] states, float[] y, float[] dOut, float[] du, float[] dDelta, float[] dA, float[] dB,
      float[] dC, float[] dD, float[] dz, float[] carry) {
    float[] w = work();
    transposeA(a, w);
    Arrays.fill(w, dAAt(), partialCAt(), 0f);
    var bwd = new ChannelScanBackward(this, u, delta, w, bm, cm, dSkip, z, sigZ, decay, states,
        y, dOut, du, dDelta, dD, dz, carry);
    for (int t = length - 1; t >= 0; t--) {
      Arrays.fill(w, partialCAt(), zohFAt(), 0f);
      for (int d = 0; d < dInner; d += LANES) {
        if (discretization == Discretization.ZOH) {
          bwd.zohScales(t, xo, d);
          bwd.stepZoh(t, xo, bo, d);
        } else {
          bwd.step(t, xo, bo, d);
        }
      }
      reducePartials(bo + t * dState, w, dB, dC);
    }
    for (int d = 0; d < dInner; d++) {
      for (int n = 0; n < dState; n++) {
        dA[d * dState + n] += w[dAAt() + tileIndex(d, n)];
      }
    }
  }

  /**
   * {@code dC[t,n] += sum of the lanes of pC[n]}, and the same for dB, in {@link Simd#sum}'s order
   * (lane i becomes {@code v[i] + v[i + h]} for h = LANES/2, ..., 1), written out here: a vector
   * passed to Simd.sum was boxed whenever C2 left the call.
   */
  private void reducePartials(int row, float[] w, float[] dB, float[] dC) {
    int pc = partialCAt();
    int pb = partialBAt();
    for (int n = 0; n < dState; n++) {
      FloatVector c = FloatVector.fromArray(S, w, pc + n * LANES);
      FloatVector b = FloatVector.fromArray(S, w, pb + n * LANES);
      if (LANES >= 16) {
        c = c.add(c.rearrange(ROTATE_8));
        b = b.add(b.rearrange(ROTATE_8));
      }
      if (LANES >= 8) {
        c = c.add(c.rearrange(ROTATE_4));
        b = b.add(b.rearrange(ROTATE_4));
      }
      if (LANES >= 4) {
        c = c.add(c.rearrange(ROTATE_2));
        b = b.add(b.rearrange(ROTATE_2));
      }
      if (LANES >= 2) {
        c = c.add(c.rearrange(ROTATE_1));
        b = b.add(b.rearrange(ROTATE_1));
      }
      dC[row + n] += c.lane(0);
      dB[row + n] += b.lane(0);
    }
  }

  /** {@code aT[tileIndex(d, n)] = a[d*N + n]}. */
  private void transposeA(float[] a, float[] aT) {
    for (int d = 0; d < dInner; d++) {
      for (int n = 0; n < dState; n++) {
        aT[tileIndex(d, n)] = a[d * dState + n];
      }
    }
  }

  /** Index of (d, n) in a (D / LANES, N, LANES) tiling. */
  private int tileIndex(int d, int n) {
    int lane = d % LANES;
    return (d - lane) * dState + n * LANES + lane;
  }

  // The work space: aT at 0, dA at N D, then (N, LANES) each: the dC and dB partials, ZOH's f
  // and df/dA.

  int dAAt() {
    return dInner * dState;
  }

  int partialCAt() {
    return 2 * dInner * dState;
  }

  int partialBAt() {
    return partialCAt() + dState * LANES;
  }

  int zohFAt() {
    return partialBAt() + dState * LANES;
  }

  int zohDfDaAt() {
    return zohFAt() + dState * LANES;
  }

  /** This thread's work space (see {@link #dAAt} and the offsets after it). */
  private float[] work() {
    int size = zohDfDaAt() + dState * LANES;
    float[] w = WORK.get();
    if (w.length < size) {
      w = new float[size];
      WORK.set(w);
    }
    return w;
  }

  /** Index of {@code s[t, d, n]} in {@code states} for the sequence at {@code xo}. */
  int stateIndex(int xo, int t, int d, int n) {
    return (xo + t * dInner) * dState + tileIndex(d, n);
  }
}
