package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FormulaParserTest {

  private static final BoolFormula X1 = new BoolFormula.Var(1);
  private static final BoolFormula X2 = new BoolFormula.Var(2);
  private static final BoolFormula X3 = new BoolFormula.Var(3);

  @Test
  void parse_andBindsTighterThanOr() {
    assertThat(FormulaParser.parse("x1 | x2 & x3"))
        .isEqualTo(new BoolFormula.Or(X1, new BoolFormula.And(X2, X3)));
  }

  @Test
  void parse_notBindsTighterThanAnd_wordsAndSymbolsAgree() {
    BoolFormula expected = new BoolFormula.And(new BoolFormula.Not(X1), X2);
    assertThat(FormulaParser.parse("!x1 & x2")).isEqualTo(expected);
    assertThat(FormulaParser.parse("not x1 and x2")).isEqualTo(expected);
  }

  @Test
  void parse_parenthesesAndConstants() {
    assertThat(FormulaParser.parse("(x1 or 0) and 1")).isEqualTo(new BoolFormula.And(
        new BoolFormula.Or(X1, BoolFormula.FALSE), BoolFormula.TRUE));
  }

  @Test
  void parse_leftAssociative() {
    assertThat(FormulaParser.parse("x1&x2&x3"))
        .isEqualTo(new BoolFormula.And(new BoolFormula.And(X1, X2), X3));
  }

  @Test
  void eval_handComputed() {
    BoolFormula f = FormulaParser.parse("x1 & !x2 | x3");
    assertThat(f.eval(new boolean[] {false, true, false, false})).isTrue();
    assertThat(f.eval(new boolean[] {false, true, true, false})).isFalse();
    assertThat(f.eval(new boolean[] {false, false, true, true})).isTrue();
  }

  @Test
  void parse_tooDeepOrTooLarge_throwsOneLine() {
    String deep = "(".repeat(2000) + "x1" + ")".repeat(2000);
    assertThatThrownBy(() -> FormulaParser.parse(deep))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested");
    String large = "x1" + " & x1".repeat(5000);
    assertThatThrownBy(() -> FormulaParser.parse(large))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x1 &", "(x1", "x1)", "x0", "y1", "x1 x2", "x1 ^ x2", "2"})
  void parse_malformed_throwsOneLine(String text) {
    assertThatThrownBy(() -> FormulaParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("formula does not parse")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
