package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.GateType;
import ssmlab.circuit.ReferenceEvaluator;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

final class FpMulFamilyTest {

  static Stream<Arguments> formats() {
    List<Arguments> out = new ArrayList<>();
    for (int p = 2; p <= 6; p++) {
      for (int q = 1; q <= 4; q++) {
        out.add(Arguments.of(p, q));
      }
    }
    for (int[] pq : new int[][] {{8, 3}, {8, 8}, {11, 5}, {12, 2}, {16, 6}, {3, 12}, {24, 8},
        {53, 11}, {3, 61}, {5, 40}}) {
      out.add(Arguments.of(pq[0], pq[1]));
    }
    return out.stream();
  }

  /** Every gate of the query agrees with the verbatim build, which simplifies to circuit op's. */
  @ParameterizedTest(name = "fp-mul p={0} q={1}")
  @MethodSource("formats")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q) {
    FamilyCheck c = FamilyCheck.runFp("fp-mul", p, q, 2);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(FpFamilies.of("fp-mul", p, q, 2)
        .gateCount());
  }

  /**
   * The circuit built from the queries alone multiplies as {@code FloatFormat.multiply} rounds:
   * every pair at p = 3, q = 2 (overflow, underflow and zero included), random pairs at p = 5,
   * q = 3.
   */
  @ParameterizedTest(name = "fp-mul p={0} q={1}")
  @MethodSource("queryFormats")
  void queryCircuit_multipliesAsTheFormatRounds(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    AddressedFamily fam = FpFamilies.of("fp-mul", p, q, 2);
    int width = FpWires.width(f);
    Circuit c = FamilyCircuit.build(fam, width).build();
    List<FloatP> values = FpCircuitTest.all(f);
    var rnd = new SplittableRandom(p * 31L + q);
    int cases = values.size() * values.size() <= 5000 ? values.size() * values.size() : 3000;
    for (int t = 0; t < cases; t++) {
      FloatP x = cases < 3000 ? values.get(t / values.size())
          : values.get(rnd.nextInt(values.size()));
      FloatP y = cases < 3000 ? values.get(t % values.size())
          : values.get(rnd.nextInt(values.size()));
      boolean[] in = new boolean[2 * width];
      BigInteger bx = FpWires.encode(x);
      BigInteger by = FpWires.encode(y);
      for (int i = 0; i < width; i++) {
        in[i] = bx.testBit(i);
        in[width + i] = by.testBit(i);
      }
      boolean[] out = ReferenceEvaluator.evaluate(c, in);
      BigInteger z = BigInteger.ZERO;
      for (int i = 0; i < width; i++) {
        z = out[i] ? z.setBit(i) : z;
      }
      assertThat(FpWires.decode(f, z)).as("%s * %s in %s", x, y, f)
          .isEqualTo(f.multiply(x, y));
    }
  }

  static Stream<Arguments> queryFormats() {
    return Stream.of(Arguments.of(3, 2), Arguments.of(5, 3), Arguments.of(4, 1));
  }

  /** Addresses outside the family get one line naming the member; nothing else answers. */
  @Test
  void badAddresses_areRefused() {
    AddressedFamily f = FpFamilies.of("fp-mul", 4, 3, 2);
    long[] bad = {-1, 1L << f.addressBits(),
        FamilyAssertions.at(f, 4, 10, 0, 0, 0, 0), // no part 10
        FamilyAssertions.at(f, 4, 1, 1, 0, 0, 0), // j = 1
        FamilyAssertions.at(f, 4, 0, 0, 2, 0, 0), // leaves have no partial products
        FamilyAssertions.at(f, 4, 0, 0, 1, 9, 0), // input bit 9 of a 9-bit bus
        FamilyAssertions.at(f, 4, 3, 0, 5, 0, 0), // sign section 5
        FamilyAssertions.at(f, 4, 4, 0, 0, 2, 1), // ¬N_j needs j > k
        FamilyAssertions.at(f, 4, 4, 0, 6, 1, 0), // guard terms start at k = p
        FamilyAssertions.at(f, 4, 4, 0, 14, 0, 0), // rounding part 4 has sections 0..13
        FamilyAssertions.at(f, 4, 9, 0, 12, 0, 13), // flags 0..12
        FamilyAssertions.at(f, 4, 9, 0, 14, 4, 0), // exponent bits 0..3
        FamilyAssertions.at(f, 4, 9, 0, 1, 0, 2)}; // comparisons b = 0, 1
    FamilyAssertions.refused(f, bad);
    FamilyAssertions.everyInputIndexed(f);
  }

  /** inputIndex answers every input of every gate at several formats (wide ORs included). */
  @Test
  void everyInput_isIndexed() {
    for (int[] pq : new int[][] {{2, 1}, {3, 4}, {8, 8}, {11, 5}}) {
      FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-mul", pq[0], pq[1], 2));
    }
  }

  /** At p = 2^10, 2^14 and 2^16 (the largest; never built) sampled gates point to gates. */
  @Test
  void sampledGates_atLargePrecision_pointToGates() {
    for (int[] pq : new int[][] {{1 << 10, 11}, {1 << 14, 20}, {1 << 16, 61}}) {
      AddressedFamily f = FpFamilies.of("fp-mul", pq[0], pq[1], 2);
      FamilyAssertions.sampledInputsAreGates(f, 7, 300);
      assertThat(f.gate(f.output(0)).type()).isEqualTo(GateType.OR);
      assertThat(f.gate(f.output(f.outputBits() - 1)).type()).isEqualTo(GateType.AND);
    }
  }
}
