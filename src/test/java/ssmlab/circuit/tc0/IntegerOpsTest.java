package ssmlab.circuit.tc0;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;

final class IntegerOpsTest {
  private static final BigInteger ONE = BigInteger.ONE;
  private static final BigInteger ZERO = BigInteger.ZERO;

  interface Binary {
    int[] build(CircuitBuilder b, int[] x, int[] y);
  }

  static Circuit binary(int n, int m, Binary op) {
    var b = new CircuitBuilder();
    int[] x = b.input("x", n);
    int[] y = b.input("y", m);
    b.output("z", op.build(b, x, y));
    return b.build();
  }

  static BigInteger bit(boolean v) {
    return v ? ONE : ZERO;
  }

  static void both(int small, int large, Binary op,
      BiFunction<BigInteger, BigInteger, BigInteger> f) {
    Oracle.exhaustive(binary(small, small, op), v -> new BigInteger[] {f.apply(v[0], v[1])});
    Oracle.random(binary(large, large, op), large, 300,
        v -> new BigInteger[] {f.apply(v[0], v[1])});
  }

  @Test
  void add_allSixBitPairsAnd64Bit_matchesBigInteger() {
    both(6, 64, Adder::add, BigInteger::add);
  }

  static BigInteger[] difference(BigInteger[] v, int n) {
    return new BigInteger[] {v[0].subtract(v[1]).mod(BigInteger.TWO.pow(n))
        .add(v[0].compareTo(v[1]) >= 0 ? BigInteger.TWO.pow(n) : ZERO)};
  }

  @Test
  void subtract_allSixBitPairsAnd64Bit_differenceAndNoBorrowBit() {
    Oracle.exhaustive(binary(6, 6, Adder::subtract), v -> difference(v, 6));
    Oracle.random(binary(64, 64, Adder::subtract), 64, 300, v -> difference(v, 64));
  }

  @Test
  void compare_allSixBitPairsAnd64Bit_matchesBigInteger() {
    both(6, 64, (b, x, y) -> new int[] {Comparison.greaterThan(b, x, y)},
        (x, y) -> bit(x.compareTo(y) > 0));
    both(6, 64, (b, x, y) -> new int[] {Comparison.greaterOrEqual(b, x, y)},
        (x, y) -> bit(x.compareTo(y) >= 0));
    both(6, 64, (b, x, y) -> new int[] {Comparison.equal(b, x, y)},
        (x, y) -> bit(x.equals(y)));
  }

  @Test
  void multiply_allSixBitPairsAnd32Bit_matchesBigInteger() {
    both(6, 32, Multiplication::multiply, BigInteger::multiply);
  }

  @Test
  void multiply_random64Bit_matchesBigInteger() {
    Oracle.random(binary(64, 64, Multiplication::multiply), 64, 200,
        v -> new BigInteger[] {v[0].multiply(v[1])});
  }

  @Test
  void multiply_unequalWidths_matchesBigInteger() {
    Oracle.exhaustive(binary(3, 7, Multiplication::multiply),
        v -> new BigInteger[] {v[0].multiply(v[1])});
  }

  @Test
  void shifts_exhaustiveAndRandom_matchBigInteger() {
    Oracle.exhaustive(binary(8, 3, (b, x, s) -> Shifter.shiftLeft(b, x, s, 12)),
        v -> new BigInteger[] {v[0].shiftLeft(v[1].intValue())});
    Oracle.exhaustive(binary(8, 4, Shifter::shiftRight),
        v -> new BigInteger[] {v[0].shiftRight(v[1].intValue())});
    Oracle.random(binary(64, 6, Shifter::shiftRight), 7, 300,
        v -> new BigInteger[] {v[0].shiftRight(v[1].intValue())});
  }

  @Test
  void leadingOne_exhaustive_isBitLengthMinusOne() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 10);
    b.output("p", LeadingOne.position(b, x));
    b.output("f", LeadingOne.oneHot(b, x));
    Oracle.exhaustive(b.build(), v -> new BigInteger[] {
        BigInteger.valueOf(Math.max(0, v[0].bitLength() - 1)),
        v[0].signum() == 0 ? ZERO : ONE.shiftLeft(v[0].bitLength() - 1)});
  }

  @Test
  void multiplexer_exhaustive_selectsChoice() {
    var b = new CircuitBuilder();
    int[] s = b.input("s", 2);
    int[][] ch = {b.input("a", 3), b.input("c", 3), b.input("d", 2)};
    b.output("z", Multiplexer.select(b, s, ch));
    b.output("m", Multiplexer.select(b, s[0], ch[0], ch[1]));
    Oracle.exhaustive(b.build(), v -> new BigInteger[] {
        v[0].intValue() < 3 ? v[1 + v[0].intValue()] : ZERO, v[0].testBit(0) ? v[1] : v[2]});
  }

  @Test
  void weightedSum_exhaustive_bitsAndOneHot() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 5);
    int[] w = {3, 1, 4, 1, 5};
    b.output("s", WeightedSum.binary(b, x, w));
    b.output("e", WeightedSum.oneHot(b, x, w));
    Oracle.exhaustive(b.build(), v -> {
      int s = 0;
      for (int i = 0; i < 5; i++) {
        s += v[0].testBit(i) ? w[i] : 0;
      }
      return new BigInteger[] {BigInteger.valueOf(s), ONE.shiftLeft(s)};
    });
  }

  static Circuit itadd(int n, int m) {
    return Oracle.nary(n, m, IteratedAddition::sum);
  }

  static BigInteger[] sumOf(BigInteger[] v) {
    BigInteger s = ZERO;
    for (BigInteger x : v) {
      s = s.add(x);
    }
    return new BigInteger[] {s};
  }

  @Test
  void iteratedAddition_exhaustiveSmall_matchesSum() {
    Oracle.exhaustive(itadd(4, 3), IntegerOpsTest::sumOf);
    Oracle.exhaustive(itadd(7, 2), IntegerOpsTest::sumOf);
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {3, 16, 50})
  void iteratedAddition_random64Bit_matchesSum(int n) {
    Oracle.random(itadd(n, 64), n, 200, IntegerOpsTest::sumOf);
  }

  // The point of TC0: depth does not grow with the number of operands or their width.
  @Test
  void iteratedAddition_depth_constantInArity() {
    int d8 = itadd(8, 8).stats().depthWithoutNot();
    assertThat(itadd(32, 8).stats().depthWithoutNot()).isEqualTo(d8);
    assertThat(itadd(128, 8).stats().depthWithoutNot()).isEqualTo(d8);
    assertThat(itadd(32, 32).stats().depthWithoutNot()).isEqualTo(d8);
    assertThat(d8).isEqualTo(9);
  }

  @Test
  void addMultiplyCompare_depth_constantInWidth() {
    for (int n : new int[] {8, 32, 64}) {
      assertThat(binary(n, n, Adder::add).stats().depthWithoutNot()).as("add n=%d", n)
          .isEqualTo(5);
      assertThat(binary(n, n, (b, x, y) -> new int[] {Comparison.greaterThan(b, x, y)}).stats()
          .depthWithoutNot()).as("gt n=%d", n).isEqualTo(3);
    }
    int m8 = binary(8, 8, Multiplication::multiply).stats().depthWithoutNot();
    assertThat(binary(24, 24, Multiplication::multiply).stats().depthWithoutNot()).isEqualTo(m8);
    assertThat(m8).isEqualTo(10);
  }
}
