package ssmlab.model.mamba;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;

/**
 * The Mamba-1 language model of mixer_seq_simple.py ({@code MambaLMHeadModel}): a
 * {@link SsmStack} of {@link MambaMixer}s, with mamba_ssm's parameter names
 * ({@code backbone.embedding.weight}, {@code backbone.layers.N.norm.weight},
 * {@code backbone.layers.N.mixer.*}, {@code backbone.norm_f.weight}; {@code lm_head.weight} only
 * when untied). The logits have {@link MambaConfig#paddedVocab()} columns, as mamba_ssm's do.
 */
public final class MambaLM {

  /** The options of family {@code mamba}. */
  public static final List<String> OPTIONS = List.of("d_state", "d_conv", "expand", "dt_rank",
      "eigenvalues", "discretization");

  private MambaLM() {}

  /** A freshly initialised model; every initial value comes from {@code rng} in a fixed order. */
  public static LanguageModel create(MambaConfig cfg, SplittableRandom rng) {
    return SsmStack.create(modelConfig(cfg), (float) cfg.normEpsilon(), cfg.tieEmbeddings(),
        (prefix, r) -> new MambaMixer(prefix, cfg, r), rng);
  }

  /** The engine's registry entry for family {@code mamba}. */
  public static SequenceModel create(ModelConfig config, SplittableRandom rng) {
    MambaConfig cfg = fromModelConfig(config);
    return SsmStack.create(config, (float) cfg.normEpsilon(), true,
        (prefix, r) -> new MambaMixer(prefix, cfg, r), rng);
  }

  /**
   * The Mamba config of an engine config: options {@code d_state, d_conv, expand, dt_rank,
   * eigenvalues, discretization}; no vocabulary padding (the logits have vocab_size columns).
   */
  public static MambaConfig fromModelConfig(ModelConfig c) {
    for (String key : c.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new IllegalArgumentException("mamba: unknown option '" + key + "' (known: "
            + String.join(", ", OPTIONS) + ")");
      }
    }
    MambaConfig m = MambaConfig.of(c.dModel(), c.nLayers(), c.vocabSize());
    return new MambaConfig(c.dModel(), c.nLayers(), c.vocabSize(), c.intOption("d_state", 16),
        c.intOption("d_conv", 4), c.intOption("expand", 2),
        c.intOption("dt_rank", m.dtRank()), m.dtMin(), m.dtMax(), m.dtScale(), m.dtInitFloor(),
        m.dtInit(), true, false, true, true, 1, true, m.normEpsilon(),
        Eigenvalues.parse(c.stringOption("eigenvalues", "0,1")),
        Discretization.parse(c.stringOption("discretization", "mamba")));
  }

  /** The engine config of a Mamba config (vocabSize = the padded vocabulary). */
  public static ModelConfig modelConfig(MambaConfig m) {
    return new ModelConfig("mamba", m.paddedVocab(), m.dModel(), m.nLayer(), Map.of(
        "d_state", String.valueOf(m.dState()), "d_conv", String.valueOf(m.dConv()),
        "expand", String.valueOf(m.expand()), "dt_rank", String.valueOf(m.dtRank()),
        "eigenvalues", m.eigenvalues().range(), "discretization", m.discretization().id()));
  }
}
