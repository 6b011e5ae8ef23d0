package ssmlab.circuit.uniform;

/** A parted F_p family whose output is the float its {@link RoundingPart} rounds. */
abstract class RoundedFamily extends PartedFamily {
  RoundedFamily(String describe, int partCount) {
    super(describe, partCount);
  }

  /** The final rounding. */
  abstract RoundingPart rounding();

  @Override
  public final int outputBits() {
    return rounding().outputBits();
  }

  /** Bit i of the rounded float's bus: |m| (p bits), e (q + 1), the sign. */
  @Override
  public final long output(int i) {
    if (i < 0 || i >= outputBits()) {
      throw new IndexOutOfBoundsException("output bit " + i + " of " + outputBits());
    }
    return rounding().output(i);
  }
}
