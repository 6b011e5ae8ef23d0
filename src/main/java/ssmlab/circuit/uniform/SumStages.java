package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The stages of {@code IteratedAddition.sumUniform} (every stage kept) or
 * {@code IteratedAddition.sumColumns} (a stage left out when the columns are already at most two
 * high) over given columns, no leaves: column counts, block sums and the adder, in one namespace
 * (a prefixed {@link Layout}). The sum is resized to bitLength(Σ_c 2^c·h_c) bits as the builder
 * does.
 */
final class SumStages {
  private final CountStage count;
  private final BlockStage block;
  private final AdderStage adder;
  private final int outWidth;

  /** Every stage kept. @param maxHeight the tallest column's height */
  SumStages(Layout layout, Columns cols, long maxHeight) {
    this(layout, cols, maxHeight, -1, true);
  }

  /**
   * @param peak a column of largest height (heights rise before it, fall after), or −1
   * @param everyStage whether the stages are kept where the columns are at most two high
   */
  SumStages(Layout layout, Columns cols, long maxHeight, int peak, boolean everyStage) {
    Columns c = cols;
    long height = maxHeight;
    if (everyStage || height > 2) {
      this.count = new CountStage(layout, c, height, peak);
      c = count.output();
      height = count.outputMaxHeight();
    } else {
      this.count = null;
    }
    if (everyStage || height > 2) {
      this.block = new BlockStage(layout, c, height);
      c = block.output();
    } else {
      this.block = null;
    }
    this.adder = new AdderStage(layout, c);
    BigInteger bound = BigInteger.ZERO;
    for (int j = 0; j < cols.count(); j++) {
      bound = bound.add(BigInteger.valueOf(cols.height(j)).shiftLeft(j));
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

  /** The stage of section s; null where the construction has none. */
  Stage stage(Section s) {
    return switch (s) {
      case COUNT_T, COUNT_BIT -> count;
      case BLOCK_T, BLOCK_BIT -> block;
      case ADD_BIT, TERM, CARRY, SUM -> adder;
      default -> null;
    };
  }

  void forEach(LongConsumer sink) {
    if (count != null) {
      count.forEach(sink);
    }
    if (block != null) {
      block.forEach(sink);
    }
    adder.forEach(sink);
  }

  long gateCount() {
    return (count == null ? 0 : count.gateCount()) + (block == null ? 0 : block.gateCount())
        + adder.gateCount();
  }

  long sample(SplittableRandom rnd) {
    int pick = rnd.nextInt(3);
    if (pick == 0 && count != null) {
      return count.sample(rnd);
    }
    return pick == 1 && block != null ? block.sample(rnd) : adder.sample(rnd);
  }
}
