package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.ReferenceEvaluator;
import ssmlab.circuit.tc0.Residues;

final class ProdFamilyTest {

  static Stream<Arguments> small() {
    List<Arguments> all = new ArrayList<>();
    for (int p = 1; p <= 8; p++) {
      for (int n = 1; n <= (p <= 4 ? 6 : 4); n++) {
        all.add(Arguments.of(p, n));
      }
    }
    all.add(Arguments.of(8, 2));
    all.add(Arguments.of(5, 3));
    return all.stream();
  }

  /** Every gate of the query agrees with the verbatim build, which simplifies to circuit op's. */
  @ParameterizedTest(name = "int-prod p={0} n={1}")
  @MethodSource("small")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int n) {
    FamilyCheck c = FamilyCheck.run("int-prod", p, n);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked())
        .isEqualTo(IntFamilies.of("int-prod", p, n).gateCount());
  }

  /** The sizes a slower check still builds: up to 8 × 8 bits and 16 × 4 bits (-Pslow). */
  @Tag("slow")
  @ParameterizedTest(name = "int-prod p={0} n={1}")
  @MethodSource("larger")
  void everyGate_agreesAtLargerSizes(int p, int n) {
    everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(p, n);
  }

  static Stream<Arguments> larger() {
    List<Arguments> all = new ArrayList<>();
    for (int p = 2; p <= 4; p++) {
      all.add(Arguments.of(p, 7));
      all.add(Arguments.of(p, 8));
    }
    all.addAll(List.of(Arguments.of(8, 8), Arguments.of(6, 8), Arguments.of(4, 16),
        Arguments.of(5, 12), Arguments.of(16, 2)));
    return all.stream();
  }

  /** The circuit built from the queries alone multiplies, bit for bit. */
  @ParameterizedTest(name = "int-prod p={0} n={1}")
  @MethodSource("evaluated")
  void queryCircuit_computesTheProduct(int p, int n) {
    AddressedFamily f = IntFamilies.of("int-prod", p, n);
    Circuit c = FamilyCircuit.build(f, p).build();
    var rnd = new SplittableRandom(p * 100L + n);
    for (int v = 0; v < 48; v++) {
      BigInteger want = BigInteger.ONE;
      boolean[] in = new boolean[c.inputBits()];
      List<BigInteger> xs = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        BigInteger x = v == 0 ? BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE)
            : v == 1 && k == 0 ? BigInteger.ZERO : BigInteger.valueOf(rnd.nextLong(1L << p));
        xs.add(x);
        want = want.multiply(x);
        for (int j = 0; j < p; j++) {
          in[k * p + j] = x.testBit(j);
        }
      }
      boolean[] out = ReferenceEvaluator.evaluate(c, in);
      BigInteger got = BigInteger.ZERO;
      for (int i = 0; i < out.length; i++) {
        got = out[i] ? got.setBit(i) : got;
      }
      assertThat(got).as("p=%d n=%d x=%s", p, n, xs).isEqualTo(want);
    }
  }

  static Stream<Arguments> evaluated() {
    return Stream.of(Arguments.of(1, 3), Arguments.of(2, 4), Arguments.of(3, 3),
        Arguments.of(4, 2), Arguments.of(8, 2), Arguments.of(3, 6));
  }

  /** Generators, discrete logs and the bit tests of multiples against brute force. */
  @Test
  void numberTheory_matchesBruteForce() {
    for (int q : Residues.primesFor(800)) {
      long g = Crt.generator(q);
      assertThat(g).as("q=%d", q).isEqualTo(Residues.generator(q));
      int[] dl = Residues.discreteLogs(q, (int) g);
      for (int r = 1; r < q; r += Math.max(1, q / 50)) {
        assertThat(Crt.log(r, g, q)).as("log %d mod %d", r, q).isEqualTo(dl[r]);
      }
      assertThat(Crt.inverse(q - 1, q)).isEqualTo(q - 1);
    }
    var rnd = new SplittableRandom(7);
    for (int t = 0; t < 300; t++) {
      BigInteger x = new BigInteger(1 + rnd.nextInt(200), new java.util.Random(rnd.nextLong()));
      long maxA = 1 + rnd.nextInt(60);
      BigBits bits = new BigBits(x);
      for (int c = 0; c < x.bitLength() + 8; c++) {
        boolean want = false;
        for (long a = 0; a <= maxA && !want; a++) {
          want = x.multiply(BigInteger.valueOf(a)).testBit(c);
        }
        assertThat(bits.someMultipleHasBit(maxA, c)).as("x=%s A≤%d c=%d", x, maxA, c)
            .isEqualTo(want);
        assertThat(Crt.someMultipleHasBit(x, maxA, c)).isEqualTo(want);
        long a = t % 3 == 0 ? maxA : rnd.nextLong(1L << 31);
        assertThat(bits.bitOfMultiple(a, c)).as("x=%s A=%d c=%d", x, a, c)
            .isEqualTo(x.multiply(BigInteger.valueOf(a)).testBit(c));
      }
    }
  }

  /** Addresses outside the family get one line naming the member; nothing else answers. */
  @Test
  void badAddresses_areRefused() {
    AddressedFamily f = IntFamilies.of("int-prod", 4, 3);
    int[] fb = f.fieldBits();
    int wj = f.addressBits() - 8 - fb[0] - fb[1];
    // ((((part·2^wj + j)·16 + section)·2^wa + a)·2^wb + b
    java.util.function.LongBinaryOperator at = (pj, sab) -> pj << 4 + fb[0] + fb[1] | sab;
    long[] bad = {-1,
        at.applyAsLong(15L << wj, 0), // no part 15
        at.applyAsLong(10L << wj, 0), // no part 10
        at.applyAsLong(1L << wj | 99, 0), // prime index 99 of a handful
        at.applyAsLong(1L << wj, 0), // residue threshold v = 0
        at.applyAsLong(1L << wj, 1L << fb[1] | 3), // operand 3 of 3
        at.applyAsLong(4L << wj, 1), // a lookup with b = 1
        at.applyAsLong(6L << wj, (1L << fb[0] | 99) << fb[1])}; // [t = 99]
    FamilyAssertions.refused(f, bad);
    FamilyAssertions.everyInputIndexed(f);
  }

  /**
   * At n = 2^8 (2048-bit products, about 220 primes; the circuit is never built) sampled gates
   * answer, their inputs are gates of the family, and inputIndex finds them.
   */
  @Test
  void sampledGates_atLargeArity_pointToGates() {
    AddressedFamily f = IntFamilies.of("int-prod", 8, 1 << 8);
    FamilyAssertions.sampledInputsAreGates(f, 11, 150);
    assertThat(f.output(0)).isNotNegative();
  }
}
