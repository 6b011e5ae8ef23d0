package ssmlab.nc1;

import java.util.List;

/**
 * Evaluates an arithmetic formula over a {@link Semiring} written as tokens: constants
 * {@code "0".."size-1"}, {@code + - *}, parentheses; {@code *} binds tighter than {@code + -},
 * all associate to the left (paper, Definition C.2, variable-free).
 *
 * <p>Recursive descent: expr := term (('+' | '-') term)*; term := factor ('*' factor)*;
 * factor := constant | '(' expr ')'.
 */
public final class ArithmeticEvaluator {

  private final List<String> tokens;
  private final Semiring ring;
  private int pos;

  private ArithmeticEvaluator(List<String> tokens, Semiring ring) {
    this.tokens = tokens;
    this.ring = ring;
  }

  /** The value; throws {@link IllegalArgumentException} if the tokens are not a formula. */
  public static int evaluate(List<String> tokens, Semiring ring) {
    var e = new ArithmeticEvaluator(tokens, ring);
    int v = e.expr();
    if (e.pos != tokens.size()) {
      throw e.error("unexpected '" + tokens.get(e.pos) + "'");
    }
    return v;
  }

  private int expr() {
    int v = term();
    while (pos < tokens.size()) {
      String t = tokens.get(pos);
      if (t.equals("+") || t.equals("-") && ring.hasSubtraction()) {
        pos++;
        v = ring.apply(t.charAt(0), v, term());
      } else {
        break;
      }
    }
    return v;
  }

  private int term() {
    int v = factor();
    while (pos < tokens.size() && tokens.get(pos).equals("*")) {
      pos++;
      v = ring.multiply(v, factor());
    }
    return v;
  }

  private int factor() {
    if (pos >= tokens.size()) {
      throw error("unexpected end");
    }
    String t = tokens.get(pos++);
    if (t.equals("(")) {
      int v = expr();
      if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
        throw error("missing ')'");
      }
      pos++;
      return v;
    }
    int c = constant(t);
    if (c < 0) {
      throw error("unexpected '" + t + "'");
    }
    return c;
  }

  private int constant(String t) {
    if (t.isEmpty() || t.length() > 9) {
      return -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (!Character.isDigit(t.charAt(i))) {
        return -1;
      }
    }
    if (t.length() > 9) {
      return -1;
    }
    int c = Integer.parseInt(t);
    return c < ring.size() && (t.length() == 1 || t.charAt(0) != '0') ? c : -1;
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException(
        "not an arithmetic formula over " + ring.name() + ": " + why + " at token " + pos);
  }
}
