package ssmlab.circuit.uniform;

/**
 * The parts of a column-sum construction, in build order; a gate's address starts with its
 * section's ordinal. Fields a and b of the address are named per section.
 */
public enum Section {
  /** b = 0: false, b = 1: true. */
  CONST("constant"),
  /** a = bit, b = operand. */
  INPUT("input"),
  /** a = bit i of x, b = bit k of y: x_i ∧ y_k. */
  PRODUCT("partial-product"),
  /** a = column j, b = v: [column j holds at least v ones]. */
  COUNT_T("count-threshold"),
  /** a = column j, b = t: bit t of column j's count. */
  COUNT_BIT("count-bit"),
  /** a = block k, b = v: [S_k ≥ v]. */
  BLOCK_T("block-threshold"),
  /** a = block k, b = i: bit i of S_k. */
  BLOCK_BIT("block-bit"),
  /** a = bit i, b = 0..6: g_i, p_i and the five gates of h_i = x_i ⊕ y_i. */
  ADD_BIT("adder-bit"),
  /** a = carry i, b = j + 1: T_{j,i} = g_j ∧ p_{j+1} ∧ … ∧ p_{i−1}. */
  TERM("carry-term"),
  /** a = i, b = 0: the carry c_i into bit i. */
  CARRY("carry"),
  /** a = bit i, b = 0..4: the five gates of s_i = h_i ⊕ c_i. */
  SUM("sum");

  /** Bits of the section field. */
  static final int BITS = 4;

  private final String label;

  Section(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
