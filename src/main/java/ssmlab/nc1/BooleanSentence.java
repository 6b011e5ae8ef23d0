package ssmlab.nc1;

import java.util.List;

/**
 * Evaluates variable-free Boolean formulas (the Boolean formula value problem, paper Definitions
 * C.4-C.6) written as tokens {@code 0 1 ! & | ( )} in one of three forms.
 */
public final class BooleanSentence {

  /** How a formula is written. */
  public enum Form {
    /** Fully parenthesised infix (Definition C.4): 0 | 1 | (!a) | (a&b) | (a|b). */
    INFIX,
    /** Polish (prefix) notation: {@code ! a}, {@code & a b}, {@code | a b}. */
    PREFIX,
    /** Buss's postfix, longer operand first (Definition C.6): {@code a !}, {@code a b &}. */
    POSTFIX
  }

  private BooleanSentence() {}

  /** The value; throws {@link IllegalArgumentException} if the tokens are not a formula. */
  public static boolean evaluate(List<String> tokens, Form form) {
    return switch (form) {
      case INFIX -> infix(tokens);
      case PREFIX -> polish(tokens, true);
      case POSTFIX -> polish(tokens, false);
    };
  }

  /** Stack evaluation: ( pushes a mark, ) reduces (!a) or (a op b) to its value. */
  private static boolean infix(List<String> tokens) {
    int[] stack = new int[tokens.size() + 1];
    int sp = 0;
    final int open = 2;
    final int not = 3;
    final int and = 4;
    final int or = 5;
    for (String t : tokens) {
      switch (t) {
        case "0" -> stack[sp++] = 0;
        case "1" -> stack[sp++] = 1;
        case "(" -> stack[sp++] = open;
        case "!" -> stack[sp++] = not;
        case "&" -> stack[sp++] = and;
        case "|" -> stack[sp++] = or;
        case ")" -> {
          int v;
          if (sp >= 3 && stack[sp - 3] == open && stack[sp - 2] == not && stack[sp - 1] < 2) {
            v = 1 - stack[sp - 1];
            sp -= 3;
          } else if (sp >= 4 && stack[sp - 4] == open && stack[sp - 3] < 2
              && (stack[sp - 2] == and || stack[sp - 2] == or) && stack[sp - 1] < 2) {
            int a = stack[sp - 3];
            int b = stack[sp - 1];
            v = stack[sp - 2] == and ? a & b : a | b;
            sp -= 4;
          } else {
            throw notAFormula("unbalanced ')'");
          }
          stack[sp++] = v;
        }
        default -> throw notAFormula("unexpected '" + t + "'");
      }
    }
    if (sp != 1 || stack[0] >= 2) {
      throw notAFormula("incomplete");
    }
    return stack[0] == 1;
  }

  /** Prefix read backwards, postfix forwards: operands are pushed, operators pop them. */
  private static boolean polish(List<String> tokens, boolean prefix) {
    boolean[] stack = new boolean[tokens.size()];
    int[] sizes = new int[tokens.size()];
    int sp = 0;
    int n = tokens.size();
    for (int k = 0; k < n; k++) {
      String t = tokens.get(prefix ? n - 1 - k : k);
      switch (t) {
        case "0", "1" -> {
          sizes[sp] = 1;
          stack[sp++] = t.equals("1");
        }
        case "!" -> {
          if (sp < 1) {
            throw notAFormula("'!' without an operand");
          }
          stack[sp - 1] = !stack[sp - 1];
          sizes[sp - 1]++;
        }
        case "&", "|" -> {
          if (sp < 2) {
            throw notAFormula("'" + t + "' without two operands");
          }
          // postfix (Definition C.6): the first operand is at least as long as the second
          if (!prefix && sizes[sp - 2] < sizes[sp - 1]) {
            throw notAFormula("shorter operand first");
          }
          boolean v = t.equals("&") ? stack[sp - 1] & stack[sp - 2] : stack[sp - 1] | stack[sp - 2];
          sizes[sp - 2] += sizes[sp - 1] + 1;
          stack[sp - 2] = v;
          sp--;
        }
        default -> throw notAFormula("unexpected '" + t + "'");
      }
    }
    if (sp != 1) {
      throw notAFormula("incomplete");
    }
    return stack[0];
  }

  private static IllegalArgumentException notAFormula(String why) {
    return new IllegalArgumentException("not a Boolean formula: " + why);
  }
}
