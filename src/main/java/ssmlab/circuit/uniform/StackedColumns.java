package ssmlab.circuit.uniform;

import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The columns of numbers listed for {@code IteratedAddition.sumUniform}: a few head numbers whose
 * bit c is a gate or absent (the builder drops false wires), then {@code tail} numbers whose bits
 * 0..tailWidth−1 are all gates. Column c lists the present heads in order, then the tail.
 *
 * @param count the columns, the widest number's width
 * @param heads head r, bit c → its address, or −1 where the builder has false
 * @param tail the number of tail numbers
 * @param tailWidth the bits of each tail number
 * @param tailBit (t, c) → bit c of tail number t
 * @param tailIndex an address → the t whose bits it may be, or −1 (checked against tailBit)
 */
record StackedColumns(int count, LongBinaryOperator heads, int headCount, long tail,
    int tailWidth, LongBinaryOperator tailBit, LongUnaryOperator tailIndex) implements Columns {

  @Override
  public boolean flat() {
    return headCount == 0 && tailWidth == count;
  }

  private int headsAt(int c) {
    int h = 0;
    for (int r = 0; r < headCount; r++) {
      h += heads.applyAsLong(r, c) >= 0 ? 1 : 0;
    }
    return h;
  }

  @Override
  public long height(int c) {
    return c < 0 || c >= count ? 0 : headsAt(c) + (c < tailWidth ? tail : 0);
  }

  @Override
  public long entry(int c, long e) {
    long seen = 0;
    for (int r = 0; r < headCount; r++) {
      long h = heads.applyAsLong(r, c);
      if (h >= 0 && seen++ == e) {
        return h;
      }
    }
    return tailBit.applyAsLong(e - seen, c);
  }

  @Override
  public long indexOf(int c, long address) {
    if (c < 0 || c >= count) {
      return -1;
    }
    long seen = 0;
    for (int r = 0; r < headCount; r++) {
      long h = heads.applyAsLong(r, c);
      if (h == address) {
        return seen;
      }
      seen += h >= 0 ? 1 : 0;
    }
    long t = c < tailWidth ? tailIndex.applyAsLong(address) : -1;
    return t >= 0 && t < tail && tailBit.applyAsLong(t, c) == address ? seen + t : -1;
  }
}
