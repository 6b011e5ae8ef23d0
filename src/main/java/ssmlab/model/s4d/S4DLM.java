package ssmlab.model.s4d;

import java.util.SplittableRandom;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.model.LanguageModel;
import ssmlab.model.mamba.SsmStack;

/**
 * The {@code s4d} model family: {@link S4DMixer}s in the same pre-norm residual language model as
 * Mamba ({@link SsmStack}). Option {@code d_state} [64].
 */
public final class S4DLM {

  private S4DLM() {}

  /** The engine's registry entry for family {@code s4d}. */
  public static SequenceModel create(ModelConfig config, SplittableRandom rng) {
    int dState = config.intOption("d_state", 64);
    if (dState < 1) {
      throw new IllegalArgumentException("option d_state must be positive, got " + dState);
    }
    return SsmStack.create(config, 1e-5f, true,
        (prefix, r) -> new S4DMixer(prefix, config.dModel(), dState, r), rng);
  }
}
