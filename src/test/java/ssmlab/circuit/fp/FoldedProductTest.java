package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * {@link FoldedProduct} against {@link FloatFormat#iteratedProduct}: every split of up to five
 * factors into constant buses and inputs, with zeros, extremes and negative constants among them.
 */
final class FoldedProductTest {

  @ParameterizedTest(name = "p={0} q={1} levelled={2}")
  @CsvSource({"3,3,false", "4,2,false", "5,4,true", "8,5,false", "8,6,true"})
  void everySplitIntoConstantsAndInputs_equalsTheExactProductRoundedOnce(int p, int q,
      boolean levelled) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(97L * p + q);
    for (int n = 1; n <= 5; n++) {
      for (int mask = 0; mask < 1 << n; mask++) {
        List<FloatP> constants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          constants.add(FpConstantOperandTest.operand(f, r));
        }
        List<List<FloatP>> cases = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
          List<FloatP> xs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            xs.add((mask >> i & 1) == 1 ? constants.get(i) : FpConstantOperandTest.operand(f, r));
          }
          cases.add(xs);
        }
        List<FloatP> got = run(f, mask, cases, levelled);
        for (int c = 0; c < cases.size(); c++) {
          assertThat(got.get(c)).as("%s with constant mask %s in %s", cases.get(c), mask, f)
              .isEqualTo(f.iteratedProduct(cases.get(c)));
        }
      }
    }
  }

  @Test
  void constantFactorsCostNoMultiplierRows() {
    FloatFormat f = FloatFormat.of(16, 6);
    var viaFold = new CircuitBuilder();
    FpWires x = FpWires.input(viaFold, "x", f);
    FoldedProduct.product(viaFold, List.of(x, FpWires.constant(f.valueOf(4))));
    var viaCrt = new CircuitBuilder();
    FpWires y = FpWires.input(viaCrt, "x", f);
    FpOps.product(viaCrt, List.of(y, FpWires.constant(f.valueOf(4))));
    // times a power of two: one rounding of the shifted significand, no residues or partial sums
    assertThat(viaFold.gateCount()).isLessThan(viaCrt.gateCount() / 10);
  }

  @Test
  void noFactors_isRefused() {
    assertThatThrownBy(() -> FoldedProduct.product(new CircuitBuilder(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Factors whose bit in {@code mask} is set are constant buses (the same in every case). */
  private static List<FloatP> run(FloatFormat f, int mask, List<List<FloatP>> cases,
      boolean levelled) {
    var b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    b.input("unused", 1);
    int n = cases.getFirst().size();
    List<FpWires> factors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      factors.add((mask >> i & 1) == 1 ? FpWires.constant(cases.getFirst().get(i))
          : FpWires.input(b, "x" + i, f));
    }
    b.output("z", FoldedProduct.product(b, factors).bits());
    Map<String, BigInteger[]> inputs = new HashMap<>();
    inputs.put("unused", new BigInteger[cases.size()]);
    Arrays.fill(inputs.get("unused"), BigInteger.ZERO);
    for (int i = 0; i < n; i++) {
      if ((mask >> i & 1) == 0) {
        BigInteger[] v = new BigInteger[cases.size()];
        for (int c = 0; c < v.length; c++) {
          v[c] = FpWires.encode(cases.get(c).get(i));
        }
        inputs.put("x" + i, v);
      }
    }
    List<FloatP> out = new ArrayList<>();
    for (BigInteger bits : Simulation.run(b.build(), inputs, cases.size()).get("z")) {
      out.add(FpWires.decode(f, bits));
    }
    return out;
  }
}
