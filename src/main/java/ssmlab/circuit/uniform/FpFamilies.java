package ssmlab.circuit.uniform;

import java.util.ArrayList;
import java.util.List;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpOps;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;

/**
 * The addressed F_p families by op name, each the gate-for-gate description of what the builder
 * code of {@code ssmlab circuit op --op NAME} builds, before simplification: fp-mul
 * ({@code FpOps.multiply}: {@link FpMulFamily}), fp-prod ({@code FpOps.product}, n ≥ 2
 * factors: {@link FpProdFamily}), fp-add and fp-sum ({@code FpOps.add}, {@code FpOps.sum}: full alignment for q ≤ 4,
 * {@link FpAlignedSumFamily}; the windowed sum above, {@link FpSumFamily}) and fp-floor
 * ({@code FpOps.floor}, windowed, q ≥ 5: {@link FpFloorFamily}), fp-cmp ({@code FpOps.lessThan}
 * and {@code FpOps.equal}: {@link FpCmpFamily}).
 */
public final class FpFamilies {
  /** The op names, in the order help lists them. */
  public static final List<String> OPS =
      List.of("fp-mul", "fp-prod", "fp-add", "fp-sum", "fp-floor", "fp-cmp");

  private FpFamilies() {}

  /** Whether the op reads --arity. */
  public static boolean usesArity(String op) {
    return op.equals("fp-prod") || op.equals("fp-sum");
  }

  /** Whether {@code op} names an F_p family. */
  public static boolean covers(String op) {
    return OPS.contains(op);
  }

  /**
   * The member of {@code op}'s family for p-bit significands and q-bit exponents, the formats
   * {@code FloatFormat} accepts (p = 2..2^16, q = 1..61; fp-prod: p ≤ 64, n ≥ 2 factors;
   * fp-add, fp-sum: addresses within 63 bits).
   */
  public static AddressedFamily of(String op, int p, int q, int n) {
    FloatFormat f = format(op, p, q);
    String d = op + " --precision " + f.p() + " --exponent-bits " + f.q();
    if (op.equals("fp-add") || op.equals("fp-sum")) {
      int terms = op.equals("fp-add") ? 2 : n;
      String member = op.equals("fp-add") ? d : d + " --arity " + n;
      return q <= FpOps.FULL_ALIGNMENT_MAX_Q ? new FpAlignedSumFamily(member, terms, p, q)
          : new FpSumFamily(member, terms, p, q);
    }
    if (op.equals("fp-floor")) {
      return new FpFloorFamily(d, p, q);
    }
    if (op.equals("fp-cmp")) {
      return new FpCmpFamily(d, p, q);
    }
    if (usesArity(op)) {
      if (p > IntFamilies.MAX_PROD_PRECISION) {
        throw new IllegalArgumentException("--precision of fp-prod must be in 2.."
            + IntFamilies.MAX_PROD_PRECISION + ", got " + p);
      }
      return new FpProdFamily(d + " --arity " + n, n, p, q);
    }
    return new FpMulFamily(d, p, q);
  }

  /**
   * Builds the op's circuit into {@code b} as {@code circuit op} does: input ports x, y (or
   * x0..x(n−1) for fp-prod and fp-sum) of p + q + 2 bits; returns the output bus z (also the
   * output port).
   */
  public static int[] build(String op, int p, int q, int n, CircuitBuilder b) {
    FloatFormat f = format(op, p, q);
    int[] z;
    if (usesArity(op)) {
      List<FpWires> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(FpWires.input(b, "x" + i, f));
      }
      z = (op.equals("fp-sum") ? FpOps.sum(b, xs) : FpOps.product(b, xs)).bits();
    } else if (op.equals("fp-floor")) {
      z = FpOps.floor(b, FpWires.input(b, "x", f)).bits();
    } else if (op.equals("fp-cmp")) {
      FpWires x = FpWires.input(b, "x", f);
      FpWires y = FpWires.input(b, "y", f);
      int lt = FpOps.lessThan(b, x, y);
      int eq = FpOps.equal(b, x, y);
      b.output("lt", lt);
      b.output("eq", eq);
      return new int[] {lt, eq};
    } else {
      FpWires x = FpWires.input(b, "x", f);
      FpWires y = FpWires.input(b, "y", f);
      z = (op.equals("fp-add") ? FpOps.add(b, x, y) : FpOps.multiply(b, x, y)).bits();
    }
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
