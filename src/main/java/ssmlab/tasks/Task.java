package ssmlab.tasks;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A sequence task: a generator of inputs of a requested length, and the exact solver that labels
 * them.
 *
 * <p>Implementations are immutable and thread-safe; all randomness comes from the {@code rng}
 * argument, so a sample is a function of the task, the length and the generator's state.
 */
public interface Task {

  /** The registry name, e.g. {@code "modcount"}; options are not part of it. */
  String name();

  /** One sentence saying what the task is. */
  String description();

  TaskClass taskClass();

  /** Every token an input can hold, {@link Vocabulary#PAD} included where the task pads. */
  Vocabulary inputVocabulary();

  /** Every label a target can hold (unlabelled positions are {@code null}, not in it). */
  Vocabulary targetVocabulary();

  /**
   * Draws one instance with exactly {@code length} input tokens and its targets.
   *
   * @param length number of input tokens, at least 1
   * @param rng the only source of randomness. Modified.
   */
  Sample sample(int length, SplittableRandom rng);

  /**
   * The exact solver: the targets of an input (as produced by {@link #sample}), one per token,
   * {@code null} where a position carries no label.
   *
   * @throws IllegalArgumentException if the input is not an instance of the task
   */
  List<String> solve(List<String> input);

  /** {@link #sample} in integer form, ids from the two vocabularies, -1 for no label. */
  default EncodedSample sampleEncoded(int length, SplittableRandom rng) {
    return sample(length, rng).encode(inputVocabulary(), targetVocabulary());
  }
}
