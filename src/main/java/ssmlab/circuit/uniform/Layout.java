package ssmlab.circuit.uniform;

/**
 * The address format of one family member: {@code (section · 2^wa + a) · 2^wb + b}, a 4-bit
 * section and two fields, so decoding is shifts and masks. Field a (a column, bit or block
 * index) has wa = O(log log n + log p) bits; field b (an operand index or a threshold value) has
 * wb = O(log n) bits.
 *
 * <p>A nonzero {@code prefix} puts the whole format in a namespace: every address gets
 * {@code prefix · 2^(4 + wa + wb)} added, so one family can hold several copies of a stage
 * (int-prod has an iterated addition per prime). Constants are shared: {@link #address} of
 * {@link Section#CONST} ignores the prefix.
 */
record Layout(int widthA, int widthB, long prefix) {
  Layout {
    if (widthA < 1 || widthB < 1 || prefix < 0
        || Section.BITS + widthA + widthB + Stage.bitLength(prefix) > 63) {
      throw new IllegalArgumentException("address fields of " + widthA + " and " + widthB
          + " bits (prefix " + prefix + ") do not fit in 63 bits");
    }
  }

  Layout(int widthA, int widthB) {
    this(widthA, widthB, 0);
  }

  /** The same fields in the namespace {@code prefix}. */
  Layout withPrefix(long prefix) {
    return new Layout(widthA, widthB, prefix);
  }

  /** The smallest layout whose fields hold every value up to {@code maxA} and {@code maxB}. */
  static Layout forMax(long maxA, long maxB) {
    return new Layout(Stage.bitLength(Math.max(1, maxA)), Stage.bitLength(Math.max(1, maxB)));
  }

  int bits() {
    return Section.BITS + widthA + widthB;
  }

  long address(Section s, long a, long b) {
    long p = s == Section.CONST ? 0 : prefix << Section.BITS + widthA + widthB;
    return p | (((long) s.ordinal() << widthA | a) << widthB) | b;
  }

  /** The section, or null when the address names none (or lies outside the namespace). */
  Section section(long address) {
    if (address < 0 || address >>> Section.BITS + widthA + widthB != prefix) {
      return null;
    }
    long s = (address >>> widthA + widthB) & ((1L << Section.BITS) - 1);
    return s >= Section.values().length ? null : Section.values()[(int) s];
  }

  long a(long address) {
    return (address >>> widthB) & ((1L << widthA) - 1);
  }

  long b(long address) {
    return address & ((1L << widthB) - 1);
  }
}
