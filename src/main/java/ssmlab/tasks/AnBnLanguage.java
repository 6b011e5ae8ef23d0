package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** a^n b^n, n >= 0: the counter language of Bhattamishra et al. 2020 and Sarrof et al. 2024. */
final class AnBnLanguage implements Language {

  private static final List<String> SYMBOLS = List.of("a", "b");
  private static final int A = 1;
  private static final int B = 2;
  private static final int END = Language.end(2);

  @Override
  public List<String> symbols() {
    return SYMBOLS;
  }

  @Override
  public List<String> generate(int maxLength, SplittableRandom rng) {
    int n = maxLength / 2;
    List<String> out = new ArrayList<>(2 * n);
    for (int i = 0; i < n; i++) {
      out.add("a");
    }
    for (int i = 0; i < n; i++) {
      out.add("b");
    }
    return out;
  }

  @Override
  public Scanner scanner() {
    int[] ab = new int[2];
    return symbol -> {
      switch (symbol) {
        case "a" -> {
          if (ab[1] > 0) {
            throw LanguageTask.notAllowed(symbol);
          }
          ab[0]++;
        }
        case "b" -> {
          if (ab[1] == ab[0]) {
            throw LanguageTask.notAllowed(symbol);
          }
          ab[1]++;
        }
        default -> throw LanguageTask.notAllowed(symbol);
      }
      if (ab[1] == 0) {
        return A | B;
      }
      return ab[1] < ab[0] ? B : END;
    };
  }

  @Override
  public List<Integer> masks() {
    return List.of(A | B, B, END);
  }
}
