package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

final class ProdFamilyTest {

  static Stream<Arguments> small() {
    List<Arguments> all = new ArrayList<>();
    for (int p = 1; p <= 8; p++) {
      for (int n = 1; n <= (p <= 4 ? 8 : 4); n++) {
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
}
