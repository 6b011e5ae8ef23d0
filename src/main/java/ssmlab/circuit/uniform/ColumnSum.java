package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * An addressed family that sums columns of bits as {@code IteratedAddition.sumColumns} builds
 * it: leaves, then column counts (stage 1), block sums (stage 2) and the carry-lookahead adder.
 * Without {@code everyStage} a stage is left out when the columns are already at most two high,
 * as the builder does; the choice depends only on the sizes.
 */
final class ColumnSum implements AddressedFamily {
  private final String describe;
  private final Layout layout;
  private final List<Stage> stages = new ArrayList<>();
  private final Stage[] bySection = new Stage[Section.values().length];
  private final AdderStage adder;
  private final int outWidth;
  private final int outputBits;

  /**
   * @param operands input ports of {@code width} bits each
   * @param columns the columns to sum (over addresses of the leaves)
   * @param maxHeight the largest column height
   * @param peak a column of largest height, heights nondecreasing before and nonincreasing after
   * @param bound the largest possible sum: the sum has bitLength(bound) bits
   * @param outputBits the output width (the sum truncated or padded with false)
   */
  ColumnSum(String describe, Layout layout, long operands, int width, boolean products,
      Columns columns, long maxHeight, int peak, boolean everyStage, BigInteger bound,
      int outputBits) {
    this.describe = describe;
    this.layout = layout;
    add(new LeafStage(layout, operands, width, products), Section.CONST, Section.INPUT,
        Section.PRODUCT);
    Columns cols = columns;
    long height = maxHeight;
    if (everyStage || height > 2) {
      CountStage count = new CountStage(layout, cols, height, peak);
      add(count, Section.COUNT_T, Section.COUNT_BIT);
      cols = count.output();
      height = count.outputMaxHeight();
    }
    if (everyStage || height > 2) {
      BlockStage block = new BlockStage(layout, cols, height);
      add(block, Section.BLOCK_T, Section.BLOCK_BIT);
      cols = block.output();
    }
    this.adder = new AdderStage(layout, cols);
    add(adder, Section.ADD_BIT, Section.TERM, Section.CARRY, Section.SUM);
    if (cols.count() + 1 >= 1L << layout.widthA()) {
      throw new IllegalStateException("address fields too narrow for " + describe);
    }
    this.outWidth = Math.max(1, bound.bitLength());
    this.outputBits = outputBits;
  }

  private void add(Stage stage, Section... sections) {
    stages.add(stage);
    for (Section s : sections) {
      bySection[s.ordinal()] = stage;
    }
  }

  /**
   * Field widths for columns of at most {@code maxHeight} wires over {@code columns} columns:
   * field a (columns, blocks, adder bits) stays below columns + 3L (L = bits of maxHeight), field
   * b (operands, thresholds) below max(operands, maxHeight, 4·L²) since a block sum is below
   * 2^{2bw} ≤ 4L².
   */
  static Layout layoutFor(long operands, int columns, long maxHeight) {
    long l = Stage.bitLength(maxHeight);
    long maxA = columns + 3 * l + 8;
    long maxB = Math.max(Math.max(operands, maxHeight), Math.max(4 * l * l, maxA));
    return Layout.forMax(maxA, maxB);
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public int addressBits() {
    return layout.bits();
  }

  @Override
  public int[] fieldBits() {
    return new int[] {layout.widthA(), layout.widthB()};
  }

  @Override
  public Gate gate(long address) {
    Section s = layout.section(address);
    Stage stage = s == null ? null : bySection[s.ordinal()];
    if (stage == null) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": " + (s == null ? "no section " + (address >>> layout.widthA() + layout.widthB())
              : "no " + s.label() + " gates"));
    }
    try {
      return stage.gate(address, s, layout.a(address), layout.b(address));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int inputIndex(long g, long h) {
    gate(g); // throws when g is no gate
    Section s = layout.section(g);
    return bySection[s.ordinal()].inputIndex(s, layout.a(g), layout.b(g), h);
  }

  @Override
  public long gateCount() {
    long n = 0;
    for (Stage s : stages) {
      n += s.gateCount();
    }
    return n;
  }

  @Override
  public void forEachAddress(LongConsumer sink) {
    for (Stage s : stages) {
      s.forEach(sink);
    }
  }

  @Override
  public int outputBits() {
    return outputBits;
  }

  @Override
  public long output(int i) {
    if (i < 0 || i >= outputBits) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits);
    }
    return i < outWidth ? adder.sumBit(i) : layout.address(Section.CONST, 0, 0);
  }

  @Override
  public long sample(SplittableRandom rnd) {
    return stages.get(rnd.nextInt(stages.size())).sample(rnd);
  }
}
