package ssmlab.circuit.uniform;

/**
 * The partial products of two p-bit numbers by column: column c holds x_i ∧ y_{c−i} for
 * max(0, c−p+1) ≤ i ≤ min(c, p−1), i ascending; column 2p−1 is empty.
 */
record ProductColumns(Layout layout, int width) implements Columns {
  @Override
  public int count() {
    return 2 * width;
  }

  @Override
  public long height(int c) {
    return c < 0 || c > 2 * width - 2 ? 0 : Math.min(c + 1, 2 * width - 1 - c);
  }

  @Override
  public long indexOf(int c, long address) {
    long i = layout.a(address);
    long k = layout.b(address);
    return layout.section(address) == Section.PRODUCT && i < width && k < width && i + k == c
        ? i - Math.max(0, c - width + 1) : -1;
  }

  @Override
  public long entry(int c, long e) {
    long i = Math.max(0, c - width + 1) + e;
    return layout.address(Section.PRODUCT, i, c - i);
  }
}
