package ssmlab.circuit.uniform;

import java.util.function.LongUnaryOperator;

/** Adder columns: column i holds first(i) and, where second(i) ≥ 0, second(i). */
record Pairs(int count, LongUnaryOperator first, LongUnaryOperator second)
    implements Columns {
  @Override
  public long height(int c) {
    return c < 0 || c >= count ? 0 : second.applyAsLong(c) < 0 ? 1 : 2;
  }

  @Override
  public long entry(int c, long e) {
    return e == 0 ? first.applyAsLong(c) : second.applyAsLong(c);
  }

  @Override
  public long indexOf(int c, long address) {
    return height(c) == 0 ? -1 : address == entry(c, 0) ? 0
        : height(c) == 2 && address == entry(c, 1) ? 1 : -1;
  }
}
