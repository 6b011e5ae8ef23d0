package ssmlab.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One task instance: the input tokens and, position by position, the target label or {@code
 * null} where the position is not labelled.
 */
public record Sample(List<String> input, List<String> target) {

  public Sample {
    if (input.size() != target.size()) {
      throw new IllegalArgumentException(
          "input and target differ in length: " + input.size() + " vs " + target.size());
    }
    input = Collections.unmodifiableList(new ArrayList<>(input));
    target = Collections.unmodifiableList(new ArrayList<>(target));
  }

  public int length() {
    return input.size();
  }

  /** The integer form: input ids and target ids (-1 where {@code target} is {@code null}). */
  public EncodedSample encode(Vocabulary inputVocabulary, Vocabulary targetVocabulary) {
    int n = input.size();
    int[] in = new int[n];
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      in[i] = inputVocabulary.id(input.get(i));
      String t = target.get(i);
      out[i] = t == null ? -1 : targetVocabulary.id(t);
    }
    return new EncodedSample(in, out);
  }
}
