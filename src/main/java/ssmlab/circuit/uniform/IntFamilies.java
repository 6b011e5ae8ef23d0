package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Division;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.circuit.tc0.IteratedMultiplication;
import ssmlab.circuit.tc0.Multiplication;

/**
 * The addressed integer families by op name, each the gate-for-gate description of what the
 * builder code of {@code ssmlab circuit op --op NAME} builds (ports and calls as in
 * {@code IntOps}), before simplification: int-add ({@code Adder.add}), int-sum
 * ({@code IteratedAddition.sum}), int-sum-uniform ({@code IteratedAddition.sumUniform}, every
 * stage kept: the sum inside the F_p circuits), int-mul ({@code Multiplication.multiply}) and
 * int-prod ({@code IteratedMultiplication.product}, Chinese remaindering: {@link ProdFamily}) and
 * int-div ({@code Division.divide}: {@link DivFamily}).
 */
public final class IntFamilies {
  /** The op names, in the order help lists them. */
  public static final List<String> OPS = List.of("int-add", "int-sum", "int-sum-uniform",
      "int-mul", "int-prod", "int-div");

  /** The largest precision of int-prod: its circuit has N·p-bit CRT constants. */
  public static final int MAX_PROD_PRECISION = 64;

  /**
   * The largest precision of int-div: R has p² + 1 bits, and the advice (the primes, M, its
   * cofactors and the columns of Σ γ_j) takes about 3 s at p = 128 and 17 s at p = 230; the
   * addresses fit 63 bits up to p = 230 and need 64 at p = 256.
   */
  public static final int MAX_DIV_PRECISION = 128;

  /** The largest precision: int-mul there has 2^40 partial products, queried in microseconds. */
  public static final int MAX_PRECISION = 1 << 20;

  private IntFamilies() {}

  /** Whether the op reads --arity. */
  public static boolean usesArity(String op) {
    return op.startsWith("int-sum") || op.equals("int-prod");
  }

  /** The member of {@code op}'s family at precision p and arity n. */
  public static AddressedFamily of(String op, int p, int n) {
    check(op, p, n);
    String d = op + " --precision " + p + (usesArity(op) ? " --arity " + n : "");
    BigInteger ones = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
    return switch (op) {
      case "int-add" -> {
        Layout l = ColumnSum.layoutFor(2, p, 2);
        yield new ColumnSum(d, l, 2, p, false, new OperandColumns(l, 2, p), 2, p - 1, false,
            BigInteger.TWO.multiply(ones), p + 1);
      }
      case "int-sum", "int-sum-uniform" -> {
        Layout l = ColumnSum.layoutFor(n, p, n);
        BigInteger bound = BigInteger.valueOf(n).multiply(ones);
        yield new ColumnSum(d, l, n, p, false, new OperandColumns(l, n, p), n, p - 1,
            op.equals("int-sum-uniform"), bound, Math.max(1, bound.bitLength()));
      }
      case "int-mul" -> {
        Layout l = ColumnSum.layoutFor(2, 2 * p, p);
        yield new ColumnSum(d, l, 2, p, true, new ProductColumns(l, p), p, p - 1, false,
            ones.multiply(ones), 2 * p);
      }
      case "int-prod" -> new ProdFamily(d, n, p);
      case "int-div" -> new DivFamily(d, p);
      default -> throw unknown(op);
    };
  }

  /**
   * Builds the op's circuit into {@code b} with the builder code {@code circuit op} runs: input
   * ports x0..x(n−1) or x, y; returns the output bus (also declared as the output port).
   */
  public static int[] build(String op, int p, int n, CircuitBuilder b) {
    check(op, p, n);
    if (usesArity(op)) {
      List<int[]> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(b.input("x" + i, p));
      }
      int[] s = switch (op) {
        case "int-sum" -> IteratedAddition.sum(b, xs);
        case "int-prod" -> IteratedMultiplication.product(b, xs);
        default -> IteratedAddition.sumUniform(b, xs);
      };
      b.output(op.equals("int-prod") ? "z" : "s", s);
      return s;
    }
    int[] x = b.input("x", p);
    int[] y = b.input("y", p);
    if (op.equals("int-div")) {
      int[][] qr = Division.divide(b, x, y);
      b.output("q", qr[0]);
      b.output("r", qr[1]);
      int[] both = Arrays.copyOf(qr[0], 2 * p);
      System.arraycopy(qr[1], 0, both, p, p);
      return both;
    }
    int[] z = op.equals("int-add") ? Adder.add(b, x, y) : Multiplication.multiply(b, x, y);
    b.output(op.equals("int-add") ? "s" : "z", z);
    return z;
  }

  private static void check(String op, int p, int n) {
    if (!OPS.contains(op)) {
      throw unknown(op);
    }
    if (p < 1 || p > MAX_PRECISION) {
      throw new IllegalArgumentException("--precision must be in 1.." + MAX_PRECISION + ", got "
          + p);
    }
    if (op.equals("int-prod") && p > MAX_PROD_PRECISION) {
      throw new IllegalArgumentException("--precision of int-prod must be in 1.."
          + MAX_PROD_PRECISION + ", got " + p);
    }
    if (op.equals("int-div") && p > MAX_DIV_PRECISION) {
      throw new IllegalArgumentException("--precision of int-div must be in 1.."
          + MAX_DIV_PRECISION + ", got " + p);
    }
    if (usesArity(op) && n < 1) {
      throw new IllegalArgumentException("--arity must be at least 1, got " + n);
    }
  }

  private static IllegalArgumentException unknown(String op) {
    return new IllegalArgumentException("no addressed family for op '" + op + "' (one of "
        + String.join(", ", OPS) + ", " + String.join(", ", FpFamilies.OPS) + ")");
  }
}
