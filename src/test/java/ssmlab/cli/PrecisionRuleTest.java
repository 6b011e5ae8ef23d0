package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PrecisionRuleTest {

  @ParameterizedTest(name = "{0} at n = {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "4*log2; 1; 0", "4*log2; 2; 4", "4*log2; 16; 16", "4*log2; 17; 20",
      "2*log2+4; 8; 10", "4 + 2 * log2; 8; 10", "log2+3; 5; 6", "log2*3; 4; 6",
      "2*ceil(log2(n))+1; 4; 5", "3*log2(n)-1; 2; 2", "log2n+log2; 8; 6"})
  void log2Rule_bitsAtN(String rule, int n, int bits) {
    assertThat(PrecisionRule.parse("--precision-rule", rule).at(n)).isEqualTo(bits);
  }

  @Test
  void pairs_bitsOfEachListedLength_andTheLengthsSorted() {
    PrecisionRule r = PrecisionRule.parse("--precision-rule", "8:10, 2:6,4:8");
    assertThat(r.at(2)).isEqualTo(6);
    assertThat(r.at(8)).isEqualTo(10);
    assertThat(r.lengths()).isEqualTo(List.of(2, 4, 8));
    assertThat(r).hasToString("2:6,4:8,8:10");
    assertThatThrownBy(() -> r.at(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--precision-rule has no value for n = 3 (it lists n = 2, 4, 8)");
  }

  @Test
  void log2Rule_namesNoLengths_andPrintsItsFormula() {
    PrecisionRule r = PrecisionRule.parse("--exponent-rule", "2*log2+4");
    assertThat(r.lengths()).isEmpty();
    assertThat(r).hasToString("2*ceil(log2 n)+4");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "4*log", "log3", "4", "4+", "+log2", "4*log2+", "2**log2",
      "4log2", "x", "2:6,2:7", "2:6,4", "0:6", "2:0", "2:-1", "2:6,,4:8", "a:b", "2:6:7",
      "1001*log2", "99999999999*log2"})
  void badRule_isOneLineThatNamesTheOptionAndTheSyntax(String rule) {
    assertThatThrownBy(() -> PrecisionRule.parse("--precision-rule", rule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--precision-rule ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
