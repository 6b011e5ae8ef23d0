package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

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

/** fp-cmp: {@code FpOps.lessThan} and {@code FpOps.equal} gate for gate, and both exact. */
final class FpCmpFamilyTest {

  static Stream<Arguments> formats() {
    List<Arguments> out = new ArrayList<>();
    for (int p = 2; p <= 8; p++) {
      for (int q = 1; q <= 8; q++) {
        out.add(Arguments.of(p, q));
      }
    }
    for (int[] pq : new int[][] {{24, 8}, {28, 10}, {53, 11}, {3, 61}}) {
      out.add(Arguments.of(pq[0], pq[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "fp-cmp p={0} q={1}")
  @MethodSource("formats")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q) {
    FamilyAssertions.checksFp("fp-cmp", p, q, 2);
  }

  /** The circuit built from the queries alone: every pair at p = 3, q = 2, random at p = 8. */
  @Test
  void queryCircuit_comparesExactly() {
    for (int[] pq : new int[][] {{3, 2}, {8, 8}}) {
      FloatFormat f = FloatFormat.of(pq[0], pq[1]);
      int width = FpWires.width(f);
      Circuit c = FamilyCircuit.build(FpFamilies.of("fp-cmp", pq[0], pq[1], 2), 2 * width)
          .build();
      List<FloatP> xs = FpCircuitTest.all(f);
      SplittableRandom r = new SplittableRandom(5);
      int cases = xs.size() <= 65 ? xs.size() * xs.size() : 4000;
      for (int t = 0; t < cases; t++) {
        FloatP x = cases < 4000 ? xs.get(t / xs.size()) : xs.get(r.nextInt(xs.size()));
        FloatP y = cases < 4000 ? xs.get(t % xs.size())
            : r.nextInt(8) == 0 ? x : xs.get(r.nextInt(xs.size()));
        boolean[] out = FamilyAssertions.outputs(c, List.of(x, y));
        assertThat(out[0]).as(x + " < " + y).isEqualTo(x.compareTo(y) < 0);
        assertThat(out[1]).as(x + " = " + y).isEqualTo(x.compareTo(y) == 0);
      }
    }
  }

  @Test
  void inputIndex_findsEveryInput() {
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-cmp", 4, 3, 2));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-cmp", 8, 8, 2));
  }

  @Test
  void badAddresses_areRefusedInOneLine() {
    AddressedFamily f = FpFamilies.of("fp-cmp", 4, 3, 2);
    FamilyAssertions.refused(f, -1, 1L << f.addressBits(),
        FamilyAssertions.at(f, 4, 3, 0, 9, 0, 0),
        FamilyAssertions.at(f, 4, 6, 0, 6, 0, 0),
        FamilyAssertions.at(f, 4, 1, 0, 1, 4, 0),
        FamilyAssertions.at(f, 4, 4, 0, 3, 8, 0),
        FamilyAssertions.at(f, 4, 10, 0, 0, 0, 0));
  }

  @Test
  void sampledGates_atLargeP_pointToGates() {
    FamilyAssertions.sampledInputsAreGates(FpFamilies.of("fp-cmp", 1 << 16, 20, 2), 4, 2000);
  }
}
