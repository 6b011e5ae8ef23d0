package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatPIterated} and {@link FloatPMemo} against the scalar operations of
 * {@link FloatFormat} on random arrays: bit for bit, including wide exponent spans (the iterated
 * sum's fallback), mixed signs, zeros, saturation and underflow.
 */
final class FloatPIteratedTest {

  static Stream<Arguments> formats() {
    int[][] pq = {{2, 3}, {4, 4}, {8, 8}, {8, 4}, {12, 6}, {16, 16}, {24, 8}, {31, 10},
        {40, 12}, {53, 11}, {62, 20}, {70, 8}};
    List<Arguments> out = new ArrayList<>();
    for (int[] f : pq) {
      for (long seed = 1; seed <= 3; seed++) {
        out.add(Arguments.of(f[0], f[1], seed));
      }
    }
    return out.stream();
  }

  /** A random float: zero now and then, exponents in a band of {@code span} or the full range. */
  static FloatP random(FloatFormat f, SplittableRandom r, long span) {
    if (r.nextInt(10) == 0) {
      return f.zero();
    }
    BigInteger m = BigInteger.ZERO;
    for (int b = 0; b < f.p(); b += 32) {
      m = m.shiftLeft(32).or(BigInteger.valueOf(r.nextInt() & 0xFFFF_FFFFL));
    }
    m = m.and(BigInteger.ONE.shiftLeft(f.p() - 1).subtract(BigInteger.ONE)).setBit(f.p() - 1);
    if (r.nextBoolean()) {
      m = m.negate();
    }
    long lo = Math.max(f.minExponent(), -span);
    long hi = Math.min(f.maxExponent(), span);
    return f.of(m, lo + r.nextLong(hi - lo + 1));
  }

  static FloatPArray array(FloatFormat f, SplittableRandom r, int n, long span) {
    FloatPArray a = FloatPArray.zeros(f, n);
    for (int i = 0; i < n; i++) {
      a.set(i, random(f, r, span));
    }
    return a;
  }

  @ParameterizedTest(name = "p={0} q={1} seed={2}")
  @MethodSource("formats")
  void matVec_isOneIteratedSumOfRoundedProductsPerRow(int p, int q, long seed) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(seed);
    for (long span : new long[] {4, 40, 1L << 20}) {
      int rows = 1 + r.nextInt(9);
      int cols = r.nextInt(40);
      FloatPArray m = array(f, r, rows * cols, span);
      FloatPArray x = array(f, r, cols, span);
      FloatPArray bias = r.nextBoolean() ? null : array(f, r, rows, span);
      checkMatVec(f, m, x, bias, rows, "seed=" + seed + " span=" + span);
    }
  }

  /**
   * matVec's one-pass rows (p <= 31) anchor a long accumulator on the first product: rows whose
   * products cluster within a few exponents, as a model's do, take that path, and rows with a
   * far larger or smaller product, a cancelling pair, tiny tails of one or both signs, zeros,
   * saturating or underflowing products leave it. Every row is compared with the scalar
   * definition, for every p from 4 to 53 (p > 31 checks that the two-pass path is unchanged).
   */
  @ParameterizedTest(name = "p={0}")
  @MethodSource("allP")
  void matVec_clusteredAndOutlyingProducts_matchScalarDefinition(int p) {
    var r = new SplittableRandom(1000 + p);
    for (int trial = 0; trial < 60; trial++) {
      FloatFormat f = FloatFormat.of(p, trial % 3 == 0 ? 5 : 8 + r.nextInt(4));
      int rows = 1 + r.nextInt(12);
      int cols = r.nextInt(70);
      long centre = r.nextLong(-20, 10);
      FloatPArray m = FloatPArray.zeros(f, rows * cols);
      FloatPArray x = FloatPArray.zeros(f, cols);
      for (int j = 0; j < cols; j++) {
        x.set(j, outlier(f, r, centre));
      }
      for (int k = 0; k < rows * cols; k++) {
        m.set(k, outlier(f, r, centre));
      }
      FloatPArray bias = r.nextBoolean() ? null : array(f, r, rows, 12);
      if (bias != null && r.nextInt(4) == 0) {
        bias.set(0, f.zero());
      }
      if (cols > 1 && r.nextInt(3) == 0) {
        // A cancelling pair: the first two products of row 0 are equal and opposite.
        m.set(1, f.negate(m.get(0)));
        x.set(1, x.get(0));
      }
      checkMatVec(f, m, x, bias, rows, "p=" + p + " trial " + trial);
    }
  }

  /**
   * A row summing to a tie (odd A plus half an ulp) and two far smaller products of opposite
   * signs, in both orders: their net sign decides the rounding, so neither may be dropped nor
   * taken as the sign of the rest.
   */
  @ParameterizedTest(name = "p={0}")
  @MethodSource("allP")
  void matVec_tieBrokenByTinyTermsOfBothSigns_matchesScalarDefinition(int p) {
    FloatFormat f = FloatFormat.of(p, 10);
    BigInteger top = BigInteger.ONE.shiftLeft(p - 1);
    FloatP odd = f.round(BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE), 0);
    FloatP half = f.round(BigInteger.ONE, -1);
    for (int sign : new int[] {1, -1}) {
      FloatP small = f.round(top.multiply(BigInteger.valueOf(sign)), -200);
      FloatP twice = f.round(top.multiply(BigInteger.valueOf(-2L * sign)), -200);
      for (List<FloatP> row : List.of(List.of(odd, half, small, twice),
          List.of(odd, half, twice, small), List.of(small, odd, twice, half))) {
        FloatPArray m = FloatPArray.of(f, row);
        FloatPArray x = FloatPArray.zeros(f, row.size());
        x.fill(0, row.size(), f.round(BigInteger.ONE, 0));
        FloatPArray out = FloatPArray.zeros(f, 1);
        FloatPIterated.matVec(m, x, null, out);
        assertThat(out.get(0)).as("p=%d %s", p, row).isEqualTo(f.iteratedSum(row));
      }
    }
  }

  /** matVec(m, x, bias) row by row against the scalar products and iterated sum. */
  private static void checkMatVec(FloatFormat f, FloatPArray m, FloatPArray x, FloatPArray bias,
      int rows, String context) {
    int cols = x.length();
    FloatPArray out = FloatPArray.zeros(f, rows);
    FloatPIterated.matVec(m, x, bias, out);
    for (int i = 0; i < rows; i++) {
      List<FloatP> terms = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        terms.add(f.multiply(m.get(i * cols + j), x.get(j)));
      }
      if (bias != null) {
        terms.add(bias.get(i));
      }
      assertThat(out.get(i)).as("%s row %d: %s", context, i, terms)
          .isEqualTo(f.iteratedSum(terms));
    }
  }

  static Stream<Arguments> allP() {
    return java.util.stream.IntStream.rangeClosed(4, 53).mapToObj(Arguments::of);
  }

  /** Mostly within 3 of the centre; now and then zero, far above or below, or at the range ends. */
  private static FloatP outlier(FloatFormat f, SplittableRandom r, long centre) {
    FloatP x = random(f, r, 1);
    if (x.isZero()) {
      return x;
    }
    long e = switch (r.nextInt(40)) {
      case 0 -> centre + 20 + r.nextInt(40);
      case 1 -> centre - 20 - r.nextInt(2 * f.p() + 40);
      case 2 -> f.maxExponent() - r.nextInt(3);
      case 3 -> f.minExponent() + r.nextInt(3);
      default -> centre + r.nextInt(-3, 4);
    };
    return f.round(x.significand(), Math.clamp(e, f.minExponent(), f.maxExponent()));
  }

  @ParameterizedTest(name = "p={0} q={1} seed={2}")
  @MethodSource("formats")
  void sum_andProduct_matchTheScalarIteratedOperations(int p, int q, long seed) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(seed * 31);
    for (long span : new long[] {3, 30, 1L << 20}) {
      int n = r.nextInt(20);
      int k = r.nextInt(7);
      List<FloatPArray> terms = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        terms.add(array(f, r, n, span));
      }
      FloatPArray sum = FloatPArray.zeros(f, n);
      FloatPIterated.sum(terms, sum);
      FloatPArray a = array(f, r, n, span);
      FloatPArray b = array(f, r, n, span);
      FloatPArray c = array(f, r, n, span);
      FloatPArray prod = FloatPArray.zeros(f, n);
      FloatPIterated.product(a, b, c, prod);
      for (int i = 0; i < n; i++) {
        List<FloatP> xs = new ArrayList<>();
        for (FloatPArray t : terms) {
          xs.add(t.get(i));
        }
        assertThat(sum.get(i)).as("seed=%d span=%d sum %d", seed, span, i)
            .isEqualTo(f.iteratedSum(xs));
        assertThat(prod.get(i)).as("seed=%d span=%d product %d", seed, span, i)
            .isEqualTo(f.iteratedProduct(a.get(i), b.get(i), c.get(i)));
      }
      FloatPIterated.product(a, b, c, a); // in place
      for (int i = 0; i < n; i++) {
        assertThat(a.get(i)).isEqualTo(prod.get(i));
      }
    }
  }

  /** Sums built to cancel: a big cluster that nearly cancels, and tiny terms of either sign. */
  @ParameterizedTest(name = "p={0} q={1} seed={2}")
  @MethodSource("formats")
  void sum_ofCancellingTermsAndTinyTails_matchesIteratedSum(int p, int q, long seed) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(seed * 77);
    for (int trial = 0; trial < 40; trial++) {
      List<FloatP> xs = new ArrayList<>();
      FloatP big = random(f, r, 8);
      xs.add(big);
      xs.add(r.nextBoolean() ? f.negate(big) : f.negate(f.add(big, random(f, r, 2))));
      int tiny = r.nextInt(4);
      for (int j = 0; j < tiny; j++) {
        FloatP t = random(f, r, 1L << 20);
        long e = Math.max(f.minExponent(), big.exponent() - p - 8 - r.nextInt(3 * p));
        xs.add(t.isZero() ? t : f.round(t.significand(), e));
      }
      FloatPArray a = FloatPArray.zeros(f, xs.size());
      List<FloatPArray> cols = new ArrayList<>();
      for (FloatP x : xs) {
        FloatPArray c = FloatPArray.zeros(f, 1);
        c.set(0, x);
        cols.add(c);
      }
      FloatPArray out = FloatPArray.zeros(f, 1);
      FloatPIterated.sum(cols, out);
      assertThat(out.get(0)).as("seed=%d trial %d: %s", seed, trial, xs)
          .isEqualTo(f.iteratedSum(xs));
      assertThat(a.length()).isEqualTo(xs.size());
    }
  }

  @ParameterizedTest(name = "p={0} q={1} seed={2}")
  @MethodSource("formats")
  void repeatEach_andCopy_moveElementsUnchanged(int p, int q, long seed) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(seed * 3);
    FloatPArray a = array(f, r, 5, 1L << 20);
    FloatPArray rep = FloatPArray.zeros(f, 15);
    FloatPArray.repeatEach(a, 3, rep);
    FloatPArray back = FloatPArray.zeros(f, 7);
    FloatPArray.copy(a, 1, back, 2, 4);
    for (int i = 0; i < 15; i++) {
      assertThat(rep.get(i)).isEqualTo(a.get(i / 3));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(back.get(2 + i)).isEqualTo(a.get(1 + i));
    }
    assertThat(back.get(0)).isEqualTo(f.zero());
  }

  @ParameterizedTest(name = "p={0} q={1} seed={2}")
  @MethodSource("formats")
  void memo_givesTheFunctionsOwnResults(int p, int q, long seed) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(seed * 5);
    var memo = new FloatPMemo(f, f::silu, 3); // a tiny table: many collisions
    FloatPArray a = array(f, r, 50, 3);
    FloatPArray.copy(a, 0, a, 25, 25); // repeats
    FloatPArray out = FloatPArray.zeros(f, 50);
    memo.apply(a, out);
    memo.apply(a, a);
    for (int i = 0; i < 50; i++) {
      assertThat(out.get(i)).as("seed=%d %d", seed, i).isEqualTo(a.get(i));
    }
    FloatPArray b = array(f, r, 50, 3);
    FloatPArray ref = FloatPArray.zeros(f, 50);
    FloatPArray.copy(b, 0, ref, 0, 50);
    memo.apply(b, b);
    for (int i = 0; i < 50; i++) {
      assertThat(b.get(i)).as("seed=%d %d", seed, i).isEqualTo(f.silu(ref.get(i)));
    }
  }
}
