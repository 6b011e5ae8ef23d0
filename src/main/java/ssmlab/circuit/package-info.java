/**
 * Boolean and threshold circuits: the gate set (constants, inputs, NOT, unbounded fan-in AND and
 * OR, MAJ, weighted THRESHOLD), a {@link ssmlab.circuit.CircuitBuilder} that hash-conses and folds
 * constants while it builds, the immutable levelised {@link ssmlab.circuit.Circuit} (CSR edge
 * arrays, no per-gate objects), a bit-parallel evaluator (64 input vectors per {@code long},
 * bit-sliced counters for threshold gates), statistics, lowerings and exports (Verilog, BLIF,
 * BENCH, DOT, JSON).
 *
 * <p>Wire ids are ints; buses are {@code int[]} of wire ids, least significant bit first. Wires 0
 * and 1 are the constants false and true.
 */
package ssmlab.circuit;
