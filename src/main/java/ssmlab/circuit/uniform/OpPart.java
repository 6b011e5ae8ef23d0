package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The gates one {@code FpAlgebra} call of {@code WireAlgebra} appends, as consecutive parts of a
 * {@link Parts} address format: its operands' wires are leaves ({@link OperandBus}), its result
 * is {@link #output}, so a composition can wire it to other operations.
 */
interface OpPart {
  /** How many consecutive parts it takes. */
  int partCount();

  /** The gate at fields (part, j, sec, a, b), part one of this part's. */
  Gate gate(long address, int part, long j, int sec, long a, long b);

  /** {@link AddressedFamily#inputIndex} for gate g (answered as {@code gate}) of this part. */
  int inputIndex(Gate gate, int part, long g, long h);

  /** Every address in build order. */
  void forEach(LongConsumer sink);

  long gateCount();

  long sample(SplittableRandom rnd);

  int outputBits();

  /** Output bit i: a gate of the part, or an operand's wire the call passes through. */
  long output(int i);

  /** Refuses an address whose fields name no gate, saying which fields exist. */
  static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  /** The constant wire holding bit i of v ({@code BigInteger.valueOf(v).testBit(i)}). */
  static long constBit(Parts parts, long v, long i) {
    boolean set = i >= 63 ? v < 0 : (v >>> i & 1) != 0;
    return set ? parts.const1() : parts.const0();
  }
}
