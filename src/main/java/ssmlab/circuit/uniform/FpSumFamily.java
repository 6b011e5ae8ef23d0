package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import ssmlab.circuit.fp.FpOps;

/**
 * fp-sum: round_p(x_0 + … + x_(n−1)) of n floats, one rounding, gate for gate as
 * {@code FpOps.sum} builds it in a verbatim builder for q above
 * {@code FpOps.FULL_ALIGNMENT_MAX_Q}: the windowed sum ({@code WindowedSum},
 * {@code ExponentClusters}; {@link FpAlignedSumFamily} below); fp-add is n = 2. One term is
 * the input itself (no gates).
 *
 * <p>Address = ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b ({@link Parts}, a 5-bit
 * part; j a term, or a pair of terms k·n + t, so wj = bitlength(n² − 1)). Parts in build order:
 * 0 the leaves; 1–11 the clusters ({@link ClusterPart}); 12–17 the window ({@link WindowPart});
 * 18–23 the rounding ({@link RoundingPart}) of (−1)^negative · magnitude · 2^E.
 */
final class FpSumFamily extends TermSumFamily {
  private static final int LEAF = 0;
  private static final int ROUND = WindowPart.CHOSEN + 1;
  private static final int PARTS = ROUND + RoundingPart.PARTS;

  private final Parts parts;
  private final LeafStage leaves;
  private final ClusterPart clusters;
  private final WindowPart window;
  private final RoundingPart round;

  FpSumFamily(String describe, int n, int p, int q) {
    this(describe, n, p, q, null);
  }

  /**
   * The same where some port bits are the constant false wire (a program's sum: a constant
   * term's 0 bits, an earlier operation's constant output bits): {@code falseBits[j]} marks term
   * j's, null for none; the caller answers those ports' bits, and the sums leave the false ones
   * out as the builder does.
   */
  FpSumFamily(String describe, int n, int p, int q, BigInteger[] falseBits) {
    super(describe, PARTS, n, p, q);
    if (q <= FpOps.FULL_ALIGNMENT_MAX_Q) {
      throw new IllegalStateException("the windowed sum is for q > "
          + FpOps.FULL_ALIGNMENT_MAX_Q + " (FpAlignedSumFamily below)");
    }
    WindowShape s = WindowShape.of(n, p, q);
    long l2 = Stage.bitLength(2L * n);
    long maxA = Math.max(Math.max(s.width() + 3 * l2 + 8,
        RoundingPart.fieldNeed(p, q, s.width(), s.ew())),
        Math.max(s.ew() + 3 * Stage.bitLength(n + 3L) + 8, p + q + 4L));
    long maxB = Math.max(Math.max(maxA, 2L * n + 2), Math.max(4 * l2 * l2, 16));
    Layout base = Layout.forMax(maxA, maxB);
    int wj = Math.max(1, Stage.bitLength((long) n * n - 1));
    int bits = 5 + wj + base.bits();
    if (bits > 63) {
      throw new IllegalArgumentException(describe + " needs addresses of " + bits
          + " bits, more than 63 (a pair of terms takes 2·log₂n of them); use a smaller --arity");
    }
    this.parts = new Parts(base, wj, 5);
    this.leaves = new LeafStage(base, n, p + q + 2, false);
    if (n == 1) {
      this.clusters = null;
      this.window = null;
      this.round = null;
      return;
    }
    this.clusters = new ClusterPart(parts, s, falseBits);
    this.window = new WindowPart(parts, s, clusters);
    this.round = new RoundingPart(parts, ROUND, p, q, s.width(), window::magnitude, s.ew(),
        window::exponent, window.negative());
  }

  @Override
  RoundingPart rounding() {
    return round;
  }

  @Override
  Parts parts() {
    return parts;
  }

  @Override
  Gate decode(long address, int part, long j, int sec, long a, long b) {
    Gate leaf = leafOrNone(leaves, address, part, j);
    if (leaf != null) {
      return leaf;
    }
    if (part <= ClusterPart.UNIT) {
      return clusters.gate(address, part, j, sec, a, b);
    }
    if (part <= WindowPart.CHOSEN) {
      return window.gate(address, part, j, sec, a, b);
    }
    return round.gate(address, part, j, sec, a, b);
  }

  @Override
  public int inputIndex(long g, long h) {
    Gate gate = gate(g);
    int part = parts.part(g);
    if (part == LEAF) {
      return -1;
    }
    if (part <= ClusterPart.UNIT) {
      return clusters.inputIndex(gate, part, g, h);
    }
    return part <= WindowPart.CHOSEN ? window.inputIndex(gate, part, g, h)
        : round.inputIndex(gate, part, g, h);
  }

  @Override
  public long gateCount() {
    return leaves.gateCount() + (n == 1 ? 0
        : clusters.gateCount() + window.gateCount() + round.gateCount());
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    leaves.forEach(sink);
    if (n > 1) {
      clusters.forEachBefore(sink);
      window.forEach(sink);
      round.forEach(sink);
    }
  }

  @Override
  public long sample(SplittableRandom rnd) {
    if (n == 1) {
      return leaves.sample(rnd);
    }
    return switch (rnd.nextInt(8)) {
      case 0 -> leaves.sample(rnd);
      case 1, 2, 3 -> clusters.sample(rnd);
      case 4, 5 -> window.sample(rnd);
      default -> round.sample(rnd);
    };
  }
}
