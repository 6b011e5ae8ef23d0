package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One member C_n of a circuit family whose gates have addresses of O(log n) bits: any gate's
 * type, threshold, weights and input addresses come from its address by arithmetic on
 * O(log n)-bit numbers, without building the circuit.
 *
 * <p>The direct connection language of the family (Barrington–Immerman–Straubing; Definition
 * 3.10 and 3.11 of Chen et al.) is {@code {(g, i, h) : gate(g).input(i) = h}} with the type of g
 * from {@code gate(g).type()}.
 */
public interface AddressedFamily {
  /** The family member in the command line's words, e.g. {@code int-sum --precision 8 --arity 16}. */
  String describe();

  /** The bits of an address. */
  int addressBits();

  /**
   * The widths {wa, wb} of the two fields: an address is (section·2^wa + a)·2^wb + b with a
   * 4-bit section.
   */
  int[] fieldBits();

  /**
   * The gate at {@code address}.
   *
   * @throws IllegalArgumentException in one line when no gate has that address
   */
  Gate gate(long address);

  /**
   * The index of {@code h} among the inputs of gate {@code g}, the first if it occurs twice; −1
   * when h is not an input of g. Decides the direct connection language {(g, h)} by the same
   * arithmetic, without scanning the fan-in.
   *
   * @throws IllegalArgumentException when g is no gate
   */
  int inputIndex(long g, long h);

  /** The number of gates, constants and inputs included. */
  long gateCount();

  /** Every address, in the order the builder creates the gates (constants, inputs, ...). */
  void forEachAddress(LongConsumer sink);

  int outputBits();

  /** The address of output bit {@code i} (output ports in order, LSB first). */
  long output(int i);

  /** A random gate's address: a random part, then uniform fields within it. */
  long sample(SplittableRandom rnd);
}
