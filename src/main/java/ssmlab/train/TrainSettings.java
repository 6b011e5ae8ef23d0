package ssmlab.train;

import com.fasterxml.jackson.annotation.JsonProperty;

import ssmlab.tasks.LengthRange;

/**
 * How a model is trained: steps of {@code batch} sequences whose length is drawn per step from
 * {@code lengths}, AdamW at peak rate {@code lr} with linear warmup and cosine decay to lr/10,
 * gradients clipped to global norm {@code clip}.
 *
 * @param steps optimizer steps, at least 1
 * @param batch sequences per step, at least 1
 * @param lr peak learning rate
 * @param warmup warmup steps (fewer than {@code steps})
 * @param weightDecay AdamW's decoupled decay, on matrices only (each parameter says)
 * @param clip the largest global gradient norm
 * @param lengths the training lengths; one length per step, so a batch needs no padding
 * @param seed the seed of the model's initialisation and of the data
 * @param threads threads of the engine's pool
 */
public record TrainSettings(int steps, int batch, double lr, int warmup,
    @JsonProperty("weight_decay") double weightDecay,
    double clip, LengthRange lengths, long seed, int threads) {

  /** Validates the numbers. */
  public TrainSettings {
    if (steps < 1 || batch < 1 || threads < 1) {
      throw new IllegalArgumentException("steps, batch and threads must be at least 1");
    }
    if (!(lr > 0 && Double.isFinite(lr)) || !(clip > 0 && Double.isFinite(clip))
        || !(weightDecay >= 0 && Double.isFinite(weightDecay))) {
      throw new IllegalArgumentException("need finite lr > 0, clip > 0 and weight decay >= 0, "
          + "got lr " + lr + ", clip " + clip + ", weight decay " + weightDecay);
    }
    if (warmup < 0 || warmup >= steps) {
      throw new IllegalArgumentException("warmup must lie in [0, steps), got " + warmup);
    }
  }

  /** The schedule: warmup, then cosine to a tenth of the peak. */
  WarmupCosine schedule() {
    return new WarmupCosine(lr, lr / 10, warmup, steps);
  }
}
