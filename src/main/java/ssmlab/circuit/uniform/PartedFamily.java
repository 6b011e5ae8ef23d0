package ssmlab.circuit.uniform;

/**
 * What the families in {@link Parts} addresses share (int-div, fp-mul): the description, the
 * address width, one-line refusals naming the member, and the leaves part.
 */
abstract class PartedFamily implements AddressedFamily {
  private final String describe;
  private final int partCount;

  /** @param partCount the number of parts */
  PartedFamily(String describe, int partCount) {
    this.describe = describe;
    this.partCount = partCount;
  }

  /** The address format. */
  abstract Parts parts();

  /**
   * The gate at {@code address}, whose fields are part (below the part count), j, sec, a and b.
   *
   * @throws IllegalArgumentException or IndexOutOfBoundsException saying why there is none
   */
  abstract Gate decode(long address, int part, long j, int sec, long a, long b);

  @Override
  public final String describe() {
    return describe;
  }

  @Override
  public final int addressBits() {
    return parts().bits();
  }

  @Override
  public final int[] fieldBits() {
    return new int[] {parts().base().widthA(), parts().base().widthB()};
  }

  @Override
  public final Gate gate(long address) {
    try {
      Parts parts = parts();
      if (address < 0 || address >>> parts.bits() != 0) {
        throw new IllegalArgumentException("outside 0..2^" + parts.bits() + " − 1");
      }
      int part = parts.part(address);
      if (part >= partCount) {
        throw new IllegalArgumentException("no part " + part + " (parts 0.." + (partCount - 1)
            + ")");
      }
      return decode(address, part, parts.j(address), parts.section(address), parts.a(address),
          parts.b(address));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("address " + address + " is no gate of " + describe
          + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a nonzero index j in a part that has none. */
  static void requireNoIndex(int part, long j) {
    if (j != 0) {
      throw new IllegalArgumentException("index j is 0 in part " + part + ", not " + j);
    }
  }

  /** The gate at {@code address} of the leaves part: constants and inputs only. */
  final Gate leaf(LeafStage leaves, long address) {
    Section s = parts().base().section(address);
    if (s != Section.CONST && s != Section.INPUT) {
      throw new IllegalArgumentException("leaves are constants and inputs only");
    }
    return leaves.gate(address, s, parts().a(address), parts().b(address));
  }
}
