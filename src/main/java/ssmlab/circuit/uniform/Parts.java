package ssmlab.circuit.uniform;

/**
 * The address format of the composed families (int-prod, int-div): a part (a block of the
 * construction), an index j (a prime's), then the section and fields of {@link Layout}:
 * {@code ((((part·2^wj + j)·2^4 + section)·2^wa + a)·2^wb + b}. A part's iterated additions and
 * adders use the {@link Section} numbers in the namespace {@link #layout}(part, j).
 *
 * @param base the section and field widths
 * @param wj the bits of j
 * @param partBits the bits of the part
 */
record Parts(Layout base, int wj, int partBits) {
  Parts {
    if (partBits + wj + base.bits() > 63) {
      throw new IllegalArgumentException("addresses of " + (partBits + wj + base.bits())
          + " bits, more than 63");
    }
  }

  int bits() {
    return partBits + wj + base.bits();
  }

  long at(int part, long j, int sec, long a, long b) {
    return ((((long) part << wj | j) << Section.BITS | sec) << base.widthA() | a)
        << base.widthB() | b;
  }

  /** The namespace of part {@code part}, index j. */
  Layout layout(int part, long j) {
    return base.withPrefix((long) part << wj | j);
  }

  int part(long address) {
    return (int) (address >>> base.bits() + wj);
  }

  long j(long address) {
    return address >>> base.bits() & ((1L << wj) - 1);
  }

  int section(long address) {
    return (int) (address >>> base.widthA() + base.widthB()) & ((1 << Section.BITS) - 1);
  }

  long a(long address) {
    return base.a(address);
  }

  long b(long address) {
    return base.b(address);
  }

  long const0() {
    return base.address(Section.CONST, 0, 0);
  }

  long const1() {
    return base.address(Section.CONST, 0, 1);
  }

  /** The gate at {@code address} in the iterated addition {@code sum} of part (part, j). */
  Gate sumGate(SumStages sum, int part, long j, long address) {
    Layout l = layout(part, j);
    Section s = l.section(address);
    Stage st = s == null ? null : sum.stage(s);
    if (st == null) {
      throw new IllegalArgumentException("an iterated addition has sections 3..10 only"
          + (s == null ? "" : " (here no " + s.label() + " gates)"));
    }
    return st.gate(address, s, l.a(address), l.b(address));
  }

  /** The gate at {@code address} in the adder {@code adder} of part (part, j). */
  Gate adderGate(AdderStage adder, int part, long j, long address) {
    Layout l = layout(part, j);
    Section s = l.section(address);
    if (s == null || s.ordinal() < Section.ADD_BIT.ordinal()) {
      throw new IllegalArgumentException("an adder has sections 7..10 only");
    }
    return adder.gate(address, s, l.a(address), l.b(address));
  }

  /** {@link Stage#inputIndex} of the gate g of a sum or adder part, by that stage's arithmetic. */
  int inputIndex(SumStages sum, AdderStage adder, long g, long h) {
    Layout l = layout(part(g), j(g));
    Section s = l.section(g);
    Stage st = sum == null ? adder : sum.stage(s);
    return st.inputIndex(s, l.a(g), l.b(g), h);
  }
}
