package ssmlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nn.Embedding;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.RMSNorm;
import ssmlab.nn.Residual;
import ssmlab.nn.Sequential;

/**
 * The language model around a sequence mixer as mixer_seq_simple.py builds it, assembled from the
 * engine's parts: embedding {@code backbone.embedding} (std 0.02), pre-norm residual blocks
 * {@code r = r + mixer(RMSNorm(r))} ({@code backbone.layers.N.norm}, {@code .mixer}), a final
 * RMSNorm {@code backbone.norm_f}, and a head tied to the embedding (or {@code lm_head}).
 * Mamba, S4D and the hybrids differ only in the mixers.
 */
public final class MixerStack {

  /** Builds the mixer of one block. */
  @FunctionalInterface
  public interface MixerFactory {
    /**
     * The mixer of block {@code layer} (from 0), with parameter prefix {@code prefix}, e.g.
     * {@code backbone.layers.0.mixer}.
     */
    Layer create(int layer, String prefix, SplittableRandom rng);
  }

  private MixerStack() {}

  /**
   * A model drawing its initial values from {@code rng} in parameter order.
   *
   * @param config its vocabSize is the number of logit columns
   * @param eps the RMSNorm epsilon
   */
  public static LanguageModel create(ModelConfig config, float eps, boolean tieEmbeddings,
      MixerFactory mixer, SplittableRandom rng) {
    int d = config.dModel();
    var embedding = new Embedding("backbone.embedding", config.vocabSize(), d, 0.02f, rng);
    List<Layer> body = new ArrayList<>();
    for (int i = 0; i < config.nLayers(); i++) {
      String prefix = "backbone.layers." + i;
      body.add(new Residual(new Sequential(List.of(new RMSNorm(prefix + ".norm", d, eps),
          mixer.create(i, prefix + ".mixer", rng)))));
    }
    body.add(new RMSNorm("backbone.norm_f", d, eps));
    Layer head = tieEmbeddings ? Linear.tiedTo(embedding.weight())
        : new Linear("lm_head", d, config.vocabSize(), false, rng);
    return new LanguageModel(config, embedding, new Sequential(body), head);
  }
}
