package ssmlab.circuit.uniform;

import java.util.function.IntToLongFunction;

import ssmlab.circuit.GateType;

/**
 * One gate of an addressed family, as a query answers it: its type, fan-in, threshold, and its
 * inputs and weights as functions of the input index, each computed on demand from the address.
 *
 * @param address the gate's address
 * @param type CONST0, CONST1, INPUT, NOT, AND, OR or THRESHOLD
 * @param fanIn the number of inputs
 * @param threshold t of a THRESHOLD gate [Σ w_i x_i ≥ t]; 0 for other types
 * @param inputs input index → the address of that input
 * @param weights input index → its weight; null for unweighted gates
 */
public record Gate(long address, GateType type, int fanIn, long threshold,
    IntToLongFunction inputs, IntToLongFunction weights) {

  private static final IntToLongFunction NONE = i -> {
    throw new IndexOutOfBoundsException(i);
  };

  /** A gate of fixed small fan-in. */
  static Gate of(long address, GateType type, long... inputs) {
    return new Gate(address, type, inputs.length, 0, i -> inputs[i], null);
  }

  /** A leaf: a constant or an input. */
  static Gate leaf(long address, GateType type) {
    return new Gate(address, type, 0, 0, NONE, null);
  }

  /** The address of input {@code i}. */
  public long input(int i) {
    if (i < 0 || i >= fanIn) {
      throw new IndexOutOfBoundsException("input " + i + " of a gate of fan-in " + fanIn);
    }
    return inputs.applyAsLong(i);
  }

  /** The weight of input {@code i}: 1 unless the gate is weighted. */
  public long weight(int i) {
    if (i < 0 || i >= fanIn) {
      throw new IndexOutOfBoundsException("input " + i + " of a gate of fan-in " + fanIn);
    }
    return weights == null ? 1 : weights.applyAsLong(i);
  }

  public boolean weighted() {
    return weights != null;
  }
}
