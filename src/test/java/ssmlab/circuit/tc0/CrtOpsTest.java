package ssmlab.circuit.tc0;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;

final class CrtOpsTest {

  static Circuit product(int n, int m) {
    return Oracle.nary(n, m, IteratedMultiplication::product);
  }

  static BigInteger[] productOf(BigInteger[] v) {
    BigInteger p = BigInteger.ONE;
    for (BigInteger x : v) {
      p = p.multiply(x);
    }
    return new BigInteger[] {p};
  }

  @Test
  void primesFor_productCoversTwiceTheRange() {
    int[] ps = Residues.primesFor(128);
    BigInteger m = BigInteger.ONE;
    for (int q : ps) {
      m = m.multiply(BigInteger.valueOf(q));
    }
    assertThat(m).isGreaterThanOrEqualTo(BigInteger.ONE.shiftLeft(129));
    assertThat(ps[0]).isEqualTo(3);
    assertThat(ps).hasSize(26); // 3·5·7·…·103 (reference §2.7: k = 26, q_max = 103)
    assertThat(ps[ps.length - 1]).isEqualTo(103);
  }

  @Test
  void residueOneHot_exhaustive_isXModQ() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 9);
    b.output("r7", Residues.residueOneHot(b, x, 7));
    b.output("r13", Residues.residueOneHot(b, x, 13));
    Oracle.exhaustive(b.build(), v -> new BigInteger[] {
        BigInteger.ONE.shiftLeft(v[0].mod(BigInteger.valueOf(7)).intValue()),
        BigInteger.ONE.shiftLeft(v[0].mod(BigInteger.valueOf(13)).intValue())});
  }

  @Test
  void product_exhaustiveSmall_matchesBigInteger() {
    Oracle.exhaustive(product(3, 4), CrtOpsTest::productOf);
    Oracle.exhaustive(product(2, 6), CrtOpsTest::productOf);
  }

  @Test
  void product_randomLarge_matchesBigInteger() {
    Oracle.random(product(8, 16), 11, 300, CrtOpsTest::productOf);
  }

  @Test
  void product_depth_constantInArityAndWidth() {
    int d = product(4, 4).stats().depthWithoutNot();
    assertThat(product(8, 4).stats().depthWithoutNot()).isEqualTo(d);
    assertThat(product(16, 8).stats().depthWithoutNot()).isEqualTo(d);
  }

  static Circuit divider(int n) {
    var b = new CircuitBuilder();
    int[] x = b.input("a", n);
    int[] y = b.input("b", n);
    int[][] qr = Division.divide(b, x, y);
    b.output("q", qr[0]);
    b.output("r", qr[1]);
    return b.build();
  }

  static BigInteger[] quotientRemainder(BigInteger[] v, int n) {
    if (v[1].signum() == 0) {
      return new BigInteger[] {BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE), v[0]};
    }
    return v[0].divideAndRemainder(v[1]);
  }

  @Test
  void divide_allFiveBitPairs_matchesBigInteger() {
    Oracle.exhaustive(divider(5), v -> quotientRemainder(v, 5));
  }

  @Test
  void divide_random16Bit_matchesBigInteger() {
    Oracle.random(divider(16), 16, 300, v -> quotientRemainder(v, 16));
  }

  @Tag("slow")
  @Test
  void product_random32By8Bit_matchesBigInteger() {
    Oracle.random(product(32, 8), 32, 200, CrtOpsTest::productOf);
  }

  // Depth grows while small widths still fold gates away, then stays at 63 (measured n = 10..16).
  @Test
  void divide_depth_constantInWidth() {
    int d10 = divider(10).stats().depthWithoutNot();
    assertThat(divider(12).stats().depthWithoutNot()).isEqualTo(d10);
    assertThat(divider(6).stats().depthWithoutNot()).isLessThanOrEqualTo(d10);
  }
}
