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
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPAlgebra;

/** fp-floor: the windowed {@code FpOps.floor} gate for gate, and the floor of every float. */
final class FpFloorFamilyTest {

  static Stream<Arguments> formats() {
    List<Arguments> out = new ArrayList<>();
    for (int p = 2; p <= 8; p++) {
      for (int q = 5; q <= 8; q++) {
        out.add(Arguments.of(p, q));
      }
    }
    for (int[] pq : new int[][] {{18, 10}, {28, 10}, {53, 11}}) {
      out.add(Arguments.of(pq[0], pq[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "fp-floor p={0} q={1}")
  @MethodSource("formats")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q) {
    FamilyAssertions.checksFp("fp-floor", p, q, 1);
  }

  /** The circuit built from the queries alone floors every float at p = 3, q = 5, random at 8. */
  @Test
  void queryCircuit_floorsExactly() {
    for (int[] pq : new int[][] {{3, 5}, {8, 8}}) {
      FloatFormat f = FloatFormat.of(pq[0], pq[1]);
      AddressedFamily fam = FpFamilies.of("fp-floor", pq[0], pq[1], 1);
      Circuit c = FamilyCircuit.build(fam, FpWires.width(f)).build();
      List<FloatP> xs = FpCircuitTest.all(f);
      if (xs.size() > 600) {
        SplittableRandom r = new SplittableRandom(8);
        List<FloatP> some = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
          some.add(xs.get(r.nextInt(xs.size())));
        }
        xs = some;
      }
      for (FloatP x : xs) {
        assertThat(FamilyAssertions.evaluate(c, f, List.of(x))).as("floor " + x)
            .isEqualTo(FloatPAlgebra.INSTANCE.floor(x));
      }
    }
  }

  @Test
  void inputIndex_findsEveryInput() {
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-floor", 4, 5, 1));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-floor", 8, 8, 1));
  }

  @Test
  void badAddressesAndFormats_areRefusedInOneLine() {
    AddressedFamily f = FpFamilies.of("fp-floor", 4, 5, 1);
    FamilyAssertions.refused(f, -1, 1L << f.addressBits(),
        FamilyAssertions.at(f, 4, 2, 0, 3, 0, 1),
        FamilyAssertions.at(f, 4, 2, 0, 10, 0, 0),
        FamilyAssertions.at(f, 4, 10, 0, 1, 11, 0),
        FamilyAssertions.at(f, 4, 11, 0, 0, 0, 0));
    assertThatThrownBy(() -> FpFamilies.of("fp-floor", 8, 4, 1))
        .hasMessageContaining("--exponent-bits >= 5");
  }

  @Test
  void sampledGates_atLargeP_pointToGates() {
    FamilyAssertions.sampledInputsAreGates(FpFamilies.of("fp-floor", 1 << 12, 14, 1), 3, 2000);
  }
}
