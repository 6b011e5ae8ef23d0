/**
 * Integer arithmetic as constant-depth threshold circuits (TC0): comparison, carry-lookahead
 * addition and subtraction, bits of small weighted sums, iterated addition, multiplication,
 * iterated multiplication by Chinese remaindering, division, shifts, leading-one detection and
 * multiplexers.
 *
 * <p>Every construction takes a {@link ssmlab.circuit.CircuitBuilder} and buses ({@code int[]} of
 * wire ids, LSB first, unsigned unless a method says otherwise) and returns a bus; its depth does
 * not grow with the widths or the number of operands. Constructions and their measured depths and
 * sizes: docs/circuits.md.
 */
package ssmlab.circuit.tc0;
