package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The common shape of a task: a generator of inputs, and the solver that labels them, so every
 * sample's targets come from the exact solver.
 */
abstract class BaseTask implements Task {

  private final String name;
  private final String description;
  private final TaskClass taskClass;
  private final Vocabulary inputVocabulary;
  private final Vocabulary targetVocabulary;

  BaseTask(String name, String description, TaskClass taskClass, Vocabulary inputVocabulary,
      Vocabulary targetVocabulary) {
    this.name = name;
    this.description = description;
    this.taskClass = taskClass;
    this.inputVocabulary = inputVocabulary;
    this.targetVocabulary = targetVocabulary;
  }

  /** An input of exactly {@code length} tokens, padded with {@link Vocabulary#PAD} if needed. */
  abstract List<String> generate(int length, SplittableRandom rng);

  @Override
  public final Sample sample(int length, SplittableRandom rng) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + length);
    }
    List<String> input = generate(length, rng);
    assert input.size() == length : name + " generated " + input.size() + " tokens for " + length;
    return new Sample(input, solve(input));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public TaskClass taskClass() {
    return taskClass;
  }

  @Override
  public Vocabulary inputVocabulary() {
    return inputVocabulary;
  }

  @Override
  public Vocabulary targetVocabulary() {
    return targetVocabulary;
  }

  /** Appends {@link Vocabulary#PAD} to {@code tokens} until it holds {@code length}. */
  static List<String> padTo(List<String> tokens, int length) {
    while (tokens.size() < length) {
      tokens.add(Vocabulary.PAD);
    }
    return tokens;
  }

  /** Number of tokens before the padding. */
  static int unpaddedLength(List<String> input) {
    int n = input.size();
    while (n > 0 && Vocabulary.PAD.equals(input.get(n - 1))) {
      n--;
    }
    return n;
  }

  /** A list of {@code n} nulls: no position labelled yet. */
  static List<String> unlabelled(int n) {
    List<String> t = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      t.add(null);
    }
    return t;
  }

  /**
   * Targets of a one-answer task: {@code answer} of the tokens before the padding, placed at the
   * last of them; every other position unlabelled.
   */
  List<String> labelLast(List<String> input, Function<List<String>, String> answer) {
    int n = unpaddedLength(input);
    if (n == 0) {
      throw invalid(name, "nothing before the padding");
    }
    List<String> target = unlabelled(input.size());
    target.set(n - 1, answer.apply(input.subList(0, n)));
    return target;
  }

  static IllegalArgumentException invalid(String task, String why) {
    return new IllegalArgumentException("not a " + task + " instance: " + why);
  }

  /** Vocabulary of {@code tokens} followed by {@link Vocabulary#PAD}. */
  static Vocabulary withPad(List<String> tokens) {
    List<String> all = new ArrayList<>(tokens);
    all.add(Vocabulary.PAD);
    return new Vocabulary(all);
  }
}
