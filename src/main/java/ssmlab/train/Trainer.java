package ssmlab.train;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.nn.CrossEntropy;
import ssmlab.nn.Parameter;
import ssmlab.tasks.EncodedSample;
import ssmlab.tasks.Task;
import ssmlab.tensor.Parallel;

/**
 * Trains a model on a task: each step draws one length, a batch of fresh samples of that length,
 * and takes one AdamW step on the cross-entropy of the labelled positions.
 *
 * <p>Deterministic: the data come from a generator split off the settings' seed, every kernel
 * splits work the same way for a given thread count, so the same settings and thread count give
 * bit-identical losses. A NaN or infinity stops training with
 * {@link Gradients.NonFiniteException}, naming the step and the tensor.
 */
public final class Trainer {

  /** Arrays of a batch are at most this many times wider than d_model (Mamba's scan state). */
  private static final int ARRAY_WIDTH_FACTOR = 8;
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Trainer() {}

  /**
   * The token ids a model needs for a task: inputs and target labels share the id space (a label
   * is predicted as the logit of its id), so the model's vocabulary is the larger of the two.
   */
  public static int modelVocabulary(Task task) {
    return Math.max(task.inputVocabulary().size(), task.targetVocabulary().size());
  }

  /**
   * Checks that a batch of {@code batch} sequences of {@code length} tokens fits: every array
   * indexable by an int, and the activations (a rough bound) within the heap.
   *
   * @param what what the batch is for, named in the message
   * @throws IllegalArgumentException when it does not fit
   */
  public static void requireFits(ModelConfig cfg, int batch, int length, String what) {
    long positions = (long) batch * length;
    long widest = (long) Math.max(cfg.vocabSize(), cfg.dModel()) * ARRAY_WIDTH_FACTOR;
    long bytes = positions * ((long) cfg.vocabSize() + (long) cfg.dModel() * cfg.nLayers()
        * ARRAY_WIDTH_FACTOR) * Float.BYTES;
    if (positions * widest > MAX_ARRAY || bytes > Runtime.getRuntime().maxMemory()) {
      throw new IllegalArgumentException(what + ": a batch of " + batch + " sequences of "
          + length + " tokens is too large (" + positions + " positions; about "
          + (bytes >> 20) + " MiB of activations, the heap has "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }
  }

  /**
   * Trains {@code model} in place.
   *
   * @param model the model, fresh or resumed; its parameters are modified
   * @param task the task to sample from
   * @param s the settings
   * @param onStep called after every step, on the training thread
   * @return the loss of the last step
   */
  public static double train(SequenceModel model, Task task, TrainSettings s,
      Consumer<StepRecord> onStep) {
    Parallel.setThreads(s.threads());
    List<Parameter> params = model.parameters();
    var opt = new AdamW(params, new AdamW.Settings(0.9, 0.95, 1e-8, s.weightDecay()));
    WarmupCosine schedule = s.schedule();
    var ce = new CrossEntropy();
    SplittableRandom data = new SplittableRandom(s.seed()).split();
    int vocab = model.vocabSize();
    long start = System.nanoTime();
    double loss = Double.NaN;
    for (int step = 0; step < s.steps(); step++) {
      int len = s.lengths().draw(data);
      Batch b = Batch.sample(task, s.batch(), len, data);
      model.zeroGrad();
      float[] logits = model.forward(b.tokens(), s.batch(), len);
      loss = ce.forwardBackward(logits, b.targets(), s.batch() * len, vocab);
      model.backward(ce.gradient());
      Gradients.requireFinite(step, loss, params);
      double norm = Gradients.clipGlobalNorm(params, s.clip());
      double lr = schedule.at(step);
      opt.step(lr);
      onStep.accept(new StepRecord(step, len, loss, lr, norm,
          (System.nanoTime() - start) / 1e9));
    }
    return loss;
  }

  /** A batch of samples of one length: tokens and targets, (batch, len) row-major. */
  record Batch(int[] tokens, int[] targets) {
    static Batch sample(Task task, int batch, int len, SplittableRandom rng) {
      int[] tokens = new int[batch * len];
      int[] targets = new int[batch * len];
      for (int b = 0; b < batch; b++) {
        EncodedSample e = task.sampleEncoded(len, rng);
        System.arraycopy(e.inputIds(), 0, tokens, b * len, len);
        System.arraycopy(e.targetIds(), 0, targets, b * len, len);
      }
      return new Batch(tokens, targets);
    }
  }
}
