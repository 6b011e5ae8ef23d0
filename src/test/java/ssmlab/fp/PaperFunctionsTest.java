package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PaperFunctionsTest {
  /** A paper function and the correctly rounded one of FloatFormat. */
  record Fn(String name, BiFunction<FloatFormat, FloatP, FloatP> paper,
      BiFunction<FloatFormat, FloatP, FloatP> exact) {}

  static final List<Fn> FUNCTIONS = List.of(
      new Fn("exp", PaperFunctions::exp, FloatFormat::exp),
      new Fn("log", PaperFunctions::log, FloatFormat::log),
      new Fn("sqrt", PaperFunctions::sqrt, FloatFormat::sqrt),
      new Fn("sigmoid", PaperFunctions::sigmoid, FloatFormat::sigmoid),
      new Fn("softplus", PaperFunctions::softplus, FloatFormat::softplus),
      new Fn("silu", PaperFunctions::silu, FloatFormat::silu));

  static List<FloatP> every(FloatFormat f) {
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

  static List<FloatP> random(FloatFormat f, int count, long seed) {
    var r = new SplittableRandom(seed);
    List<FloatP> xs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long m = (1L << (f.p() - 1)) + r.nextLong(1L << (f.p() - 1));
      // exponents where the functions are neither saturated nor trivially linear, mostly
      long e = r.nextInt(4) == 0 ? r.nextLong(f.minExponent(), f.maxExponent() + 1)
          : r.nextLong(-f.p() - 8, 4) ;
      e = Math.max(f.minExponent(), Math.min(f.maxExponent(), e));
      xs.add(f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e));
    }
    return xs;
  }

  /**
   * The largest relative error of fn's paper version against the exact value (taken from a format
   * of p + 64 bits), over the xs whose exact value lies in F_p's range; asserts it is at most
   * 2^-p. Returns {max error · 2^p, inputs where the paper value differs from FloatFormat's}.
   */
  static double[] check(FloatFormat f, Fn fn, List<FloatP> xs) {
    FloatFormat ref = FloatFormat.of(Math.min(f.p() + 40, 62), Math.max(f.q() + 2, 12));
    BigDecimal bound = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(f.p())));
    double worst = 0;
    int differ = 0;
    for (FloatP x : xs) {
      FloatP rounded;
      try {
        rounded = fn.exact().apply(f, x);
      } catch (ArithmeticException domain) {
        continue;
      }
      FloatP got = fn.paper().apply(f, x);
      if (!got.equals(rounded)) {
        differ++;
      }
      if (rounded.isZero() || f.abs(rounded).equals(f.max())
          || f.abs(rounded).equals(f.minPositive())) {
        continue; // the exact value may lie outside F_p's range
      }
      if (x.exponent() + f.p() > f.q() + 2) {
        // |x| >= 2^(q+2): the result is saturated, zero or x itself in F_p
        assertThat(got).as("%s(%s) in %s", fn.name(), x, f).isEqualTo(rounded);
        continue;
      }
      BigDecimal e = fn.exact().apply(ref, ref.convert(x)).toBigDecimal();
      BigDecimal rel = got.toBigDecimal().subtract(e).abs()
          .divide(e.abs(), MathContext.DECIMAL64);
      assertThat(rel).as("%s(%s) = %s, exact %s in %s", fn.name(), x, got, e, f)
          .isLessThanOrEqualTo(bound);
      worst = Math.max(worst, rel.doubleValue() * Math.pow(2, f.p()));
    }
    return new double[] {worst, differ};
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"3, 3", "5, 3", "8, 4"})
  void everyFloat_relativeErrorAtMost2ToMinusP(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    for (Fn fn : FUNCTIONS) {
      check(f, fn, every(f));
    }
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"12, 6", "16, 8", "24, 8"})
  void randomFloats_relativeErrorAtMost2ToMinusP(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    for (Fn fn : FUNCTIONS) {
      check(f, fn, random(f, 300, p * 7L + q));
    }
  }

  @Test
  void handComputedValues() {
    FloatFormat f = FloatFormat.of(8, 4);
    assertThat(PaperFunctions.exp(f, f.zero())).isEqualTo(f.valueOf(1));
    assertThat(PaperFunctions.log(f, f.valueOf(1))).isEqualTo(f.zero());
    assertThat(PaperFunctions.sqrt(f, f.valueOf(9))).isEqualTo(f.valueOf(3));
    assertThat(PaperFunctions.sqrt(f, f.zero())).isEqualTo(f.zero());
    assertThat(PaperFunctions.sigmoid(f, f.zero())).isEqualTo(f.parse("0.5"));
    assertThat(PaperFunctions.silu(f, f.zero())).isEqualTo(f.zero());
    // e = 2.71828...: 8 bits give 174/64 = 2.71875
    assertThat(PaperFunctions.exp(f, f.valueOf(1))).isEqualTo(f.parse("2.71875"));
    // ln 2 = 0.693147...: 177/256 = 0.69140625, 178/256 = 0.6953125; nearest 177/256
    assertThat(PaperFunctions.log(f, f.valueOf(2))).isEqualTo(f.parse("0.69140625"));
    // exp saturates at the largest float, and is zero far below
    assertThat(PaperFunctions.exp(f, f.valueOf(100))).isEqualTo(f.max());
    assertThat(PaperFunctions.exp(f, f.valueOf(-100))).isEqualTo(f.zero());
  }
}
