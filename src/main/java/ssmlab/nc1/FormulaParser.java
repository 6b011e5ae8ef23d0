package ssmlab.nc1;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Boolean formulas with variables: {@code x1, x2, ...}, {@code 0}, {@code 1}, {@code !} or
 * {@code not}, {@code &} or {@code and}, {@code |} or {@code or}, parentheses; precedence not >
 * and > or, and/or associate to the left.
 *
 * <p>Recursive descent over: or := and ('|' and)*; and := unary ('&' unary)*; unary := '!' unary
 * | atom; atom := var | 0 | 1 | '(' or ')'. Formulas are limited to {@link #MAX_LEAVES} variables
 * and constants and {@link #MAX_NESTING} nested parentheses or negations.
 */
public final class FormulaParser {

  public static final int MAX_LEAVES = 4096;
  public static final int MAX_NESTING = 1000;

  private final List<String> tokens;
  private final String text;
  private int pos;
  private int nesting;

  private FormulaParser(String text, List<String> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} with a one-line reason. */
  public static BoolFormula parse(String text) {
    var p = new FormulaParser(text, tokenize(text));
    if (p.tokens.isEmpty()) {
      throw p.error("empty formula");
    }
    long leaves = p.tokens.stream().filter(t -> "()!&|".indexOf(t.charAt(0)) < 0).count();
    if (leaves > MAX_LEAVES) {
      throw new IllegalArgumentException("formula too large: " + leaves
          + " variables and constants (at most " + MAX_LEAVES + ")");
    }
    BoolFormula f = p.or();
    if (p.pos < p.tokens.size()) {
      throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
    }
    return f;
  }

  private BoolFormula or() {
    BoolFormula f = and();
    while (accept("|")) {
      f = new BoolFormula.Or(f, and());
    }
    return f;
  }

  private BoolFormula and() {
    BoolFormula f = unary();
    while (accept("&")) {
      f = new BoolFormula.And(f, unary());
    }
    return f;
  }

  private BoolFormula unary() {
    if (++nesting > MAX_NESTING) {
      throw error("more than " + MAX_NESTING + " nested parentheses or negations");
    }
    try {
      return unaryBody();
    } finally {
      nesting--;
    }
  }

  private BoolFormula unaryBody() {
    if (accept("!")) {
      return new BoolFormula.Not(unary());
    }
    if (pos >= tokens.size()) {
      throw error("unexpected end");
    }
    String t = tokens.get(pos++);
    switch (t) {
      case "(" -> {
        BoolFormula f = or();
        if (!accept(")")) {
          throw error("missing ')'");
        }
        return f;
      }
      case "0" -> {
        return BoolFormula.FALSE;
      }
      case "1" -> {
        return BoolFormula.TRUE;
      }
      default -> {
        if (t.length() > 1 && t.charAt(0) == 'x' && t.substring(1).chars().allMatch(
            Character::isDigit) && t.length() < 10 && Integer.parseInt(t.substring(1)) >= 1) {
          return new BoolFormula.Var(Integer.parseInt(t.substring(1)));
        }
        throw error("unexpected '" + t + "'");
      }
    }
  }

  private boolean accept(String t) {
    if (pos < tokens.size() && tokens.get(pos).equals(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException("formula does not parse: " + why + " in \"" + text + "\"");
  }

  /** Splits into symbols and words; the words not, and, or become ! & |. */
  static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()!&|".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
          j++;
        }
        String w = text.substring(i, j);
        out.add(switch (w) {
          case "not" -> "!";
          case "and" -> "&";
          case "or" -> "|";
          default -> w;
        });
        i = j;
      } else {
        throw new IllegalArgumentException(
            "formula does not parse: unexpected '" + c + "' in \"" + text + "\"");
      }
    }
    return out;
  }
}
