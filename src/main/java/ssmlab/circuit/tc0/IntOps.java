package ssmlab.circuit.tc0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;

/**
 * The integer operations by name, each as a stand-alone circuit over p-bit operands (ports
 * {@code x}, {@code y} or {@code x0..x(n−1)}): what {@code ssmlab circuit op --op int-*} builds.
 */
public final class IntOps {
  /** Builds one op's circuit from the precision p and arity n. */
  public interface Maker {
    Circuit make(int p, int n);
  }

  /** An op: its name, what it computes, and whether it reads the arity. */
  public record Op(String name, String description, boolean usesArity, Maker maker) {}

  private static final Map<String, Op> OPS = new LinkedHashMap<>();

  static {
    add("int-add", "x + y, p+1 bits (carry-lookahead)", false,
        (p, n) -> binary(p, (b, x, y) -> b.output("s", Adder.add(b, x, y))));
    add("int-sub", "x - y mod 2^p, and bit p = [x >= y]", false,
        (p, n) -> binary(p, (b, x, y) -> b.output("d", Adder.subtract(b, x, y))));
    add("int-cmp", "gt = [x > y], eq = [x = y]", false, (p, n) -> binary(p, (b, x, y) -> {
      b.output("gt", Comparison.greaterThan(b, x, y));
      b.output("eq", Comparison.equal(b, x, y));
    }));
    add("int-sum", "sum of n p-bit numbers (iterated addition)", true,
        (p, n) -> nary(p, n, (b, xs) -> b.output("s", IteratedAddition.sum(b, xs))));
    add("int-mul", "x * y, 2p bits", false,
        (p, n) -> binary(p, (b, x, y) -> b.output("z", Multiplication.multiply(b, x, y))));
    add("int-prod", "product of n p-bit numbers (CRT, constant depth)", true, (p, n) -> {
      checkSize("int-prod", IteratedMultiplication.estimateWires(n, p));
      return nary(p, n, (b, xs) -> b.output("z", IteratedMultiplication.product(b, xs)));
    });
    add("int-prod-tree", "product of n p-bit numbers by a tree of multipliers (log depth)", true,
        (p, n) -> nary(p, n, (b, xs) -> b.output("z", productTree(b, xs))));
    add("int-div", "q = floor(x / y), r = x mod y (x / 0 = 2^p - 1, r = x)", false,
        (p, n) -> binary(p, (b, x, y) -> {
          checkSize("int-div", Division.estimateWires(p));
          int[][] qr = Division.divide(b, x, y);
          b.output("q", qr[0]);
          b.output("r", qr[1]);
        }));
    add("int-shl", "x << s mod 2^p, s of bitlength(p) bits", false, (p, n) -> shift(p, true));
    add("int-shr", "x >> s, s of bitlength(p) bits", false, (p, n) -> shift(p, false));
    add("int-lod", "position of the leading one of x, and x != 0", false, (p, n) -> {
      var b = new CircuitBuilder();
      int[] x = b.input("x", p);
      b.output("pos", LeadingOne.position(b, x));
      b.output("nz", b.or(x));
      return b.build();
    });
    add("int-mux", "x<sel> of n p-bit choices", true, (p, n) -> {
      var b = new CircuitBuilder();
      int[] sel = b.input("sel", Math.max(1, Bits.bitLength(n - 1)));
      int[][] xs = new int[n][];
      for (int i = 0; i < n; i++) {
        xs[i] = b.input("x" + i, p);
      }
      b.output("z", Multiplexer.select(b, sel, xs));
      return b.build();
    });
  }

  /** Circuits beyond this many wires (estimated before building) are refused. */
  public static final long MAX_WIRES = 150_000_000L;

  private IntOps() {}

  private static void checkSize(String op, long wires) {
    if (wires > MAX_WIRES) {
      throw new IllegalArgumentException(String.format(
          "%s at these sizes needs about %.2g wires; the limit is %.0e", op, (double) wires,
          (double) MAX_WIRES));
    }
  }

  private static void add(String name, String description, boolean arity, Maker m) {
    OPS.put(name, new Op(name, description, arity, m));
  }

  public static Map<String, Op> all() {
    return OPS;
  }

  public static Op get(String name) {
    Op op = OPS.get(name);
    if (op == null) {
      throw new IllegalArgumentException("unknown op '" + name + "' (one of "
          + String.join(", ", OPS.keySet()) + ")");
    }
    return op;
  }

  private interface Body2 {
    void build(CircuitBuilder b, int[] x, int[] y);
  }

  private interface BodyN {
    void build(CircuitBuilder b, List<int[]> xs);
  }

  private static Circuit binary(int p, Body2 body) {
    var b = new CircuitBuilder();
    int[] x = b.input("x", p);
    int[] y = b.input("y", p);
    body.build(b, x, y);
    return b.build();
  }

  private static Circuit nary(int p, int n, BodyN body) {
    var b = new CircuitBuilder();
    List<int[]> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(b.input("x" + i, p));
    }
    body.build(b, xs);
    return b.build();
  }

  private static Circuit shift(int p, boolean left) {
    var b = new CircuitBuilder();
    int[] x = b.input("x", p);
    int[] s = b.input("s", Bits.bitLength(p));
    b.output("z", left ? Shifter.shiftLeft(b, x, s, p) : Shifter.shiftRight(b, x, s));
    return b.build();
  }

  /** The NC1-style contrast: pairwise multiplications in a balanced tree, depth 10·⌈log₂ n⌉. */
  static int[] productTree(CircuitBuilder b, List<int[]> xs) {
    List<int[]> level = xs;
    while (level.size() > 1) {
      List<int[]> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(Multiplication.multiply(b, level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
  }
}
