package ssmlab.circuit.uniform;

/**
 * The address format of one family member: {@code (section · 2^wa + a) · 2^wb + b}, a 4-bit
 * section and two fields, so decoding is shifts and masks. Field a (a column, bit or block
 * index) has wa = O(log log n + log p) bits; field b (an operand index or a threshold value) has
 * wb = O(log n) bits.
 */
record Layout(int widthA, int widthB) {
  Layout {
    if (widthA < 1 || widthB < 1 || Section.BITS + widthA + widthB > 63) {
      throw new IllegalArgumentException("address fields of " + widthA + " and " + widthB
          + " bits do not fit in 63 bits");
    }
  }

  /** The smallest layout whose fields hold every value up to {@code maxA} and {@code maxB}. */
  static Layout forMax(long maxA, long maxB) {
    return new Layout(Stage.bitLength(Math.max(1, maxA)), Stage.bitLength(Math.max(1, maxB)));
  }

  int bits() {
    return Section.BITS + widthA + widthB;
  }

  long address(Section s, long a, long b) {
    return (((long) s.ordinal() << widthA | a) << widthB) | b;
  }

  /** The section, or null when the address names none. */
  Section section(long address) {
    long s = address >>> widthA + widthB;
    return address < 0 || s >= Section.values().length ? null : Section.values()[(int) s];
  }

  long a(long address) {
    return (address >>> widthB) & ((1L << widthA) - 1);
  }

  long b(long address) {
    return address & ((1L << widthB) - 1);
  }
}
