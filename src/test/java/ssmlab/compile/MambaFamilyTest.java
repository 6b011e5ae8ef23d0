package ssmlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

final class MambaFamilyTest {

  @ParameterizedTest(name = "{0}, eigenvalues {1}, d_conv {2}, layers {3}, p={4}, q={5}, n<={6}")
  @CsvSource({"unrolled, '0,1', 2, 1, 4, 3, 4", "unrolled, '-1,1', 1, 2, 3, 5, 2",
      "sequential, '0,1', 2, 1, 4, 3, 3"})
  void everyGate_agreesWithTheVerbatimBuild(String form, String ev, int dConv, int layers,
      int p, int q, int longest) {
    checkUpTo(form, ev, dConv, layers, p, q, 1, longest);
  }

  /** The sizes: n = 2..8 (about 4·10^6 gates at n = 8 for the first). */
  @ParameterizedTest(name = "{0}, eigenvalues {1}, d_conv {2}, layers {3}, p={4}, q={5}")
  @Tag("slow")
  @CsvSource({"unrolled, '0,1', 2, 1, 4, 3", "unrolled, '-1,1', 1, 2, 3, 5"})
  void everyGate_agreesUpToLength8(String form, String ev, int dConv, int layers, int p,
      int q) {
    checkUpTo(form, ev, dConv, layers, p, q, 5, 8);
  }

  private static void checkUpTo(String form, String ev, int dConv, int layers, int p, int q,
      int from, int to) {
    MambaWeights w = MambaCircuitTest.tiny(ev, dConv, layers);
    ScanForm f = ScanForm.parse(form);
    FloatFormat format = FloatFormat.of(p, q);
    for (int n = from; n <= to; n++) {
      MambaFamily family = MambaFamily.of("tiny", w, format, Functions.TABLE, f, n);
      MambaFamilyCheck c = MambaFamilyCheck.run(family, w, format, Functions.TABLE, f, n, 8);
      assertThat(c.firstDifference()).as("n = %d", n).isNull();
      assertThat(c.agreement().gatesChecked()).isEqualTo(c.verbatimGates());
      assertThat(c.verified()).isEqualTo(8);
    }
  }

  @Test
  void queriesBeyondWhatIsBuilt_answerAndBadAddressesAreRefused() {
    MambaWeights w = MambaCircuitTest.tiny("0,1", 2, 1);
    MambaFamily family = MambaFamily.of("tiny", w, FloatFormat.of(4, 3), Functions.TABLE,
        ScanForm.UNROLLED, 64);
    var rnd = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      long a = family.sample(rnd);
      var g = family.gate(a);
      for (int j = 0; j < g.fanIn(); j++) {
        assertThat(family.gate(g.input(j)).address()).isEqualTo(g.input(j));
        assertThat(family.inputIndex(a, g.input(j))).isBetween(0, j);
      }
    }
    assertThatThrownBy(() -> family.gate(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> family.gate(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
