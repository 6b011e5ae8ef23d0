package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * {@link SeriesDivision}'s N = 2⌊a 2^(p+1)/c⌋ + [remainder ≠ 0] against BigInteger division, and
 * fp-div circuits on the series path against {@link FloatFormat#divide}.
 */
final class SeriesDivisionTest {

  private static BigInteger expected(BigInteger a, BigInteger c, int p) {
    BigInteger[] qr = a.shiftLeft(p + 1).divideAndRemainder(c);
    return qr[0].shiftLeft(1).add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
  }

  private static void check(int p, int tableBits, List<BigInteger[]> pairs) {
    var b = new CircuitBuilder();
    int[] a = b.input("a", p);
    int[] c = b.input("c", p);
    b.output("n", SeriesDivision.quotientAndSticky(b, a, c, tableBits));
    Circuit circuit = b.build();
    BigInteger[] as = new BigInteger[pairs.size()];
    BigInteger[] cs = new BigInteger[pairs.size()];
    for (int i = 0; i < as.length; i++) {
      as[i] = pairs.get(i)[0];
      cs[i] = pairs.get(i)[1];
    }
    BigInteger[] got = Simulation.run(circuit, Map.of("a", as, "c", cs), as.length).get("n");
    for (int i = 0; i < as.length; i++) {
      assertThat(got[i]).as("p=%d s=%d a=%s c=%s", p, tableBits, as[i], cs[i])
          .isEqualTo(expected(as[i], cs[i], p));
    }
  }

  @ParameterizedTest(name = "p={0} s={1}")
  @CsvSource({"2,1", "3,1", "3,2", "4,1", "4,2", "5,2", "5,3", "6,1", "6,3", "7,2", "7,8",
      "8,1", "8,2", "8,3", "8,4"})
  void everyOperand_smallP_equalsBigIntegerDivision(int p, int tableBits) {
    List<BigInteger[]> pairs = new ArrayList<>();
    for (long c = 1L << (p - 1); c < 1L << p; c++) {
      for (long a = 0; a < 1L << p; a++) {
        pairs.add(new BigInteger[] {BigInteger.valueOf(a), BigInteger.valueOf(c)});
      }
    }
    check(p, tableBits, pairs);
  }

  @ParameterizedTest(name = "p={0}")
  @ValueSource(ints = {21, 22, 24, 29, 32, 40, 53, 64})
  void randomAndExtremeOperands_largeP_equalBigIntegerDivision(int p) {
    BigInteger half = BigInteger.ONE.shiftLeft(p - 1);
    BigInteger top = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
    // the first divisor of the table's second bucket (h = 2^(s−1) + 1)
    BigInteger bucket = half.add(BigInteger.ONE.shiftLeft(p - FpOps.SERIES_TABLE_BITS));
    List<BigInteger> extremes = List.of(BigInteger.ZERO, BigInteger.ONE, half,
        half.add(BigInteger.ONE), top.subtract(BigInteger.ONE), top,
        half.add(half.shiftRight(1)), bucket, bucket.subtract(BigInteger.ONE),
        top.subtract(bucket), top.subtract(bucket).add(BigInteger.ONE));
    List<BigInteger[]> pairs = new ArrayList<>();
    for (BigInteger a : extremes) {
      for (BigInteger c : extremes) {
        if (c.compareTo(half) >= 0) {
          pairs.add(new BigInteger[] {a, c});
          pairs.add(new BigInteger[] {c, c});
        }
      }
    }
    var r = new SplittableRandom(p);
    for (int i = 0; i < 2048; i++) {
      BigInteger c = half.add(new BigInteger(p - 1, new java.util.Random(r.nextLong())));
      BigInteger a = i % 4 == 0 ? c.add(BigInteger.valueOf(r.nextInt(-3, 4))).min(top)
          : new BigInteger(p, new java.util.Random(r.nextLong()));
      pairs.add(new BigInteger[] {a, c});
    }
    check(p, FpOps.SERIES_TABLE_BITS, pairs);
  }

  @Test
  void plan_termsShrinkWithTableBits_andErrorBoundHolds() {
    assertThat(SeriesPlan.of(64, 8).terms()).isLessThan(SeriesPlan.of(64, 4).terms());
    assertThat(SeriesPlan.of(24, 8).terms()).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "p={0} q={1}")
  @CsvSource({"5, 3", "6, 4", "24, 8", "32, 8", "53, 11"})
  void fpDiv_seriesPath_equalsFloatFormat(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    var r = new SplittableRandom(p * 131L + q);
    List<List<FloatP>> pairs = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      FloatP x = FpConstantOperandTest.operand(f, r);
      FloatP y = FpConstantOperandTest.operand(f, r);
      if (!y.isZero()) {
        pairs.add(List.of(x, y));
      }
    }
    int s = p < 10 ? 2 : FpOps.SERIES_TABLE_BITS;
    FpCircuitTest.checkBinary(f, pairs, (b, in) -> FpOps.divide(b, in.get(0), in.get(1), 0, s),
        f::divide, "div");
  }
}
