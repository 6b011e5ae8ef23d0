package ssmlab.fp;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates an arithmetic expression in a format, each operation rounding once: decimal literals
 * (rounded once each), unary minus, {@code + - * /}, parentheses, the functions {@code exp log
 * sqrt sigmoid softplus silu floor}, and {@code sum(...)}/{@code prod(...)} as iterated
 * operations with one rounding.
 *
 * <p>Grammar: {@code expr = term (('+'|'-') term)*; term = unary (('*'|'/') unary)*;
 * unary = ('-'|'+') unary | atom; atom = number | '(' expr ')' | name '(' args ')'}.
 * A bad expression or an arithmetic error throws {@link IllegalArgumentException} whose message
 * names the 1-based position. Parentheses and function calls nest at most {@link #MAX_NESTING}
 * deep (checked before descending, so no input can exhaust the stack); unary signs are read in
 * a loop and do not nest.
 */
public final class FpExpression {
  /** The deepest nesting of parentheses and function calls an expression may have. */
  public static final int MAX_NESTING = 1000;

  private final FloatFormat f;
  private final String s;
  private int pos;
  private int depth;

  private FpExpression(FloatFormat f, String s) {
    this.f = f;
    this.s = s;
  }

  /** The value of {@code text} in format {@code f}. */
  public static FloatP evaluate(FloatFormat f, String text) {
    var parser = new FpExpression(f, text);
    parser.skipSpace();
    if (parser.pos == text.length()) {
      throw new IllegalArgumentException("empty expression");
    }
    FloatP v = parser.expr();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
    }
    return v;
  }

  private FloatP expr() {
    FloatP v = term();
    while (true) {
      skipSpace();
      int at = pos;
      if (eat('+')) {
        FloatP w = term();
        FloatP a = v;
        v = apply(at, () -> f.add(a, w));
      } else if (eat('-')) {
        FloatP w = term();
        FloatP a = v;
        v = apply(at, () -> f.subtract(a, w));
      } else {
        return v;
      }
    }
  }

  private FloatP term() {
    FloatP v = unary();
    while (true) {
      skipSpace();
      int at = pos;
      if (eat('*')) {
        FloatP w = unary();
        FloatP a = v;
        v = apply(at, () -> f.multiply(a, w));
      } else if (eat('/')) {
        FloatP w = unary();
        FloatP a = v;
        v = apply(at, () -> f.divide(a, w));
      } else {
        return v;
      }
    }
  }

  private FloatP unary() {
    boolean negative = false;
    skipSpace();
    while (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      negative ^= s.charAt(pos++) == '-';
      skipSpace();
    }
    FloatP v = atom();
    return negative ? f.negate(v) : v;
  }

  private FloatP atom() {
    skipSpace();
    if (pos >= s.length()) {
      throw error("expected a number, '(' or a function");
    }
    char c = s.charAt(pos);
    if (eat('(')) {
      descend();
      FloatP v = expr();
      expect(')');
      depth--;
      return v;
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c)) {
      return call();
    }
    throw error("unexpected '" + c + "'");
  }

  private FloatP number() {
    int start = pos;
    while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String literal = s.substring(start, pos);
    if (literal.chars().filter(ch -> ch == '.').count() > 1 || literal.equals(".")) {
      throw error(start, "bad number '" + literal + "'");
    }
    return apply(start, () -> f.parse(literal));
  }

  private FloatP call() {
    int start = pos;
    while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
      pos++;
    }
    String name = s.substring(start, pos);
    skipSpace();
    if (!eat('(')) {
      throw error("expected '(' after " + name);
    }
    descend();
    List<FloatP> args = new ArrayList<>();
    skipSpace();
    if (!eat(')')) {
      do {
        args.add(expr());
        skipSpace();
      } while (eat(','));
      expect(')');
    }
    depth--;
    return apply(start, () -> switch (name) {
      case "sum" -> f.iteratedSum(args);
      case "prod" -> f.iteratedProduct(args);
      case "exp" -> f.exp(one(name, args));
      case "log" -> f.log(one(name, args));
      case "sqrt" -> f.sqrt(one(name, args));
      case "sigmoid" -> f.sigmoid(one(name, args));
      case "softplus" -> f.softplus(one(name, args));
      case "silu" -> f.silu(one(name, args));
      case "floor" -> f.floor(one(name, args));
      default -> throw new IllegalArgumentException("unknown function '" + name + "'");
    });
  }

  private static FloatP one(String name, List<FloatP> args) {
    if (args.size() != 1) {
      throw new IllegalArgumentException(name + " takes one argument, got " + args.size());
    }
    return args.get(0);
  }

  private interface Op {
    FloatP get();
  }

  /** Runs an operation, reporting its failure at the operator's position. */
  private FloatP apply(int at, Op op) {
    try {
      return op.get();
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private void descend() {
    if (++depth > MAX_NESTING) {
      throw error(pos - 1, "parentheses and calls nest more than " + MAX_NESTING + " deep");
    }
  }

  private void expect(char c) {
    skipSpace();
    if (!eat(c)) {
      throw error(pos < s.length() ? "expected '" + c + "', found '" + s.charAt(pos) + "'"
          : "expected '" + c + "' at the end");
    }
  }

  private boolean eat(char c) {
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return error(pos, message);
  }

  private IllegalArgumentException error(int at, String message) {
    if (message != null && message.startsWith("position ")) {
      return new IllegalArgumentException(message);
    }
    return new IllegalArgumentException("position " + (at + 1) + ": " + message);
  }
}
