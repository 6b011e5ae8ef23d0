package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/** A part of an addressed family: the gates of some sections, answered by arithmetic. */
interface Stage {
  /**
   * The gate at fields (a, b) of section s.
   *
   * @throws IllegalArgumentException naming the field out of range when there is none
   */
  Gate gate(long address, Section s, long a, long b);

  /**
   * The index of input {@code h} of the gate at (a, b) of section s (a valid gate), the first if
   * it occurs twice; −1 when h is not an input: the direct connection language, decided by the
   * same arithmetic.
   */
  int inputIndex(Section s, long a, long b, long h);

  /** The index of {@code h} among a gate's inputs by comparing them all: for small fan-in. */
  static int scan(Gate g, long h) {
    for (int i = 0; i < g.fanIn(); i++) {
      if (g.input(i) == h) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The candidate index c when input c of g is h and no earlier input is (the caller's
   * arithmetic names the only possible c); −1 otherwise.
   */
  static int checked(Gate g, long h, long c) {
    return c >= 0 && c < g.fanIn() && g.input((int) c) == h ? (int) c : -1;
  }

  /** Every address of the stage, in the order the builder creates the gates. */
  void forEach(LongConsumer out);

  long gateCount();

  /** A random address of the stage. */
  long sample(SplittableRandom rnd);

  static IllegalArgumentException none(Section s, String why) {
    return new IllegalArgumentException(s.label() + ": " + why);
  }

  static int bitLength(long v) {
    return 64 - Long.numberOfLeadingZeros(v);
  }
}
