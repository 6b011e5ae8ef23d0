package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FamilyCheckTest {
  @Test
  void smoke() {
    for (String op : IntFamilies.OPS) {
      for (int p = 1; p <= 6; p++) {
        for (int n = 1; n <= 9; n++) {
          FamilyCheck c = FamilyCheck.run(op, p, n);
          assertThat(c.firstDifference()).as(op + " p=" + p + " n=" + n).isNull();
        }
      }
    }
  }
}
