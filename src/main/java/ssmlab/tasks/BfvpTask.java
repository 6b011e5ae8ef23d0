package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ssmlab.nc1.BooleanSentence;
import ssmlab.nc1.BooleanSentence.Form;

/**
 * The Boolean formula value problem (paper, Definitions C.4-C.6; Buss 1987): a random
 * variable-free formula over 0, 1, !, &, |, one label at its last token, "1" iff it is true;
 * half the formulas are true.
 *
 * <p>The value is drawn first; each node then gets operand values that give its own (uniform
 * among the pairs that do), so the classes are balanced. Fully parenthesised infix has formulas of
 * every length except 2, 3 and 6 (those get the longest shorter formula and padding); prefix and
 * postfix reach every length.
 */
final class BfvpTask extends BaseTask {

  private static final double P_NOT = 0.25;

  private final Form form;

  BfvpTask(Form form) {
    super("bfvp", "value of a random variable-free Boolean formula ("
        + form.name().toLowerCase(Locale.ROOT) + "), balanced",
        TaskClass.NC1_COMPLETE, withPad(form == Form.INFIX
            ? List.of("0", "1", "!", "&", "|", "(", ")") : List.of("0", "1", "!", "&", "|")),
        Vocabulary.of("0", "1"));
    this.form = form;
  }

  /** Whether a fully parenthesised infix formula of exactly n tokens exists. */
  static boolean infixLength(int n) {
    return n == 1 || n == 4 || n == 5 || n >= 7;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = length;
    while (form == Form.INFIX && !infixLength(n)) {
      n--;
    }
    List<String> out = new ArrayList<>(length);
    emit(n, rng.nextBoolean(), rng, out);
    return padTo(out, length);
  }

  private void emit(int n, boolean value, SplittableRandom rng, List<String> out) {
    if (n == 1) {
      out.add(value ? "1" : "0");
      return;
    }
    boolean infix = form == Form.INFIX;
    int body = infix ? n - 3 : n - 1; // tokens left for the operands
    boolean canNot = !infix || infixLength(body);
    boolean canBinary = infix ? body >= 2 && splitInfix(body, rng) > 0 : body >= 2;
    if (canNot && (!canBinary || rng.nextDouble() < P_NOT)) {
      switch (form) {
        case INFIX -> {
          out.add("(");
          out.add("!");
          emit(body, !value, rng, out);
          out.add(")");
        }
        case PREFIX -> {
          out.add("!");
          emit(body, !value, rng, out);
        }
        case POSTFIX -> {
          emit(body, !value, rng, out);
          out.add("!");
        }
      }
      return;
    }
    int a = switch (form) {
      case INFIX -> splitInfix(body, rng);
      case PREFIX -> 1 + rng.nextInt(body - 1);
      case POSTFIX -> (body + 1) / 2 + rng.nextInt(body / 2); // the longer operand first
    };
    boolean and = rng.nextBoolean();
    // and = 1 needs (1, 1); and = 0 one of (0,0), (0,1), (1,0); or is the dual
    boolean x;
    boolean y;
    if (value == and) {
      x = value;
      y = value;
    } else {
      int r = rng.nextInt(3);
      x = r == 1 ? !value : value;
      y = r == 2 ? !value : value;
    }
    String op = and ? "&" : "|";
    switch (form) {
      case INFIX -> {
        out.add("(");
        emit(a, x, rng, out);
        out.add(op);
        emit(body - a, y, rng, out);
        out.add(")");
      }
      case PREFIX -> {
        out.add(op);
        emit(a, x, rng, out);
        emit(body - a, y, rng, out);
      }
      case POSTFIX -> {
        emit(a, x, rng, out);
        emit(body - a, y, rng, out);
        out.add(op);
      }
    }
  }

  /** A uniform split of {@code body} infix tokens into two formulas' lengths, 0 if none. */
  private static int splitInfix(int body, SplittableRandom rng) {
    for (int tries = 0; tries < 8; tries++) {
      int a = 1 + rng.nextInt(body - 1);
      if (infixLength(a) && infixLength(body - a)) {
        return a;
      }
    }
    for (int a = 1; a < body; a++) {
      if (infixLength(a) && infixLength(body - a)) {
        return a;
      }
    }
    return 0;
  }

  @Override
  public List<String> solve(List<String> input) {
    return labelLast(input, f -> BooleanSentence.evaluate(f, form) ? "1" : "0");
  }
}
