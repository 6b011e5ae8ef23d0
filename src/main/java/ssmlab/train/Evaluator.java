package ssmlab.train;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import ssmlab.model.SequenceModel;
import ssmlab.nn.CrossEntropy;
import ssmlab.tasks.Task;

/**
 * Measures token and sequence accuracy on fresh samples. Sequence accuracy counts only samples
 * with a labelled position (one without has nothing to get right); their number is reported. A
 * prediction is the argmax over the
 * target vocabulary's ids only (ids the task never uses as labels cannot be predicted); ties go to
 * the smaller id.
 */
public final class Evaluator {
  private static final int CHUNK = 64;

  private Evaluator() {}

  /** The samples evaluated at once when {@code count} are asked for. */
  public static int batchSize(int count) {
    return Math.min(CHUNK, count);
  }

  /** Logits (batch * len, vocab) of a batch of token sequences (batch, len). */
  @FunctionalInterface
  public interface Forward {
    float[] logits(int[] tokens, int batch, int len);
  }

  /**
   * Evaluates {@code count} samples of length {@code length} drawn from {@code seed}.
   *
   * @param model the model; only its forward runs
   */
  public static LengthAccuracy evaluate(SequenceModel model, Task task, int length, int count,
      long seed) {
    return evaluate(model::forward, model.vocabSize(), task, length, count, seed);
  }

  /**
   * Evaluates {@code count} samples of length {@code length} drawn from {@code seed} with any
   * forward pass of {@code vocab} logit columns (the same samples as for the engine's model).
   */
  public static LengthAccuracy evaluate(Forward model, int vocab, Task task, int length,
      int count, long seed) {
    return evaluate(model, vocab, task, length, count, seed, sequences -> { });
  }

  /**
   * The same, telling {@code evaluated} how many sequences each chunk held as it finishes (for
   * progress reports).
   */
  public static LengthAccuracy evaluate(Forward model, int vocab, Task task, int length,
      int count, long seed, IntConsumer evaluated) {
    var rng = new SplittableRandom(seed);
    int labels = task.targetVocabulary().size();
    var ce = new CrossEntropy();
    long positions = 0;
    long right = 0;
    int sequencesRight = 0;
    int sequences = 0;
    double lossSum = 0;
    for (int done = 0; done < count; done += CHUNK) {
      int batch = Math.min(CHUNK, count - done);
      Trainer.Batch b = Trainer.Batch.sample(task, batch, length, rng);
      float[] logits = model.logits(b.tokens(), batch, length);
      int labelled = CrossEntropy.labelled(b.targets(), batch * length);
      lossSum += ce.loss(logits, b.targets(), batch * length, vocab) * labelled;
      for (int s = 0; s < batch; s++) {
        boolean all = true;
        boolean any = false;
        for (int t = 0; t < length; t++) {
          int row = s * length + t;
          int target = b.targets()[row];
          if (target < 0) {
            continue;
          }
          positions++;
          any = true;
          if (argmax(logits, row * vocab, labels) == target) {
            right++;
          } else {
            all = false;
          }
        }
        if (any) {
          sequences++;
          if (all) {
            sequencesRight++;
          }
        }
      }
      evaluated.accept(batch);
    }
    return new LengthAccuracy(length, positions == 0 ? 0 : (double) right / positions,
        sequences == 0 ? 0 : (double) sequencesRight / sequences,
        positions == 0 ? 0 : lossSum / positions, sequences, count - sequences);
  }

  private static int argmax(float[] x, int off, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (x[off + i] > x[off + best]) {
        best = i;
      }
    }
    return best;
  }
}
