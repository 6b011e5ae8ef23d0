package ssmlab.model.mamba;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.MemoryModel;
import ssmlab.model.MixerStack;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;

/**
 * The Mamba-1 language model of mixer_seq_simple.py ({@code MambaLMHeadModel}): a
 * {@link MixerStack} of {@link MambaMixer}s, with mamba_ssm's parameter names
 * ({@code backbone.embedding.weight}, {@code backbone.layers.N.norm.weight},
 * {@code backbone.layers.N.mixer.*}, {@code backbone.norm_f.weight}; {@code lm_head.weight} only
 * when untied). The logits have {@link MambaConfig#paddedVocab()} columns, as mamba_ssm's do.
 */
public final class MambaLM {

  /**
   * Mamba's memory: per layer in_proj 2 d e, x_proj e (r + 2N), dt_proj r e, A_log and D e (N + 1),
   * conv e (k + 1), out_proj e d (e = expand d); a token keeps its states (e N) and about 16
   * vectors of e for the backward pass.
   */
  public static final MemoryModel MEMORY = new MemoryModel() {
    @Override
    public double parameters(ModelConfig c) {
      double d = c.dModel();
      double e = c.intOption("expand") * d;
      double n = c.intOption("d_state");
      double r = c.intOption("dt_rank");
      double k = c.intOption("d_conv");
      return c.vocabSize() * d + c.nLayers()
          * (3 * d * e + e * (k + 4) + e * (r + 2 * n) + r * e + e * n + d);
    }

    @Override
    public double activationsPerTokenAndLayer(ModelConfig c, double len) {
      double e = c.intOption("expand") * (double) c.dModel();
      return e * c.intOption("d_state") + 16 * e + 4.0 * c.dModel();
    }
  };

  /** The registry entry of family {@code mamba}. */
  public static final ModelSpec SPEC = new ModelSpec("mamba",
      "Mamba-1 (mamba_ssm's MambaLMHeadModel; Gu and Dao 2023)", List.of(
          ModelOption.integer("d_state", 16, 1, "N, the state size per channel"),
          ModelOption.integer("d_conv", 4, 1, "width of the causal convolution"),
          ModelOption.integer("expand", 2, 1, "d_inner = expand * d_model"),
          ModelOption.derived("dt_rank", c -> MambaConfig.autoDtRank(c.dModel()),
              "ceil(d_model/16)", 1, "rank of the delta projection"),
          ModelOption.choice("eigenvalues", Eigenvalues.DEFAULT.range(),
              Arrays.stream(Eigenvalues.values()).map(Eigenvalues::range).toList(),
              "range of deltaA (-1,1: Grazzi et al.'s 2 exp(delta A) - 1)"),
          ModelOption.choice("discretization", Discretization.DEFAULT.id(),
              Arrays.stream(Discretization.values()).map(Discretization::id).toList(),
              "B by Euler as the reference code, or the paper's exact ZOH (Def. A.4)")),
      MambaLM::create).withCheckpoint(MambaCheckpoint.FORMAT).withMemory(MEMORY);

  private MambaLM() {}

  /** A freshly initialised model; every initial value comes from {@code rng} in a fixed order. */
  public static LanguageModel create(MambaConfig cfg, SplittableRandom rng) {
    return MixerStack.create(modelConfig(cfg), (float) cfg.normEpsilon(), cfg.tieEmbeddings(),
        (layer, prefix, r) -> new MambaMixer(prefix, cfg, r), rng);
  }

  /** The engine's registry entry for family {@code mamba}. */
  public static SequenceModel create(ModelConfig config, SplittableRandom rng) {
    MambaConfig cfg = fromModelConfig(config);
    return MixerStack.create(config, (float) cfg.normEpsilon(), true,
        (layer, prefix, r) -> new MambaMixer(prefix, cfg, r), rng);
  }

  /**
   * The Mamba config of an engine config (its options resolved by {@link #SPEC}); no vocabulary
   * padding (the logits have vocab_size columns).
   */
  public static MambaConfig fromModelConfig(ModelConfig config) {
    ModelConfig c = SPEC.resolve(config);
    return MambaConfig.builder(c.dModel(), c.nLayers(), c.vocabSize())
        .dState(c.intOption("d_state")).dConv(c.intOption("d_conv"))
        .expand(c.intOption("expand")).dtRank(c.intOption("dt_rank"))
        .padVocabSizeMultiple(1)
        .eigenvalues(Eigenvalues.parse(c.option("eigenvalues")))
        .discretization(Discretization.parse(c.option("discretization")))
        .build();
  }

  /** The engine config of a Mamba config (vocabSize = the padded vocabulary). */
  public static ModelConfig modelConfig(MambaConfig m) {
    return new ModelConfig("mamba", m.paddedVocab(), m.dModel(), m.nLayer(), Map.of(
        "d_state", String.valueOf(m.dState()), "d_conv", String.valueOf(m.dConv()),
        "expand", String.valueOf(m.expand()), "dt_rank", String.valueOf(m.dtRank()),
        "eigenvalues", m.eigenvalues().range(), "discretization", m.discretization().id()));
  }
}
