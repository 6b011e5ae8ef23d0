package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/**
 * A uniformly random string over a small alphabet, labelled at each position (or only the last)
 * with a function of a finite-state scan of the prefix: parity, counting modulo m, even pairs,
 * cycle navigation.
 */
final class PrefixScanTask extends BaseTask {

  private final List<String> symbols;
  private final int start;
  private final IntBinaryOperator step; // (state, symbol id) -> state
  private final List<String> labelOfState;
  private final boolean finalOnly;

  /**
   * @param labelOfState the label of each state; states are 0..labelOfState.size()-1
   */
  PrefixScanTask(String name, String description, TaskClass taskClass, List<String> symbols,
      int start, IntBinaryOperator step, List<String> labelOfState, boolean finalOnly) {
    super(name, description, taskClass, new Vocabulary(symbols),
        new Vocabulary(labelOfState.stream().distinct().sorted().toList()));
    this.symbols = List.copyOf(symbols);
    this.start = start;
    this.step = step;
    this.labelOfState = List.copyOf(labelOfState);
    this.finalOnly = finalOnly;
  }

  /** Parity ({@code m = 2}) or the count of ones modulo m, over the bits "0" and "1". */
  static PrefixScanTask modCount(String name, int m, boolean finalOnly) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      labels.add(Integer.toString(i));
    }
    String what = m == 2 ? "parity of the number of ones in the prefix"
        : "number of ones in the prefix modulo " + m;
    return new PrefixScanTask(name, what, TaskClass.REGULAR, List.of("0", "1"), 0,
        (s, a) -> (s + a) % m, labels, finalOnly);
  }

  /**
   * Even pairs (Deletang et al. 2023): "1" iff the number of 01 and 10 pairs is even, that is
   * iff the first bit equals the last. State: 2 * first + last, or 4 before any bit.
   */
  static PrefixScanTask evenPairs(boolean finalOnly) {
    return new PrefixScanTask("even-pairs", "is the number of 01 and 10 pairs even?",
        TaskClass.STAR_FREE, List.of("0", "1"), 4,
        (s, a) -> s == 4 ? 3 * a : (s & 2) | a, List.of("1", "0", "0", "1", "1"), finalOnly);
  }

  /** Cycle navigation (Deletang et al. 2023): 0 stay, 1 forward, 2 back on a 5-cycle from 0. */
  static PrefixScanTask cycleNavigation(boolean finalOnly) {
    return new PrefixScanTask("cycle-nav", "position on a 5-cycle after moves stay/+1/-1",
        TaskClass.REGULAR, List.of("0", "1", "2"), 0,
        (s, a) -> (s + (a == 0 ? 0 : a == 1 ? 1 : 4)) % 5,
        List.of("0", "1", "2", "3", "4"), finalOnly);
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    List<String> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(symbols.get(rng.nextInt(symbols.size())));
    }
    return out;
  }

  @Override
  public List<String> solve(List<String> input) {
    List<String> target = new ArrayList<>(input.size());
    Vocabulary v = inputVocabulary();
    int s = start;
    for (int i = 0; i < input.size(); i++) {
      String tok = input.get(i);
      if (!v.contains(tok)) {
        throw invalid(name(), "'" + tok + "' is not a symbol");
      }
      s = step.applyAsInt(s, v.id(tok));
      target.add(finalOnly && i < input.size() - 1 ? null : labelOfState.get(s));
    }
    return target;
  }
}
