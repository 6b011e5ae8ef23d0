package ssmlab.circuit.uniform;

/**
 * What the two regimes of fp-sum share ({@link FpSumFamily}, {@link FpAlignedSumFamily}): n
 * terms of p + q + 2 bits in part 0, and an output that is the rounding's, or for one term the
 * term itself ({@code FpOps.sum} builds nothing then).
 */
abstract class TermSumFamily extends PartedFamily {
  final int n;
  final int p;
  final int q;

  TermSumFamily(String describe, int partCount, int n, int p, int q) {
    super(describe, partCount);
    if (n < 1) {
      throw new IllegalArgumentException(describe + ": --arity must be 1 or more, got " + n);
    }
    this.n = n;
    this.p = p;
    this.q = q;
  }

  /** The final rounding; null for one term. */
  abstract RoundingPart rounding();

  /** The gate of part 0 (the leaves), or the refusal of any other part when n = 1. */
  final Gate leafOrNone(LeafStage leaves, long address, int part, long j) {
    if (part == 0 && j != 0) {
      throw new IllegalArgumentException("index j is 0 in the leaves, not " + j);
    }
    if (part != 0 && n == 1) {
      throw new IllegalArgumentException("one term is the input itself: leaves only");
    }
    return part == 0 ? leaf(leaves, address) : null;
  }

  @Override
  public final int outputBits() {
    return p + q + 2;
  }

  /** Bit i of the sum's bus: |m| (p bits), e (q + 1), the sign; one term's own bits. */
  @Override
  public final long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits());
    }
    return n == 1 ? parts().base().address(Section.INPUT, i, 0) : rounding().output(i);
  }
}
