package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every pair of floats of a tiny format (p = 3, q = 2: 65 values) against exact rounding. */
final class ExhaustiveTest {
  private static final FloatFormat F = FloatFormat.of(3, 2);

  private static List<FloatP> all() {
    List<FloatP> xs = new ArrayList<>(List.of(F.zero()));
    for (long e = F.minExponent(); e <= F.maxExponent(); e++) {
      for (int m = 4; m < 8; m++) {
        xs.add(F.of(BigInteger.valueOf(m), e));
        xs.add(F.of(BigInteger.valueOf(-m), e));
      }
    }
    return xs;
  }

  @Test
  void allPairs_everyOperation_matchesExactRounding() {
    List<FloatP> xs = all();
    assertThat(xs).hasSize(65);
    for (FloatP x : xs) {
      RationalOracle a = RationalOracle.of(x);
      for (FloatP y : xs) {
        RationalOracle b = RationalOracle.of(y);
        String what = x + " " + y;
        assertThat(F.add(x, y)).as("+ " + what).isEqualTo(a.add(b).round(F));
        assertThat(F.multiply(x, y)).as("* " + what).isEqualTo(a.multiply(b).round(F));
        assertThat(PaperOps.add(F, x, y)).as("A.3 + " + what).isEqualTo(a.add(b).round(F));
        if (!y.isZero()) {
          assertThat(F.divide(x, y)).as("/ " + what).isEqualTo(a.divide(b).round(F));
          assertThat(PaperOps.divide(F, x, y)).as("A.3 / " + what)
              .isEqualTo(a.divide(b).round(F));
        }
        assertThat(F.compare(x, y)).as("cmp " + what).isEqualTo(Integer.signum(a.compareTo(b)));
        assertThat(F.iteratedSum(x, y, x)).as("sum " + what)
            .isEqualTo(a.add(b).add(a).round(F));
        assertThat(F.iteratedProduct(x, y, y)).as("prod " + what)
            .isEqualTo(a.multiply(b).multiply(b).round(F));
      }
    }
  }
}
