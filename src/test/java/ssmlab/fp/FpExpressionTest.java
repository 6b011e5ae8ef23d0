package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The expression language: precedence, literals, functions, and errors with positions. */
final class FpExpressionTest {
  private static final FloatFormat F53 = FloatFormat.of(53, 11);

  private static double eval(String s) {
    return FpExpression.evaluate(F53, s).toDouble();
  }

  @Test
  void arithmetic_followsPrecedenceAndRoundsEachStep() {
    assertThat(eval("1 + 2 * 3")).isEqualTo(7.0);
    assertThat(eval("(1 + 2) * 3")).isEqualTo(9.0);
    assertThat(eval("-2 - -3")).isEqualTo(1.0);
    assertThat(eval("1 / 3")).isEqualTo(1.0 / 3);
    assertThat(eval("0.1 + 0.2")).isEqualTo(0.1 + 0.2);
    assertThat(eval("1.5e-07 * 2E+3")).isEqualTo(1.5e-07 * 2e3);
    assertThat(eval("8 / 2 / 2")).isEqualTo(2.0);
  }

  @Test
  void functions_evaluate() {
    assertThat(eval("sqrt(2)")).isEqualTo(Math.sqrt(2));
    assertThat(eval("floor(-2.5)")).isEqualTo(-3.0);
    assertThat(eval("exp(0) + log(1)")).isEqualTo(1.0);
    assertThat(eval("sigmoid(0)")).isEqualTo(0.5);
    assertThat(eval("silu(0)")).isEqualTo(0.0);
    assertThat(eval("softplus(0)")).isEqualTo(Math.log(2));
    assertThat(eval("sum(1e16, 1, 1, -1e16)")).isEqualTo(2.0);
    assertThat(eval("1e16 + 1 + 1 - 1e16")).isEqualTo(0.0);
    assertThat(eval("prod(2, 3, 0.5)")).isEqualTo(3.0);
    assertThat(eval("sum()")).isEqualTo(0.0);
  }

  @Test
  void errors_nameThePosition() {
    assertThatThrownBy(() -> eval("1 + ")).hasMessageStartingWith("position 5:");
    assertThatThrownBy(() -> eval("1 + (2")).hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> eval("2 $ 3")).hasMessage("position 3: unexpected '$'");
    assertThatThrownBy(() -> eval("1 / 0")).hasMessage("position 3: division by zero");
    assertThatThrownBy(() -> eval("2 * log(-1)"))
        .hasMessage("position 5: log of a non-positive number");
    assertThatThrownBy(() -> eval("cos(1)")).hasMessage("position 1: unknown function 'cos'");
    assertThatThrownBy(() -> eval("exp(1, 2)")).hasMessageContaining("one argument");
    assertThatThrownBy(() -> eval("1.2.3")).hasMessageStartingWith("position 1: bad number");
    assertThatThrownBy(() -> eval("   ")).hasMessage("empty expression");
    assertThatThrownBy(() -> eval("sqrt 2")).hasMessageContaining("expected '(' after sqrt");
  }
}
