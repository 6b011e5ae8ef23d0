package ssmlab.circuit.uniform;

/**
 * Columns of wires to be summed, Σ_c 2^c · (ones in column c), as arithmetic: column c's height
 * and the address of its e-th wire, in the order the builder lists them.
 */
interface Columns {
  int count();

  /** The wires in column c; 0 outside 0..count−1. */
  long height(int c);

  /** The address of wire e (0-based) of column c. */
  long entry(int c, long e);

  /** The e with entry(c, e) = address, the first if several; −1 when there is none. */
  long indexOf(int c, long address);

  /** Whether columns 0..count−1 all have the same height. */
  default boolean flat() {
    return false;
  }
}
