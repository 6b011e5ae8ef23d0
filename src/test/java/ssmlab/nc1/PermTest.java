package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

final class PermTest {

  @Test
  void parse_oneLineNotation_mapsPositionToDigit() {
    Perm p = Perm.parse("21345");
    assertThat(p.apply(1)).isEqualTo(2);
    assertThat(p.apply(2)).isEqualTo(1);
    assertThat(p.apply(5)).isEqualTo(5);
    assertThat(p.toString()).isEqualTo("21345");
  }

  @Test
  void then_appliesLeftFactorFirst() {
    // 14352 then 25134: 1->1->2, 2->4->3, 3->3->1, 4->5->4, 5->2->5
    assertThat(Perm.parse("14352").then(Perm.parse("25134")).toString()).isEqualTo("23145");
  }

  @Test
  void cycle_isOneLineOfTheCycle() {
    assertThat(Perm.cycle(5, 1, 2, 3, 4, 5).toString()).isEqualTo("23451");
    assertThat(Perm.cycle(5, 1, 3, 5, 4, 2).toString()).isEqualTo("31524");
  }

  @Test
  void commutator_ofBarringtonsCycles_isTheCycleInCircuitsMd() {
    // circuits.md section 4: (12345)(13542)(15432)(12453) = (13254), left to right
    Perm a = Perm.cycle(5, 1, 2, 3, 4, 5);
    Perm b = Perm.cycle(5, 1, 3, 5, 4, 2);
    Perm c = a.then(b).then(a.inverse()).then(b.inverse());
    assertThat(c).isEqualTo(Perm.cycle(5, 1, 3, 2, 5, 4));
    assertThat(a.inverse()).isEqualTo(Perm.cycle(5, 1, 5, 4, 3, 2));
  }

  @Test
  void all_hasKFactorialDistinctPermsAndHalfAreEven() {
    List<Perm> s5 = Perm.all(5);
    assertThat(s5).hasSize(120);
    assertThat(new HashSet<>(s5)).hasSize(120);
    assertThat(s5.stream().filter(Perm::isEven).count()).isEqualTo(60);
    assertThat(s5.stream().filter(Perm::isFullCycle).count()).isEqualTo(24);
    assertThat(s5.getFirst().isIdentity()).isTrue();
  }

  @Test
  void inverse_composesToIdentity() {
    for (Perm p : Perm.all(4)) {
      assertThat(p.then(p.inverse()).isIdentity()).as("%s", p).isTrue();
    }
  }

  @Test
  void parse_notAPermutation_throws() {
    assertThatThrownBy(() -> Perm.parse("11345")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Perm.parse("2134a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Perm.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
