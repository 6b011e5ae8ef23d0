package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

final class EvaluatorsTest {

  private static List<String> tokens(String s) {
    return Arrays.asList(s.split(" "));
  }

  private static final Semiring Z5 = new Semiring.Zm(5);

  @Test
  void arithmetic_precedenceAndAssociativity_handComputed() {
    assertThat(ArithmeticEvaluator.evaluate(tokens("2 + 3 * 4"), Z5)).isEqualTo(4); // 14
    assertThat(ArithmeticEvaluator.evaluate(tokens("( 2 + 3 ) * 4"), Z5)).isZero(); // 20
    assertThat(ArithmeticEvaluator.evaluate(tokens("3 - 4 - 1"), Z5)).isEqualTo(3); // -2
    assertThat(ArithmeticEvaluator.evaluate(tokens("4 * 4 * 4"), Z5)).isEqualTo(4); // 64
    assertThat(ArithmeticEvaluator.evaluate(tokens("10 * 7"), new Semiring.Zm(11)))
        .isEqualTo(4); // 70 = 6*11 + 4
  }

  @Test
  void arithmetic_booleanSemiring_isOrAndAnd() {
    Semiring b = new Semiring.Bool();
    assertThat(ArithmeticEvaluator.evaluate(tokens("1 * 0 + 1"), b)).isEqualTo(1);
    assertThat(ArithmeticEvaluator.evaluate(tokens("1 * ( 0 + 0 )"), b)).isZero();
    assertThatThrownBy(() -> ArithmeticEvaluator.evaluate(tokens("1 - 0"), b))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmetic_malformed_throws() {
    for (String s : List.of("2 +", "( 2", "2 )", "5", "+ 2", "2 2")) {
      assertThatThrownBy(() -> ArithmeticEvaluator.evaluate(tokens(s), Z5)).as(s)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void booleanSentence_infix_handComputed() {
    assertThat(BooleanSentence.evaluate(tokens("( ( ! 0 ) & ( 1 | 0 ) )"),
        BooleanSentence.Form.INFIX)).isTrue();
    assertThat(BooleanSentence.evaluate(tokens("( 1 & ( ! 1 ) )"),
        BooleanSentence.Form.INFIX)).isFalse();
    assertThat(BooleanSentence.evaluate(tokens("1"), BooleanSentence.Form.INFIX)).isTrue();
  }

  @Test
  void booleanSentence_prefixAndPostfix_handComputed() {
    // (!0) & (1 | 0) = 1; and 1 & !1 = 0
    assertThat(BooleanSentence.evaluate(tokens("& ! 0 | 1 0"), BooleanSentence.Form.PREFIX))
        .isTrue();
    assertThat(BooleanSentence.evaluate(tokens("& 1 ! 1"), BooleanSentence.Form.PREFIX))
        .isFalse();
    assertThat(BooleanSentence.evaluate(tokens("1 0 | 0 ! &"), BooleanSentence.Form.POSTFIX))
        .isTrue();
    assertThat(BooleanSentence.evaluate(tokens("1 ! 1 &"), BooleanSentence.Form.POSTFIX))
        .isFalse();
  }

  @Test
  void booleanSentence_postfixShorterOperandFirst_isNotBussForm() {
    assertThatThrownBy(() -> BooleanSentence.evaluate(tokens("1 1 ! &"),
        BooleanSentence.Form.POSTFIX)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void booleanSentence_malformed_throws() {
    for (String s : List.of("( 1 & 0", "1 & 0", "( 1 )", "( ! 1 0 )", ") 1 (")) {
      assertThatThrownBy(() -> BooleanSentence.evaluate(tokens(s), BooleanSentence.Form.INFIX))
          .as(s).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
