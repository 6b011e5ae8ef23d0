package ssmlab.circuit.uniform;

/** The columns of n p-bit operands: column c holds bit c of every operand, operand 0 first. */
record OperandColumns(Layout layout, long operands, int width) implements Columns {
  @Override
  public boolean flat() {
    return true;
  }

  @Override
  public int count() {
    return width;
  }

  @Override
  public long height(int c) {
    return c >= 0 && c < width ? operands : 0;
  }

  @Override
  public long indexOf(int c, long address) {
    return layout.section(address) == Section.INPUT && layout.a(address) == c
        && layout.b(address) < operands && c < width ? layout.b(address) : -1;
  }

  @Override
  public long entry(int c, long e) {
    return layout.address(Section.INPUT, c, e);
  }
}
