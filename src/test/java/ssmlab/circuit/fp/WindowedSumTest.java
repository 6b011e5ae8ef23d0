package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

final class WindowedSumTest {
  private static final FloatFormat TINY = FloatFormat.of(3, 3);

  /** The circuit over each operand list against FloatFormat's value. */
  private static void check(FloatFormat f, List<List<FloatP>> operands,
      BiFunction<CircuitBuilder, List<FpWires>, FpWires> circuit,
      Function<List<FloatP>, FloatP> java, String what) {
    int n = operands.getFirst().size();
    List<BigInteger> got = FpCircuitTest.run(f, n, (b, in) -> circuit.apply(b, in).bits(),
        operands);
    for (int v = 0; v < operands.size(); v++) {
      assertThat(FpWires.decode(f, got.get(v))).as("%s %s in %s", what, operands.get(v), f)
          .isEqualTo(java.apply(operands.get(v)));
    }
  }

  private static void check(FloatFormat f, List<List<FloatP>> operands) {
    check(f, operands, WindowedSum::sum, f::iteratedSum, "sum");
  }

  @Test
  void everyPairAtP3Q3_roundsOnceAsFloatFormat() {
    check(TINY, FpCircuitTest.allPairs(TINY));
  }

  @Test
  void triplesOfEveryThirdFloatAtP3Q3_roundOnceAsFloatFormat() {
    check(TINY, FpCircuitTest.triplesOfEveryThird(TINY));
  }

  /**
   * Random terms whose exponents crowd into a few clusters (so gaps both below and above D occur)
   * and cancel: x, -x pairs and near-equal magnitudes.
   */
  static List<List<FloatP>> clustered(FloatFormat f, int n, int count, long seed) {
    var r = new SplittableRandom(seed);
    List<List<FloatP>> out = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      long[] centres = new long[1 + r.nextInt(3)];
      for (int c = 0; c < centres.length; c++) {
        centres[c] = r.nextLong(f.minExponent(), f.maxExponent() + 1);
      }
      List<FloatP> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i > 0 && r.nextInt(6) == 0) {
          FloatP prev = xs.get(r.nextInt(i));
          xs.add(r.nextBoolean() ? prev.negated() : prev);
          continue;
        }
        if (r.nextInt(15) == 0) {
          xs.add(f.zero());
          continue;
        }
        long spread = 3L * f.p() + 8;
        long e = centres[r.nextInt(centres.length)] + r.nextLong(-spread, spread + 1);
        e = Math.max(f.minExponent(), Math.min(f.maxExponent(), e));
        long m = (1L << (f.p() - 1)) + r.nextLong(1L << (f.p() - 1));
        xs.add(f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e));
      }
      out.add(xs);
    }
    return out;
  }

  @Test
  void floorOfEveryFloatAtP3Q3_equalsFloatFormat() {
    check(TINY, FpCircuitTest.all(TINY).stream().map(List::of).toList(),
        (b, in) -> FpOps.floorWindowed(b, in.getFirst()), xs -> TINY.floor(xs.getFirst()),
        "floor");
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"8, 8", "16, 12", "24, 16", "5, 16"})
  void addSumAndFloorAtWideExponents_equalFloatFormat(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    // exponents near zero, where floor has a fraction to drop
    var r = new SplittableRandom(p + 100L * q);
    List<List<FloatP>> small = new ArrayList<>();
    for (int v = 0; v < 300; v++) {
      long m = (1L << (p - 1)) + r.nextLong(1L << (p - 1));
      long e = r.nextLong(-p - 4, 4);
      small.add(List.of(f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e)));
    }
    small.add(List.of(f.zero()));
    check(f, clustered(f, 2, 300, 7L * p + q), (b, in) -> FpOps.add(b, in.get(0), in.get(1)),
        xs -> f.add(xs.get(0), xs.get(1)), "add");
    check(f, clustered(f, 8, 100, 3L * p + q), FpOps::sum, f::iteratedSum, "sum");
    check(f, small, (b, in) -> FpOps.floor(b, in.getFirst()), xs -> f.floor(xs.getFirst()),
        "floor");
  }

  @ParameterizedTest(name = "p={0} q={1} n={2}")
  @CsvSource({"4, 4, 2", "8, 8, 2", "12, 12, 2", "16, 16, 2", "24, 16, 2", "24, 8, 2",
      "5, 12, 3", "8, 8, 5", "12, 12, 8", "24, 16, 4", "6, 3, 8"})
  void randomClusteredTerms_roundOnceAsFloatFormat(int p, int q, int n) {
    FloatFormat f = FloatFormat.of(p, q);
    check(f, clustered(f, n, 400, p * 1000L + q * 10L + n));
  }
}
