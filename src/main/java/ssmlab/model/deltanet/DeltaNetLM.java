package ssmlab.model.deltanet;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.MemoryModel;
import ssmlab.model.MixerStack;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.Eigenvalues;

/**
 * The {@code deltanet} model family: {@link DeltaNetMixer}s in the same pre-norm residual
 * language model as Mamba ({@link MixerStack}; fla's DeltaNet model adds an MLP after each mixer,
 * left out here so that the families differ only in the mixer).
 */
public final class DeltaNetLM {

  /** The registry entry of family {@code deltanet}. */
  public static final ModelSpec SPEC = new ModelSpec("deltanet",
      "DeltaNet (Yang et al. 2024), optionally DeltaProduct (Siems et al. 2025), in Mamba's "
          + "residual stack", List.of(
          ModelOption.integer("heads", 4, 1, "heads; each has a (d_model/heads)^2 state"),
          ModelOption.integer("d_conv", 4, 1, "width of the short convolutions on q, k, v"),
          ModelOption.choice("eigenvalues", Eigenvalues.DEFAULT.range(),
              Arrays.stream(Eigenvalues.values()).map(Eigenvalues::range).toList(),
              "range of the transition's eigenvalues: beta = sigmoid in [0,1], or 2 sigmoid "
                  + "(-1,1: Grazzi et al. 2025)"),
          ModelOption.integer("householder", 1, 1,
              "n_h Householder steps per token (DeltaProduct; 1 = DeltaNet)")),
      DeltaNetLM::create).withMemory(new MemoryModel() {
        @Override
        public double parameters(ModelConfig c) {
          double d = c.dModel();
          return c.vocabSize() * d + c.nLayers() * (4 * d * d + 3 * c.intOption("d_conv") * d
              + (1 + c.intOption("householder")) * c.intOption("heads") * d + 4 * d);
        }

        @Override
        public double activationsPerTokenAndLayer(ModelConfig c, double len) {
          double d = c.dModel();
          return c.intOption("householder") * d * d / c.intOption("heads") + 16 * d;
        }
      });

  private DeltaNetLM() {}

  private static SequenceModel create(ModelConfig c, SplittableRandom rng) {
    int heads = c.intOption("heads");
    int dConv = c.intOption("d_conv");
    Eigenvalues ev = Eigenvalues.parse(c.option("eigenvalues"));
    int householder = c.intOption("householder");
    return MixerStack.create(c, 1e-5f, true, (layer, prefix, r) -> new DeltaNetMixer(prefix,
        c.dModel(), heads, dConv, ev, householder, r), rng);
  }
}
