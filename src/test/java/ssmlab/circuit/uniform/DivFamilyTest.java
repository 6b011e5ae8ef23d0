package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.ReferenceEvaluator;

final class DivFamilyTest {

  static IntStream small() {
    return IntStream.rangeClosed(1, 8);
  }

  /** Every gate of the query agrees with the verbatim build, which simplifies to circuit op's. */
  @ParameterizedTest(name = "int-div p={0}")
  @MethodSource("small")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p) {
    FamilyCheck c = FamilyCheck.run("int-div", p, 1);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(IntFamilies.of("int-div", p, 1)
        .gateCount());
  }

  /** The sizes a slower check still builds (-Pslow): 128,418 gates at p = 12, 417,872 at 16. */
  @Tag("slow")
  @ParameterizedTest(name = "int-div p={0}")
  @ValueSource(ints = {9, 10, 11, 12, 16})
  void everyGate_agreesAtLargerSizes(int p) {
    everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(p);
  }

  /** The circuit built from the queries alone divides: every pair at p ≤ 4, random ones at 7. */
  @ParameterizedTest(name = "int-div p={0}")
  @ValueSource(ints = {1, 2, 3, 4, 7})
  void queryCircuit_divides(int p) {
    Circuit c = FamilyCircuit.build(IntFamilies.of("int-div", p, 1), p).build();
    var rnd = new SplittableRandom(p);
    long all = 1L << 2 * p;
    for (long t = 0; t < Math.min(all, 300); t++) {
      long x = all <= 300 ? t >>> p : rnd.nextLong(1L << p);
      long y = all <= 300 ? t & ((1L << p) - 1) : t < 20 ? t : rnd.nextLong(1L << p);
      boolean[] in = new boolean[2 * p];
      for (int i = 0; i < p; i++) {
        in[i] = (x >>> i & 1) != 0;
        in[p + i] = (y >>> i & 1) != 0;
      }
      boolean[] out = ReferenceEvaluator.evaluate(c, in);
      long q = 0;
      long r = 0;
      for (int i = 0; i < p; i++) {
        q |= out[i] ? 1L << i : 0;
        r |= out[p + i] ? 1L << i : 0;
      }
      long wantQ = y == 0 ? (1L << p) - 1 : x / y;
      long wantR = y == 0 ? x : x % y;
      assertThat(new long[] {q, r}).as("p=%d %d / %d", p, x, y).containsExactly(wantQ, wantR);
    }
  }

  /** Addresses outside the family get one line naming the member; nothing else answers. */
  @Test
  void badAddresses_areRefused() {
    AddressedFamily f = IntFamilies.of("int-div", 4, 1);
    int[] fb = f.fieldBits();
    int wj = f.addressBits() - 9 - fb[0] - fb[1];
    // ((((part·2^wj + j)·16 + section)·2^wa + a)·2^wb + b
    LongBinaryOperator at = (pj, sab) -> pj << 4 + fb[0] + fb[1] | sab;
    long sec = 1L << fb[0] + fb[1];
    long[] bad = {-1, 1L << f.addressBits(),
        at.applyAsLong(17L << wj, 0), // no part 17
        at.applyAsLong(2L << wj | 99, 0), // prime index 99 of a handful
        at.applyAsLong(1L << wj | 1, 0), // normalisation has j = 0
        at.applyAsLong(1L << wj, 3L << fb[1] | 2), // ¬y_c needs c > k
        at.applyAsLong(2L << wj, 0), // residue threshold v = 0
        at.applyAsLong(2L << wj, 7 * sec), // residue section 7
        at.applyAsLong(2L << wj, 3 * sec | 99), // series lookup bit 99
        at.applyAsLong(10L << wj, 3L << fb[1] | 1), // q̃_3 has one AND term, k = 0
        at.applyAsLong(13L << wj, 4 * sec | 1L << fb[1]), // OR of the terms at a = 1
        at.applyAsLong(16L << wj, 11 * sec)}; // final section 11
    FamilyAssertions.refused(f, bad);
    FamilyAssertions.everyInputIndexed(f);
  }

  /**
   * At p = 64 and 128 (R of 4097 and 16385 bits, 1.7·10^8 and 4.2·10^9 gates; never built)
   * sampled gates answer, their inputs are gates of the family, and inputIndex finds them.
   */
  @ParameterizedTest(name = "int-div p={0}")
  @ValueSource(ints = {64, 128})
  void sampledGates_atLargePrecision_pointToGates(int p) {
    AddressedFamily f = IntFamilies.of("int-div", p, 1);
    FamilyAssertions.sampledInputsAreGates(f, 11, 150);
    assertThat(f.gate(f.output(0)).type()).isEqualTo(ssmlab.circuit.GateType.OR);
    assertThat(f.gate(f.output(2 * p - 1)).type()).isEqualTo(ssmlab.circuit.GateType.OR);
  }
}
