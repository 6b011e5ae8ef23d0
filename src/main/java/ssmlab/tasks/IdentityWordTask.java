package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The word problem proper (paper, Definition C.11): a word over a group, one label at the end,
 * "1" iff the product is the identity; half the words are drawn conditioned on each answer.
 */
final class IdentityWordTask extends BaseTask {

  private final FiniteGroup group;

  IdentityWordTask(String name, FiniteGroup group) {
    super(name, "is the product of a word over " + group.name() + " the identity? (balanced)",
        group.solvable() ? TaskClass.TC0 : TaskClass.NC1_COMPLETE,
        new Vocabulary(group.elements()), Vocabulary.of("0", "1"));
    this.group = group;
  }

  /**
   * A uniform word among those with the drawn answer: the first length-1 elements uniformly, the
   * last one fixed to close the product to the identity (answer 1) or uniform among the rest.
   */
  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = group.order();
    List<String> names = group.elements();
    List<String> input = new ArrayList<>(length);
    int acc = group.identity();
    for (int i = 0; i < length - 1; i++) {
      int g = rng.nextInt(n);
      acc = group.multiply(acc, g);
      input.add(names.get(g));
    }
    int closing = group.inverse(acc);
    int last;
    if (rng.nextBoolean() || n == 1) {
      last = closing;
    } else {
      last = rng.nextInt(n - 1);
      if (last >= closing) {
        last++;
      }
    }
    input.add(names.get(last));
    return input;
  }

  @Override
  public List<String> solve(List<String> input) {
    Vocabulary v = inputVocabulary();
    int acc = group.identity();
    for (String tok : input) {
      if (!v.contains(tok)) {
        throw invalid(name(), "'" + tok + "' is not an element of " + group.name());
      }
      acc = group.multiply(acc, v.id(tok));
    }
    List<String> target = unlabelled(input.size());
    target.set(input.size() - 1, acc == group.identity() ? "1" : "0");
    return target;
  }
}
