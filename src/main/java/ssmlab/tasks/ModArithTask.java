package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nc1.ArithmeticEvaluator;
import ssmlab.nc1.Semiring;

/**
 * Modular arithmetic without brackets (Deletang et al. 2023, "simple"): numbers 0..4 and
 * operators + - * alternating, {@code *} before {@code + -}; one label at the last number: the
 * value mod 5. Expressions have odd length; an even length gets one padding token.
 */
final class ModArithTask extends BaseTask {

  private static final Semiring Z5 = new Semiring.Zm(5);
  private static final String[] DIGITS = {"0", "1", "2", "3", "4"};
  private static final String[] OPS = {"+", "-", "*"};

  ModArithTask() {
    super("modarith", "value mod 5 of numbers 0..4 joined by + - * (no brackets)",
        TaskClass.REGULAR, withPad(List.of("0", "1", "2", "3", "4", "+", "-", "*")),
        Vocabulary.of(DIGITS));
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = length % 2 == 1 ? length : length - 1;
    List<String> out = new ArrayList<>(length);
    for (int i = 0; i < n; i++) {
      out.add(i % 2 == 0 ? DIGITS[rng.nextInt(5)] : OPS[rng.nextInt(3)]);
    }
    return padTo(out, length);
  }

  @Override
  public List<String> solve(List<String> input) {
    if (input.contains("(") || input.contains(")")) {
      throw invalid(name(), "brackets in a bracket-free expression");
    }
    return labelLast(input, e -> DIGITS[ArithmeticEvaluator.evaluate(e, Z5)]);
  }
}
