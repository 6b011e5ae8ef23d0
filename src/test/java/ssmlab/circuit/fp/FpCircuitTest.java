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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

public final class FpCircuitTest {
  private static final FloatFormat TINY = FloatFormat.of(3, 3);

  /** Every float of a format, zero included. */
  public static List<FloatP> all(FloatFormat f) {
    List<FloatP> xs = new ArrayList<>();
    xs.add(f.zero());
    for (long e = f.minExponent(); e <= f.maxExponent(); e++) {
      for (long m = 1L << (f.p() - 1); m < 1L << f.p(); m++) {
        xs.add(f.of(BigInteger.valueOf(m), e));
        xs.add(f.of(BigInteger.valueOf(-m), e));
      }
    }
    return xs;
  }

  /** A random float: exponents across the range, with some zeros and near-equal pairs. */
  static FloatP random(FloatFormat f, SplittableRandom r) {
    if (r.nextInt(20) == 0) {
      return f.zero();
    }
    long m = (1L << (f.p() - 1)) + r.nextLong(1L << (f.p() - 1));
    long e = r.nextLong(f.minExponent(), f.maxExponent() + 1);
    return f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e);
  }

  /** Builds op over n float inputs and evaluates it on the given operand lists. */
  static List<BigInteger> run(FloatFormat f, int n,
      BiFunction<CircuitBuilder, List<FpWires>, int[]> op, List<List<FloatP>> operands) {
    var b = new CircuitBuilder();
    List<FpWires> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.add(FpWires.input(b, "x" + i, f));
    }
    b.output("z", op.apply(b, in));
    Circuit c = b.build();
    Map<String, BigInteger[]> inputs = new HashMap<>();
    for (int i = 0; i < n; i++) {
      BigInteger[] xs = new BigInteger[operands.size()];
      for (int v = 0; v < xs.length; v++) {
        xs[v] = FpWires.encode(operands.get(v).get(i));
      }
      inputs.put("x" + i, xs);
    }
    return List.of(Simulation.run(c, inputs, operands.size()).get("z"));
  }

  static void checkBinary(FloatFormat f, List<List<FloatP>> pairs,
      BiFunction<CircuitBuilder, List<FpWires>, FpWires> circuit,
      BiFunction<FloatP, FloatP, FloatP> java, String what) {
    List<BigInteger> got = run(f, 2, (b, in) -> circuit.apply(b, in).bits(), pairs);
    for (int v = 0; v < pairs.size(); v++) {
      FloatP x = pairs.get(v).get(0);
      FloatP y = pairs.get(v).get(1);
      assertThat(FpWires.decode(f, got.get(v))).as("%s(%s, %s) in %s", what, x, y, f)
          .isEqualTo(java.apply(x, y));
    }
  }

  static List<List<FloatP>> allPairs(FloatFormat f) {
    List<List<FloatP>> pairs = new ArrayList<>();
    for (FloatP x : all(f)) {
      for (FloatP y : all(f)) {
        pairs.add(List.of(x, y));
      }
    }
    return pairs;
  }

  @Test
  void binaryOps_exhaustiveAtP3Q3_equalFloatFormat() {
    List<List<FloatP>> pairs = allPairs(TINY);
    checkBinary(TINY, pairs, (b, in) -> FpOps.add(b, in.get(0), in.get(1)), TINY::add, "add");
    checkBinary(TINY, pairs, (b, in) -> FpOps.subtract(b, in.get(0), in.get(1)),
        TINY::subtract, "sub");
    checkBinary(TINY, pairs, (b, in) -> FpOps.multiply(b, in.get(0), in.get(1)),
        TINY::multiply, "mul");
    List<List<FloatP>> nonZeroDivisor = pairs.stream().filter(p -> !p.get(1).isZero()).toList();
    checkBinary(TINY, nonZeroDivisor, (b, in) -> FpOps.divide(b, in.get(0), in.get(1)),
        TINY::divide, "div");
  }

  @Test
  void comparison_exhaustiveAtP3Q3() {
    List<List<FloatP>> pairs = allPairs(TINY);
    List<BigInteger> got = run(TINY, 2, (b, in) -> new int[] {
        FpOps.lessThan(b, in.get(0), in.get(1)), FpOps.equal(b, in.get(0), in.get(1))}, pairs);
    for (int v = 0; v < pairs.size(); v++) {
      int c = TINY.compare(pairs.get(v).get(0), pairs.get(v).get(1));
      assertThat(got.get(v).intValue()).as("%s vs %s", pairs.get(v).get(0), pairs.get(v).get(1))
          .isEqualTo((c < 0 ? 1 : 0) | (c == 0 ? 2 : 0));
    }
  }

  @Test
  void unaryOps_exhaustiveAtP3Q3_equalFloatFormat() {
    checkUnary(TINY);
    assertThat(new WireArithmetic(new CircuitBuilder(), TINY).name())
        .isEqualTo("circuit(p=3,q=3)");
  }

  /** A function of one float: its circuit and FloatFormat's value. */
  record Unary(String name, BiFunction<WireArithmetic, FpWires, FpWires> circuit,
      Function<FloatP, FloatP> java) {}

  static List<Unary> unaries(FloatFormat f) {
    return List.of(new Unary("exp", WireArithmetic::exp, f::exp),
        new Unary("log", WireArithmetic::log, f::log),
        new Unary("sqrt", WireArithmetic::sqrt, f::sqrt),
        new Unary("sigmoid", WireArithmetic::sigmoid, f::sigmoid),
        new Unary("softplus", WireArithmetic::softplus, f::softplus),
        new Unary("silu", WireArithmetic::silu, f::silu),
        new Unary("floor", (a, x) -> FpOps.floor(a.builder(), x), f::floor));
  }

  /** Every float of (p, q) through each unary circuit, against FloatFormat's function. */
  static void checkUnary(FloatFormat f) {
    checkUnary(f, all(f).stream().map(List::of).toList());
  }

  /** The given floats through each unary circuit, against FloatFormat's function. */
  static void checkUnary(FloatFormat f, List<List<FloatP>> xs) {
    for (Unary fn : unaries(f)) {
      List<BigInteger> got = run(f, 1,
          (b, in) -> fn.circuit().apply(new WireArithmetic(b, f), in.getFirst()).bits(), xs);
      for (int v = 0; v < xs.size(); v++) {
        FloatP x = xs.get(v).getFirst();
        FloatP want;
        try {
          want = fn.java().apply(x);
        } catch (ArithmeticException domain) {
          continue;
        }
        assertThat(FpWires.decode(f, got.get(v))).as("%s(%s) in %s", fn.name(), x, f)
            .isEqualTo(want);
      }
    }
  }

  @Test
  void unaryOps_everyFloatAtP8Q3_equalFloatFormat() {
    checkUnary(FloatFormat.of(8, 3));
  }

  @Test
  @Tag("slow")
  void unaryOps_everyFloatAtP12Q3_equalFloatFormat() {
    checkUnary(FloatFormat.of(12, 3));
  }

  @Test
  @Tag("slow")
  void unaryOps_randomAtP16Q3_equalFloatFormat() {
    FloatFormat f = FloatFormat.of(16, 3);
    var r = new SplittableRandom(16);
    List<List<FloatP>> xs = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      xs.add(List.of(random(f, r)));
    }
    checkUnary(f, xs);
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"8, 4", "8, 5", "12, 4", "16, 4"})
  void binaryOps_random_equalFloatFormat(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(p * 31L + q);
    List<List<FloatP>> pairs = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      FloatP x = random(f, r);
      // a third of the pairs close in exponent: cancellations and ties
      FloatP y = i % 3 == 0 && !x.isZero()
          ? f.of(random(f, r).significand(), Math.min(f.maxExponent(), Math.max(f.minExponent(),
              x.exponent() + r.nextInt(-1, 2))))
          : random(f, r);
      pairs.add(List.of(x, y));
    }
    checkBinary(f, pairs, (b, in) -> FpOps.add(b, in.get(0), in.get(1)), f::add, "add");
    checkBinary(f, pairs, (b, in) -> FpOps.multiply(b, in.get(0), in.get(1)), f::multiply,
        "mul");
    checkBinary(f, pairs.stream().filter(pr -> !pr.get(1).isZero()).toList(),
        (b, in) -> FpOps.divide(b, in.get(0), in.get(1)), f::divide, "div");
  }

  /** Every triple of every third float of f (79,507 at p = 3, q = 3). */
  static List<List<FloatP>> triplesOfEveryThird(FloatFormat f) {
    List<FloatP> every = all(f);
    List<FloatP> some = new ArrayList<>();
    for (int i = 0; i < every.size(); i += 3) {
      some.add(every.get(i));
    }
    List<List<FloatP>> triples = new ArrayList<>();
    for (FloatP x : some) {
      for (FloatP y : some) {
        for (FloatP z : some) {
          triples.add(List.of(x, y, z));
        }
      }
    }
    return triples;
  }

  @Test
  void iteratedSumAndProduct_allTriplesOfEveryThirdFloatAtP3Q3_roundOnce() {
    List<List<FloatP>> triples = triplesOfEveryThird(TINY);
    List<BigInteger> sums = run(TINY, 3, (b, in) -> FpOps.sum(b, in).bits(), triples);
    List<BigInteger> products = run(TINY, 3, (b, in) -> FpOps.product(b, in).bits(), triples);
    for (int v = 0; v < triples.size(); v++) {
      assertThat(FpWires.decode(TINY, sums.get(v))).as("sum %s", triples.get(v))
          .isEqualTo(TINY.iteratedSum(triples.get(v)));
      assertThat(FpWires.decode(TINY, products.get(v))).as("product %s", triples.get(v))
          .isEqualTo(TINY.iteratedProduct(triples.get(v)));
    }
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {2, 3, 5, 8})
  void iteratedSumAndProduct_random_roundOnceAsFloatFormat(int n) {
    FloatFormat f = FloatFormat.of(6, 3);
    var r = new SplittableRandom(n);
    List<List<FloatP>> operands = new ArrayList<>();
    for (int v = 0; v < 256; v++) {
      List<FloatP> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(random(f, r));
      }
      operands.add(xs);
    }
    List<BigInteger> sums = run(f, n, (b, in) -> FpOps.sum(b, in).bits(), operands);
    List<BigInteger> products = run(f, n, (b, in) -> FpOps.product(b, in).bits(), operands);
    for (int v = 0; v < operands.size(); v++) {
      assertThat(FpWires.decode(f, sums.get(v))).as("sum %s", operands.get(v))
          .isEqualTo(f.iteratedSum(operands.get(v)));
      assertThat(FpWires.decode(f, products.get(v))).as("product %s", operands.get(v))
          .isEqualTo(f.iteratedProduct(operands.get(v)));
    }
  }
}
