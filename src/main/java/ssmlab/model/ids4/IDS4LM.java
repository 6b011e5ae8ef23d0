package ssmlab.model.ids4;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.MemoryModel;
import ssmlab.model.MixerStack;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Activation;
import ssmlab.nn.Glu;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Sequential;

/**
 * The {@code ids4} model family: IDS4 blocks in the same pre-norm residual language model as
 * Mamba and S4D ({@link MixerStack}), so that the families differ only in the mixer. IDS4 is S4
 * with the transition made input-dependent; the block around the SSM is S4's, as in
 * {@link ssmlab.model.s4d.S4DMixer}: {@code mixer(x) = GLU(out_proj(GELU(IDS4(x))))}.
 *
 * <p>Option {@code transition_norm} ({@link TransitionNorm}): {@code none} (the default) is the
 * paper's layer, which learns A5 and S5 in one layer but can diverge in deeper stacks (2 layers,
 * S5, lr 2e-3: at step 1485); {@code inf} bounds each A(x_t) so that deep stacks train, at the
 * price of slower one-layer learning (its only isometries are signed permutations).
 */
public final class IDS4LM {

  /** The registry entry of family {@code ids4}. */
  public static final ModelSpec SPEC = new ModelSpec("ids4",
      "IDS4, S4 with a dense input-dependent transition A(x_t) (Merrill et al. 2024), in "
          + "Mamba's residual stack", List.of(
          ModelOption.integer("d_state", 16, 1, "N, the shared state; A(x_t) is N x N"),
          ModelOption.choice("transition_norm", TransitionNorm.NONE.key(),
              List.of(TransitionNorm.NONE.key(), TransitionNorm.INF.key()),
              "inf: A(x_t) / max(1, ||A(x_t)||_inf) (max absolute row sum), so every product of "
                  + "transitions has norm <= 1 at any depth (for deep stacks); none: A(x_t) as "
                  + "is, the paper's layer")),
      IDS4LM::create).withMemory(new MemoryModel() {
        @Override
        public double parameters(ModelConfig c) {
          double d = c.dModel();
          double n = c.intOption("d_state");
          return c.vocabSize() * d + c.nLayers() * (n * n * d + 2 * n * d + 3 * d * d + 6 * d);
        }

        @Override
        public double activationsPerTokenAndLayer(ModelConfig c, double len) {
          return Math.pow(c.intOption("d_state"), 2) + 16.0 * c.dModel();
        }
      });

  private IDS4LM() {}

  private static SequenceModel create(ModelConfig config, SplittableRandom rng) {
    int dState = config.intOption("d_state");
    TransitionNorm norm = TransitionNorm.of(config.option("transition_norm"));
    return MixerStack.create(config, 1e-5f, true,
        (layer, prefix, r) -> mixer(prefix, config.dModel(), dState, norm, r), rng);
  }

  /** One IDS4 block: the SSM, GELU, {@code out_proj} to 2d and a GLU back to d. */
  public static Layer mixer(String prefix, int dModel, int dState, TransitionNorm norm,
      SplittableRandom rng) {
    return Sequential.of(new InputDependentSsm(prefix, dModel, dState, norm, rng),
        Activation.gelu(dModel), new Linear(prefix + ".out_proj", dModel, 2 * dModel, true, rng),
        new Glu(dModel));
  }
}
