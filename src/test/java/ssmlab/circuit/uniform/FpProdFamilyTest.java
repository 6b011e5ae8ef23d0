package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

final class FpProdFamilyTest {

  static Stream<Arguments> sizes() {
    List<Arguments> out = new ArrayList<>();
    for (int p = 2; p <= 4; p++) {
      for (int q = 1; q <= 3; q++) {
        for (int n = 2; n <= 4; n++) {
          out.add(Arguments.of(p, q, n));
        }
      }
    }
    for (int[] s : new int[][] {{5, 4, 5}, {8, 3, 3}, {3, 8, 6}, {4, 2, 8}}) {
      out.add(Arguments.of(s[0], s[1], s[2]));
    }
    return out.stream();
  }

  /** Every gate of the query agrees with the verbatim build, which simplifies to circuit op's. */
  @ParameterizedTest(name = "fp-prod p={0} q={1} n={2}")
  @MethodSource("sizes")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q, int n) {
    FamilyCheck c = FamilyCheck.runFp("fp-prod", p, q, n);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(FpFamilies.of("fp-prod", p, q, n)
        .gateCount());
  }

  /**
   * The circuit built from the queries alone multiplies as {@code FloatFormat.iteratedProduct}
   * rounds (one rounding): random factors, zeros, overflow and underflow among them.
   */
  @ParameterizedTest(name = "fp-prod p={0} q={1} n={2}")
  @MethodSource("queryFormats")
  void queryCircuit_multipliesAsTheFormatRounds(int p, int q, int n) {
    FloatFormat f = FloatFormat.of(p, q);
    Circuit c = FamilyCircuit.build(FpFamilies.of("fp-prod", p, q, n), FpWires.width(f)).build();
    List<FloatP> values = FpCircuitTest.all(f);
    var rnd = new SplittableRandom(p * 131L + q * 7L + n);
    for (int t = 0; t < 1500; t++) {
      List<FloatP> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(values.get(rnd.nextInt(values.size())));
      }
      assertThat(FamilyAssertions.evaluate(c, f, xs)).as("%s in %s", xs, f)
          .isEqualTo(f.iteratedProduct(xs));
    }
  }

  static Stream<Arguments> queryFormats() {
    return Stream.of(Arguments.of(3, 2, 3), Arguments.of(4, 3, 4), Arguments.of(2, 1, 2));
  }

  /** Addresses outside the family get one line naming the member; nothing else answers. */
  @Test
  void badAddresses_areRefused() {
    AddressedFamily f = FpFamilies.of("fp-prod", 3, 2, 3);
    long[] bad = {-1, 1L << f.addressBits(),
        FamilyAssertions.at(f, 5, 20, 0, 0, 0, 0), // no part 20
        FamilyAssertions.at(f, 5, 10, 1, 0, 0, 0), // j = 1 outside the product
        FamilyAssertions.at(f, 5, 10, 0, 0, 0, 3), // biased exponents of operands 0..2
        FamilyAssertions.at(f, 5, 13, 0, 0, 0, 0), // parity threshold v = 0
        FamilyAssertions.at(f, 5, 13, 0, 1, 2, 0), // count bits 0..1
        FamilyAssertions.at(f, 5, 13, 0, 2, 0, 0), // parity sections 0, 1
        FamilyAssertions.at(f, 5, 1, 99, 0, 0, 0)}; // prime index 99 of int-prod's few
    FamilyAssertions.refused(f, bad);
    FamilyAssertions.everyInputIndexed(f);
  }

  /** inputIndex answers every input of every gate at two more sizes. */
  @Test
  void everyInput_isIndexed() {
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-prod", 2, 1, 2));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-prod", 4, 3, 4));
  }

  /** One factor is no product; q too wide for n·2^q is refused. */
  @Test
  void arityOne_andHugeExponents_areRefused() {
    assertThatThrownBy(() -> FpFamilies.of("fp-prod", 4, 3, 1))
        .hasMessageContaining("--arity 2 or more");
    assertThatThrownBy(() -> FpFamilies.of("fp-prod", 4, 59, 4))
        .hasMessageContaining("n·2^q");
  }

  /** At n = 2^6 and 2^8 (p = 8; never built) sampled gates answer and point to gates. */
  @Test
  void sampledGates_atLargeArity_pointToGates() {
    for (int n : new int[] {1 << 6, 1 << 8}) {
      AddressedFamily f = FpFamilies.of("fp-prod", 8, 8, n);
      FamilyAssertions.sampledInputsAreGates(f, 5, 200);
      assertThat(f.gate(f.output(0)).type()).isEqualTo(GateType.OR);
    }
  }
}
