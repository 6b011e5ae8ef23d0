package ssmlab.circuit.uniform;

import static ssmlab.circuit.GateType.AND;
import static ssmlab.circuit.GateType.NOT;
import static ssmlab.circuit.GateType.OR;

import java.util.function.IntToLongFunction;

/**
 * {@code CircuitBuilder.xor}(x, y) = (x ∧ ¬y) ∨ (¬x ∧ y) as five gates in sections 0–4 of one
 * part, in build order: 0 ¬y, 1 x ∧ ¬y, 2 ¬x, 3 ¬x ∧ y, 4 their OR (the result).
 */
final class XorGates {
  private XorGates() {}

  /** The gate of section {@code sec} (0..4); {@code at} maps a section to its address. */
  static Gate gate(long address, int sec, long x, long y, IntToLongFunction at) {
    return switch (sec) {
      case 0 -> Gate.of(address, NOT, y);
      case 1 -> Gate.of(address, AND, x, at.applyAsLong(0));
      case 2 -> Gate.of(address, NOT, x);
      case 3 -> Gate.of(address, AND, at.applyAsLong(2), y);
      case 4 -> Gate.of(address, OR, at.applyAsLong(1), at.applyAsLong(3));
      default -> throw new IllegalArgumentException("xor sections 0..4, not " + sec);
    };
  }
}
