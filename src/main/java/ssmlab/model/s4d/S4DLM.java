package ssmlab.model.s4d;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.MemoryModel;
import ssmlab.model.MixerStack;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;

/**
 * The {@code s4d} model family: {@link S4DMixer}s in the same pre-norm residual language model as
 * Mamba ({@link MixerStack}).
 */
public final class S4DLM {

  /** The registry entry of family {@code s4d}. */
  public static final ModelSpec SPEC = new ModelSpec("s4d",
      "S4D, a diagonal LTI SSM (Gu et al. 2022), in Mamba's residual stack", List.of(
          ModelOption.integer("d_state", 64, 1, "state size per channel")),
      S4DLM::create).withMemory(new MemoryModel() {
        @Override
        public double parameters(ModelConfig c) {
          double d = c.dModel();
          return c.vocabSize() * d + c.nLayers() * (3 * d * c.intOption("d_state") + 2 * d * d
              + 6 * d);
        }

        @Override
        public double activationsPerTokenAndLayer(ModelConfig c, double len) {
          return 16.0 * c.dModel();
        }
      });

  /** The epsilon of every RMSNorm. */
  public static final float NORM_EPS = 1e-5f;

  private S4DLM() {}

  private static SequenceModel create(ModelConfig config, SplittableRandom rng) {
    int dState = config.intOption("d_state");
    return MixerStack.create(config, NORM_EPS, true,
        (layer, prefix, r) -> new S4DMixer(prefix, config.dModel(), dState, r), rng);
  }
}
