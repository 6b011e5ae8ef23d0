package ssmlab.circuit.uniform;

/**
 * An operation part whose last parts round its exact result ({@link RoundingPart}), as exponent
 * and scale do: the gates before the rounding are the subclass's, the output is the rounding's.
 */
abstract class RoundedOpPart implements OpPart {
  private final int frontParts;

  /** @param frontParts the parts before the rounding */
  RoundedOpPart(int frontParts) {
    this.frontParts = frontParts;
  }

  @Override
  public final int partCount() {
    return frontParts + RoundingPart.PARTS;
  }

  /** The rounding, built after the stages that feed it. */
  abstract RoundingPart rounding();

  /** The gate at fields (part, sec, a, b) of a part before the rounding (j is 0). */
  abstract Gate front(long address, int part, int sec, long a, long b);

  /** {@link OpPart#inputIndex} for a gate before the rounding. */
  abstract int frontIndex(Gate gate, int part, long g, long h);

  @Override
  public final Gate gate(long address, int part, long j, int sec, long a, long b) {
    if (rounding().owns(part)) {
      return rounding().gate(address, part, j, sec, a, b);
    }
    OpPart.require(j == 0, "index j is 0 in part " + part + ", not " + j);
    return front(address, part, sec, a, b);
  }

  @Override
  public final int inputIndex(Gate gate, int part, long g, long h) {
    return rounding().owns(part) ? rounding().inputIndex(gate, part, g, h)
        : frontIndex(gate, part, g, h);
  }

  @Override
  public final int outputBits() {
    return rounding().outputBits();
  }

  @Override
  public final long output(int i) {
    return rounding().output(i);
  }
}
