package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;

/** The paper's function circuits equal the paper's functions on exact floats, bit for bit. */
final class PaperFunctionCircuitTest {
  record Fn(String name, BiFunction<WireArithmetic, FpWires, FpWires> circuit,
      BiFunction<FloatPArithmetic, FloatP, FloatP> java) {}

  static final List<Fn> FUNCTIONS = List.of(
      new Fn("exp", WireArithmetic::exp, FloatPArithmetic::exp),
      new Fn("log", WireArithmetic::log, FloatPArithmetic::log),
      new Fn("sqrt", WireArithmetic::sqrt, FloatPArithmetic::sqrt),
      new Fn("sigmoid", WireArithmetic::sigmoid, FloatPArithmetic::sigmoid),
      new Fn("softplus", WireArithmetic::softplus, FloatPArithmetic::softplus),
      new Fn("silu", WireArithmetic::silu, FloatPArithmetic::silu));

  static void check(FloatFormat f, List<FloatP> xs, List<Fn> fns) {
    var java = new FloatPArithmetic(f, Functions.PAPER);
    List<List<FloatP>> operands = xs.stream().map(List::of).toList();
    for (Fn fn : fns) {
      List<BigInteger> got = FpCircuitTest.run(f, 1, (b, in) -> fn.circuit()
          .apply(new WireArithmetic(b, f, Functions.PAPER), in.getFirst()).bits(), operands);
      for (int v = 0; v < xs.size(); v++) {
        FloatP want;
        try {
          want = fn.java().apply(java, xs.get(v));
        } catch (ArithmeticException domain) {
          continue;
        }
        assertThat(FpWires.decode(f, got.get(v))).as("%s(%s) in %s", fn.name(), xs.get(v), f)
            .isEqualTo(want);
      }
    }
  }

  @Test
  void everyFloatAtP3Q3_equalsTheInterpreter() {
    check(FloatFormat.of(3, 3), FpCircuitTest.all(FloatFormat.of(3, 3)), FUNCTIONS);
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"5, 4", "8, 5"})
  void randomFloats_equalTheInterpreter(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(p * 10L + q);
    List<FloatP> xs = new ArrayList<>();
    xs.add(f.zero());
    for (int i = 0; i < 48; i++) {
      long m = (1L << (p - 1)) + r.nextLong(1L << (p - 1));
      long e = r.nextInt(3) == 0 ? r.nextLong(f.minExponent(), f.maxExponent() + 1)
          : r.nextLong(-p - 4, 3);
      xs.add(f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e));
    }
    check(f, xs, FUNCTIONS);
  }
}
