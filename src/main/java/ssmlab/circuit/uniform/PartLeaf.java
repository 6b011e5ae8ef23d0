package ssmlab.circuit.uniform;

/**
 * A leaf of a family used as a part of a larger one: a constant or an operand's bit, which the
 * composed family replaces by a gate of its own. Read from the address alone: a leaf has part 0
 * and section CONST (b = 0 false, 1 true) or INPUT (a the bit, b the operand) in the part's
 * fields ({@link Layout}).
 *
 * @param constant whether it is a constant
 * @param operand the operand, or the constant's value (0 or 1)
 * @param bit the operand's bit (0 for a constant)
 */
public record PartLeaf(boolean constant, long operand, int bit) {
  /** The leaf at address h of {@code part}; null when h is one of its gates. */
  public static PartLeaf at(AddressedFamily part, long h) {
    int[] fb = part.fieldBits();
    long section = h >>> fb[0] + fb[1];
    long b = h & ((1L << fb[1]) - 1);
    if (section == Section.CONST.ordinal()) {
      return new PartLeaf(true, b, 0);
    }
    if (section == Section.INPUT.ordinal()) {
      return new PartLeaf(false, b, (int) (h >>> fb[1] & ((1L << fb[0]) - 1)));
    }
    return null;
  }
}
