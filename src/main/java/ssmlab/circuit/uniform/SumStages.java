package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The stages of {@code IteratedAddition.sumUniform} over given columns, no leaves: column counts,
 * block sums and the adder, all kept, in one namespace (a prefixed {@link Layout}). The sum is
 * resized to bitLength(Σ_c 2^c·h_c) bits as the builder does.
 */
final class SumStages {
  private final CountStage count;
  private final BlockStage block;
  private final AdderStage adder;
  private final int outWidth;

  /** @param maxHeight the tallest column's height */
  SumStages(Layout layout, Columns cols, long maxHeight) {
    this.count = new CountStage(layout, cols, maxHeight, -1);
    this.block = new BlockStage(layout, count.output(), count.outputMaxHeight());
    this.adder = new AdderStage(layout, block.output());
    BigInteger bound = BigInteger.ZERO;
    for (int c = 0; c < cols.count(); c++) {
      bound = bound.add(BigInteger.valueOf(cols.height(c)).shiftLeft(c));
    }
    this.outWidth = Math.max(1, bound.bitLength());
  }

  /** The width of the sum. */
  int width() {
    return outWidth;
  }

  /** The address of bit i (i &lt; width) of the sum. */
  long bit(int i) {
    return adder.sumBit(i);
  }

  Stage stage(Section s) {
    return switch (s) {
      case COUNT_T, COUNT_BIT -> count;
      case BLOCK_T, BLOCK_BIT -> block;
      case ADD_BIT, TERM, CARRY, SUM -> adder;
      default -> null;
    };
  }

  void forEach(LongConsumer sink) {
    count.forEach(sink);
    block.forEach(sink);
    adder.forEach(sink);
  }

  long gateCount() {
    return count.gateCount() + block.gateCount() + adder.gateCount();
  }

  long sample(SplittableRandom rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> count.sample(rnd);
      case 1 -> block.sample(rnd);
      default -> adder.sample(rnd);
    };
  }
}
