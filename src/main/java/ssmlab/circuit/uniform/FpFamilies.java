package ssmlab.circuit.uniform;

import java.util.List;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpOps;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;

/**
 * The addressed F_p families by op name, each the gate-for-gate description of what the builder
 * code of {@code ssmlab circuit op --op NAME} builds, before simplification: fp-mul
 * ({@code FpOps.multiply}: {@link FpMulFamily}).
 */
public final class FpFamilies {
  /** The op names, in the order help lists them. */
  public static final List<String> OPS = List.of("fp-mul");


  private FpFamilies() {}

  /** Whether {@code op} names an F_p family. */
  public static boolean covers(String op) {
    return OPS.contains(op);
  }

  /**
   * The member of {@code op}'s family for p-bit significands and q-bit exponents, the formats
   * {@code FloatFormat} accepts (p = 2..2^16, q = 1..61).
   */
  public static AddressedFamily of(String op, int p, int q) {
    FloatFormat f = format(op, p, q);
    return new FpMulFamily(op + " --precision " + f.p() + " --exponent-bits " + f.q(), p, q);
  }

  /**
   * Builds the op's circuit into {@code b} as {@code circuit op} does: input ports x, y of
   * p + q + 2 bits; returns the output bus z (also declared as the output port).
   */
  public static int[] build(String op, int p, int q, CircuitBuilder b) {
    FloatFormat f = format(op, p, q);
    FpWires x = FpWires.input(b, "x", f);
    FpWires y = FpWires.input(b, "y", f);
    int[] z = FpOps.multiply(b, x, y).bits();
    b.output("z", z);
    return z;
  }

  private static FloatFormat format(String op, int p, int q) {
    if (!covers(op)) {
      throw new IllegalArgumentException("no addressed family for op '" + op + "' (one of "
          + String.join(", ", IntFamilies.OPS) + ", " + String.join(", ", OPS) + ")");
    }
    return FloatFormat.of(p, q);
  }
}
