package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed cases: range ends, the one-rounding iterated operations, floor, the API. */
final class FloatFormatTest {
  private static final FloatFormat F4 = FloatFormat.of(4, 3); // m in [8, 16), e in [-8, 8)

  @Test
  void range_smallFormat_endsAsDefined() {
    assertThat(F4.max()).isEqualTo(F4.of(BigInteger.valueOf(15), 7)); // 15 * 2^7 = 1920
    assertThat(F4.minPositive()).isEqualTo(F4.of(BigInteger.valueOf(8), -8)); // 2^-5
    assertThat(F4.max().toExactString()).isEqualTo("1920");
    assertThat(F4.minPositive().toExactString()).isEqualTo("0.03125");
  }

  @Test
  void overflow_saturatesAtMax() {
    assertThat(F4.add(F4.max(), F4.max())).isEqualTo(F4.max());
    assertThat(F4.multiply(F4.max(), F4.max().negated())).isEqualTo(F4.max().negated());
    assertThat(F4.parse("1984")).isEqualTo(F4.max()); // above max + half ulp: still max
    assertThat(F4.parse("1e30")).isEqualTo(F4.max());
  }

  @Test
  void underflow_roundsToNearestOfZeroAndMin() {
    FloatP min = F4.minPositive(); // 2^-5
    assertThat(F4.parse("0.015625")).isEqualTo(F4.zero()); // min/2: tie, goes to zero
    assertThat(F4.parse("0.0157")).isEqualTo(min); // above min/2
    assertThat(F4.parse("0.0156")).isEqualTo(F4.zero()); // below min/2
    assertThat(F4.parse("-0.03")).isEqualTo(min.negated());
    assertThat(F4.multiply(min, min)).isEqualTo(F4.zero());
    assertThat(F4.divide(min, F4.valueOf(3))).isEqualTo(F4.zero()); // 1/96 < 1/64
    assertThat(F4.divide(min, F4.parse("1.5"))).isEqualTo(min); // 1/48 > 1/64
  }

  @Test
  void ties_goToEvenSignificand() {
    // at 4 bits, 17 lies between 16 and 18 (m = 8 and 9 at e = 1): the even m = 8 wins
    assertThat(F4.valueOf(17)).isEqualTo(F4.of(BigInteger.valueOf(8), 1));
    assertThat(F4.valueOf(19)).isEqualTo(F4.of(BigInteger.valueOf(10), 1));
    assertThat(F4.valueOf(-19)).isEqualTo(F4.of(BigInteger.valueOf(-10), 1));
  }

  @Test
  void iteratedSum_roundsOnce_unlikeAChain() {
    // Worked example of docs/fp.md: at p = 24, 1e8 + 1 - 1e8 loses the 1 in the first rounding;
    // the iterated sum keeps it.
    FloatFormat f = FloatFormat.of(24, 8);
    FloatP big = f.parse("1e8");
    FloatP one = f.valueOf(1);
    assertThat(f.add(f.add(big, one), big.negated())).isEqualTo(f.zero());
    assertThat(f.iteratedSum(big, one, big.negated())).isEqualTo(one);
  }

  @Test
  void iteratedProduct_roundsOnce_unlikeAChain() {
    // 1.125 * 1.125 * 1.25 = 1.58203125: at 4 bits one rounding gives 1.625; the chain rounds
    // 1.265625 to 1.25 first and 1.25 * 1.25 = 1.5625 ties to 1.5.
    FloatP a = F4.parse("1.125");
    FloatP b = F4.parse("1.25");
    assertThat(F4.iteratedProduct(a, a, b).toExactString()).isEqualTo("1.625");
    assertThat(F4.multiply(F4.multiply(a, a), b).toExactString()).isEqualTo("1.5");
    assertThat(F4.iteratedProduct(List.of())).isEqualTo(F4.valueOf(1));
    assertThat(F4.iteratedSum(List.of())).isEqualTo(F4.zero());
  }

  @Test
  void iteratedSum_hugeExponentGaps_useOnlyTheSignOfTheRest() {
    FloatFormat f = FloatFormat.of(8, 20);
    FloatP a = f.of(BigInteger.valueOf(128), 0);
    FloatP tinyPlus = f.of(BigInteger.valueOf(128), -100_000);
    FloatP halfUlp = f.of(BigInteger.valueOf(128), -8); // 128 + 0.5: a tie at 8 bits
    // 128 + 0.5 ties to 128; a tiny positive term breaks the tie upward, a negative one downward
    assertThat(f.iteratedSum(a, halfUlp)).isEqualTo(a);
    assertThat(f.iteratedSum(a, halfUlp, tinyPlus)).isEqualTo(f.valueOf(129));
    assertThat(f.iteratedSum(a, halfUlp, tinyPlus.negated(), tinyPlus.negated())).isEqualTo(a);
    assertThat(f.iteratedSum(a, a.negated(), tinyPlus)).isEqualTo(tinyPlus);
  }

  @Test
  void floor_handComputed() {
    FloatFormat f = FloatFormat.of(8, 8);
    assertThat(f.floor(f.parse("2.5"))).isEqualTo(f.valueOf(2));
    assertThat(f.floor(f.parse("-2.5"))).isEqualTo(f.valueOf(-3));
    assertThat(f.floor(f.parse("0.001"))).isEqualTo(f.zero());
    assertThat(f.floor(f.parse("-0.001"))).isEqualTo(f.valueOf(-1));
    assertThat(f.floor(f.parse("1e10"))).isEqualTo(f.parse("1e10"));
  }

  @Test
  void api_comparisonNegationAndConversions() {
    FloatFormat f = FloatFormat.of(100);
    assertThat(f.q()).isEqualTo(61);
    FloatP third = f.divide(f.valueOf(1), f.valueOf(3));
    assertThat(third.compareTo(f.parse("0.33333"))).isPositive();
    assertThat(third.negated().compareTo(third)).isNegative();
    assertThat(third.toDouble()).isEqualTo(1.0 / 3);
    assertThat(FloatFormat.of(53, 11).convert(third))
        .isEqualTo(FloatFormat.of(53, 11).fromDouble(1.0 / 3));
    assertThat(f.valueOf(Long.MIN_VALUE).toExactString()).isEqualTo(Long.toString(Long.MIN_VALUE));
    assertThatThrownBy(() -> f.add(third, FloatFormat.of(53).valueOf(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FloatFormat.of(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wideFormat_p4096_basicIdentities() {
    FloatFormat f = FloatFormat.of(4096, 20);
    FloatP two = f.valueOf(2);
    FloatP root = f.sqrt(two);
    FloatP sq = f.multiply(root, root);
    FloatP fourUlps = f.round(BigInteger.ONE, -4092); // ulp(2) = 2^-4094
    assertThat(f.abs(f.subtract(sq, two))).isLessThanOrEqualTo(fourUlps);
    assertThat(f.abs(f.subtract(f.exp(f.log(two)), two))).isLessThanOrEqualTo(fourUlps);
    assertThat(f.divide(f.valueOf(10), f.valueOf(4)).toExactString()).isEqualTo("2.5");
  }
}
