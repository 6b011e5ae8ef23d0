package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * F_p circuits whose operands are constant buses ({@link FpWires#constant}), as in a compiled
 * kernel, against the same circuit on input ports and against {@link FloatFormat}.
 */
final class FpConstantOperandTest {

  /** Zeros, tiny and huge values (underflow and saturation), and ordinary ones. */
  static FloatP operand(FloatFormat f, SplittableRandom r) {
    long half = 1L << (f.p() - 1);
    long m = half + r.nextLong(half);
    long e = switch (r.nextInt(6)) {
      case 0 -> Long.MIN_VALUE; // zero
      case 1 -> f.minExponent() + r.nextLong(2);
      case 2 -> f.maxExponent() - r.nextLong(2);
      default -> r.nextLong(f.minExponent(), f.maxExponent() + 1);
    };
    if (e == Long.MIN_VALUE) {
      return f.zero();
    }
    return f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e);
  }

  /** One named operation on n operands, as a circuit and as FloatFormat computes it. */
  record Op(String name, int n, BiFunction<CircuitBuilder, List<FpWires>, FpWires> circuit,
      BiFunction<FloatFormat, List<FloatP>, FloatP> java) {}

  static List<Op> ops() {
    return List.of(
        new Op("multiply", 2, (b, x) -> FpOps.multiply(b, x.get(0), x.get(1)),
            (f, x) -> f.multiply(x.get(0), x.get(1))),
        new Op("add", 2, (b, x) -> FpOps.add(b, x.get(0), x.get(1)),
            (f, x) -> f.add(x.get(0), x.get(1))),
        new Op("product3", 3, FpOps::product, FloatFormat::iteratedProduct),
        new Op("sum3", 3, FpOps::sum, FloatFormat::iteratedSum),
        // the S4D kernel's K_0 = sum_n C_n Bbar_n and K_1 = sum_n C_n Bbar_n Abar_n
        new Op("sumOfProducts", 4,
            (b, x) -> FpOps.sum(b, List.of(FpOps.product(b, List.of(x.get(0), x.get(1))),
                FpOps.product(b, List.of(x.get(2), x.get(3))))),
            (f, x) -> f.iteratedSum(f.iteratedProduct(x.get(0), x.get(1)),
                f.iteratedProduct(x.get(2), x.get(3)))),
        new Op("sumOfProducts3", 6,
            (b, x) -> FpOps.sum(b, List.of(FpOps.product(b, x.subList(0, 3)),
                FpOps.product(b, x.subList(3, 6)))),
            (f, x) -> f.iteratedSum(f.iteratedProduct(x.subList(0, 3)),
                f.iteratedProduct(x.subList(3, 6)))));
  }

  /** The op built on constant buses; the circuit has one unused input so it can be run. */
  static FloatP onConstants(FloatFormat f, Op op, List<FloatP> xs) {
    var b = new CircuitBuilder();
    b.input("unused", 1);
    List<FpWires> in = new ArrayList<>();
    for (FloatP x : xs) {
      in.add(FpWires.constant(x));
    }
    b.output("z", op.circuit().apply(b, in).bits());
    var out = Simulation.run(b.build(), Map.of("unused", new BigInteger[] {BigInteger.ZERO}), 1);
    return FpWires.decode(f, out.get("z")[0]);
  }

  /** The op built on input ports, evaluated on every operand list at once. */
  static List<FloatP> onInputs(FloatFormat f, Op op, List<List<FloatP>> cases) {
    var b = new CircuitBuilder();
    List<FpWires> in = new ArrayList<>();
    for (int i = 0; i < op.n(); i++) {
      in.add(FpWires.input(b, "x" + i, f));
    }
    b.output("z", op.circuit().apply(b, in).bits());
    Map<String, BigInteger[]> inputs = new HashMap<>();
    for (int i = 0; i < op.n(); i++) {
      BigInteger[] v = new BigInteger[cases.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = FpWires.encode(cases.get(c).get(i));
      }
      inputs.put("x" + i, v);
    }
    BigInteger[] z = Simulation.run(b.build(), inputs, cases.size()).get("z");
    List<FloatP> out = new ArrayList<>();
    for (BigInteger bits : z) {
      out.add(FpWires.decode(f, bits));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"3,3", "4,4", "3,4", "4,3", "2,2", "5,3"})
  void constantOperandsAgreeWithInputsAndFloatFormat(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(31L * p + q);
    for (Op op : ops()) {
      List<List<FloatP>> cases = new ArrayList<>();
      for (int c = 0; c < 40; c++) {
        List<FloatP> xs = new ArrayList<>();
        for (int i = 0; i < op.n(); i++) {
          xs.add(operand(f, r));
        }
        cases.add(xs);
      }
      // the bug report's case: products with a zero factor
      cases.add(withZeros(f, cases.getFirst(), i -> i % 2 == 1));
      cases.add(withZeros(f, cases.get(1), i -> true));
      List<FloatP> viaInputs = onInputs(f, op, cases);
      for (int c = 0; c < cases.size(); c++) {
        List<FloatP> xs = cases.get(c);
        FloatP want = op.java().apply(f, xs);
        assertThat(viaInputs.get(c)).as("%s%s in %s on inputs", op.name(), xs, f).isEqualTo(want);
        assertThat(onConstants(f, op, xs)).as("%s%s in %s on constants", op.name(), xs, f)
            .isEqualTo(want);
      }
    }
  }

  private static List<FloatP> withZeros(FloatFormat f, List<FloatP> xs,
      Function<Integer, Boolean> zero) {
    List<FloatP> out = new ArrayList<>(xs);
    for (int i = 0; i < out.size(); i++) {
      if (zero.apply(i)) {
        out.set(i, f.zero());
      }
    }
    return out;
  }
}
