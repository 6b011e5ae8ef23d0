package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
}
