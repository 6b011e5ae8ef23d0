package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nc1.Perm;

/**
 * State tracking: a uniformly random word over a finite group, labelled at each position with
 * the prefix product, first element applied first (paper, Definitions C.9-C.10; Merrill et al.
 * 2024), or only at the last position.
 *
 * <p>Over S5 the words can instead be the branching programs of random formulas (Barrington's
 * reduction, {@link BarringtonWordTask#programWord}), padded with the identity: the last prefix
 * product is then {@code 23451} iff the formula is true and the identity iff it is false, so a
 * model trained on random words is scored on formulas without ever seeing one.
 */
final class GroupWordTask extends BaseTask {

  private final FiniteGroup group;
  private final boolean finalOnly;
  private final boolean barringtonWords;

  GroupWordTask(String name, FiniteGroup group, boolean finalOnly) {
    this(name, group, finalOnly, false);
  }

  GroupWordTask(String name, FiniteGroup group, boolean finalOnly, boolean barringtonWords) {
    super(name, "word problem over " + group.name() + ": prefix products of random elements",
        group.solvable() ? TaskClass.TC0 : TaskClass.NC1_COMPLETE,
        new Vocabulary(group.elements()), new Vocabulary(group.elements()));
    this.group = group;
    this.finalOnly = finalOnly;
    this.barringtonWords = barringtonWords;
    if (barringtonWords && !group.elements().containsAll(
        Perm.all(5).stream().map(Perm::toString).toList())) {
      throw new IllegalArgumentException("--words barrington needs the group S5, not "
          + group.name());
    }
  }

  FiniteGroup group() {
    return group;
  }

  boolean finalOnly() {
    return finalOnly;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    List<String> names = group.elements();
    if (barringtonWords) {
      List<String> word = BarringtonWordTask.programWord(length, rng);
      while (word.size() < length) {
        word.add(names.get(group.identity()));
      }
      return word;
    }
    List<String> input = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      input.add(names.get(rng.nextInt(names.size())));
    }
    return input;
  }

  @Override
  public List<String> solve(List<String> input) {
    Vocabulary v = inputVocabulary();
    List<String> names = group.elements();
    List<String> target = new ArrayList<>(input.size());
    int acc = group.identity();
    for (int i = 0; i < input.size(); i++) {
      String tok = input.get(i);
      if (!v.contains(tok)) {
        throw invalid(name(), "'" + tok + "' is not an element of " + group.name());
      }
      acc = group.multiply(acc, v.id(tok));
      target.add(finalOnly && i < input.size() - 1 ? null : names.get(acc));
    }
    return target;
  }
}
