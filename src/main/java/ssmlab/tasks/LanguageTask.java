package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Next-symbol prediction over a formal language (Bhattamishra et al. 2020; Sarrof et al. 2024):
 * the input is a word of the language, the target at position i the set of symbols allowed after
 * the first i, written {@code "{a,b,$}"}: symbols in vocabulary order, {@code $} for the end.
 * Words are as long as asked when the language has a word of that length, else the longest
 * shorter one padded with {@link Vocabulary#PAD}.
 */
final class LanguageTask extends BaseTask {

  private final Language language;
  private final String[] labels; // by mask; null where no prefix has that mask

  LanguageTask(String name, String description, TaskClass taskClass, Language language) {
    super(name, description, taskClass, withPad(language.symbols()),
        new Vocabulary(labelList(language)));
    this.language = language;
    this.labels = new String[Language.end(language.symbols().size()) * 2];
    for (int mask : language.masks()) {
      labels[mask] = label(language.symbols(), mask);
    }
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    return padTo(new ArrayList<>(language.generate(length, rng)), length);
  }

  @Override
  public List<String> solve(List<String> input) {
    int n = unpaddedLength(input);
    List<String> target = unlabelled(input.size());
    Language.Scanner s = language.scanner();
    int mask = Language.end(language.symbols().size());
    for (int i = 0; i < n; i++) {
      mask = s.read(input.get(i));
      String label = labels[mask];
      if (label == null) {
        throw new AssertionError(name() + ": mask " + mask + " missing from the vocabulary");
      }
      target.set(i, label);
    }
    if ((mask & Language.end(language.symbols().size())) == 0) {
      throw invalid(name(), "the input is not a word of the language");
    }
    return target;
  }

  /** E.g. {@code "{(,),$}"}. */
  static String label(List<String> symbols, int mask) {
    var sb = new StringBuilder("{");
    for (int i = 0; i <= symbols.size(); i++) {
      if ((mask >> i & 1) != 0) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(i == symbols.size() ? "$" : symbols.get(i));
      }
    }
    return sb.append('}').toString();
  }

  private static List<String> labelList(Language language) {
    List<String> out = new ArrayList<>();
    for (int mask : language.masks().stream().sorted().toList()) {
      out.add(label(language.symbols(), mask));
    }
    return out;
  }

  static IllegalArgumentException notAllowed(String symbol) {
    return new IllegalArgumentException("not a word of the language: '" + symbol
        + "' cannot follow the prefix");
  }
}
