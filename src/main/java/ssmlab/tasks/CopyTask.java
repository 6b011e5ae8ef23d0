package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Copying (Jelassi et al. 2024) and reversing (Deletang et al. 2023): a random string s of n
 * symbols, the separator {@code |}, then s again (or reversed); next-token targets on the answer
 * only: the separator's target is the answer's first symbol, each answer symbol's target the one
 * after it, and the last one's the end {@code .}. Inputs have 2n + 1 tokens; an even length gets
 * one padding token.
 */
final class CopyTask extends BaseTask {

  static final String SEPARATOR = "|";
  static final String END = ".";

  private final boolean reverse;
  private final List<String> symbols;

  CopyTask(String name, boolean reverse, int vocab) {
    super(name, reverse ? "a random string, |, then the string reversed"
        : "a random string, |, then the string again",
        reverse ? TaskClass.CONTEXT_FREE : TaskClass.CONTEXT_SENSITIVE,
        withPad(with(letters(vocab), SEPARATOR)), new Vocabulary(with(letters(vocab), END)));
    this.reverse = reverse;
    this.symbols = letters(vocab);
  }

  /** The first {@code vocab} lowercase letters. */
  static List<String> letters(int vocab) {
    List<String> out = new ArrayList<>(vocab);
    for (int i = 0; i < vocab; i++) {
      out.add(String.valueOf((char) ('a' + i)));
    }
    return out;
  }

  static List<String> with(List<String> list, String extra) {
    List<String> out = new ArrayList<>(list);
    out.add(extra);
    return out;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = (length - 1) / 2;
    List<String> out = new ArrayList<>(length);
    for (int i = 0; i < n; i++) {
      out.add(symbols.get(rng.nextInt(symbols.size())));
    }
    out.add(SEPARATOR);
    for (int i = 0; i < n; i++) {
      out.add(out.get(reverse ? n - 1 - i : i));
    }
    return padTo(out, length);
  }

  @Override
  public List<String> solve(List<String> input) {
    int total = unpaddedLength(input);
    if (total % 2 == 0) {
      throw invalid(name(), "an even number of tokens before the padding");
    }
    int n = total / 2;
    if (!input.get(n).equals(SEPARATOR)) {
      throw invalid(name(), "no separator at position " + n);
    }
    List<String> target = unlabelled(input.size());
    for (int i = 0; i < n; i++) {
      String s = input.get(reverse ? n - 1 - i : i);
      if (!symbols.contains(s)) {
        throw invalid(name(), "'" + s + "' is not a symbol");
      }
      if (!input.get(n + 1 + i).equals(s)) {
        throw invalid(name(), "the answer differs from the string at " + (n + 1 + i));
      }
      target.set(n + i, s);
    }
    target.set(2 * n, END);
    return target;
  }
}
