package ssmlab.model.hybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import ssmlab.model.MemoryModel;
import ssmlab.model.MixerStack;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.MambaConfig;
import ssmlab.model.mamba.MambaLM;
import ssmlab.model.mamba.MambaMixer;
import ssmlab.nn.CausalSelfAttention;
import ssmlab.nn.Layer;
import ssmlab.nn.Parameter;
import ssmlab.nn.PositionalEncoding;

/**
 * The {@code hybrid} family: a {@link MixerStack} whose block i holds a {@link MambaMixer} or a
 * {@link CausalSelfAttention} as letter i of the {@link LayerPattern} says, the interleaving of
 * Jamba (Lieber et al., 2024) and of mamba_ssm's {@code MixerModel} with {@code attn_layer_idx}.
 *
 * <p>Every block is {@code r = r + mixer(RMSNorm(r))}; there is no MLP block, as in mamba_ssm's
 * hybrid with {@code d_intermediate = 0} (Jamba's MLP and MoE blocks are left out), so pattern
 * {@code MM…M} is exactly the {@code mamba} family: same parameters from the same seed, same
 * logits. Attention is initialised as mamba_ssm's {@code _init_weights} treats an attention
 * mixer: biases zero, {@code out_proj} scaled by {@code 1/√layers}. Its positions default to none,
 * as Jamba, whose Mamba layers carry the order.
 */
public final class HybridLM {

  /** The attention position encodings a hybrid takes. */
  private static final List<PositionalEncoding> POSITIONS = List.of(PositionalEncoding.NONE,
      PositionalEncoding.ROPE, PositionalEncoding.ALIBI);

  private static final List<ModelOption> OPTIONS = options();

  /** The registry entry of family {@code hybrid}. */
  public static final ModelSpec SPEC = new ModelSpec("hybrid",
      "Mamba and attention blocks interleaved (Jamba; mamba_ssm's attn_layer_idx)", OPTIONS,
      HybridLM::create).withMemory(new MemoryModel() {
        // attention blocks (4 d^2) are smaller than Mamba blocks: Mamba's count bounds both
        @Override
        public double parameters(ModelConfig c) {
          return MambaLM.MEMORY.parameters(c);
        }

        @Override
        public double activationsPerTokenAndLayer(ModelConfig c, double len) {
          return MambaLM.MEMORY.activationsPerTokenAndLayer(c, len) + 2.0 * len;
        }
      });

  private HybridLM() {}

  private static List<ModelOption> options() {
    List<ModelOption> o = new ArrayList<>(List.of(
        ModelOption.text("pattern", c -> LayerPattern.alternating(c.nLayers()),
            "M, A alternating: MAMA for 4 layers", "[MA]+",
            (v, c) -> LayerPattern.fit(v, c.nLayers()),
            "block kinds, M = Mamba, A = attention; a shorter pattern repeats if its length "
                + "divides layers"),
        ModelOption.integer("heads", 4, 1, "attention heads; must divide d_model"),
        ModelOption.choice("pos", PositionalEncoding.NONE.key(),
            POSITIONS.stream().map(PositionalEncoding::key).toList(),
            "attention positions: none (NoPE, as Jamba), rotary, or alibi")));
    o.addAll(MambaLM.SPEC.options());
    return List.copyOf(o);
  }

  private static SequenceModel create(ModelConfig c, SplittableRandom rng) {
    String pattern = c.option("pattern");
    int heads = c.intOption("heads");
    PositionalEncoding pos = PositionalEncoding.parse(c.option("pos"));
    if (pattern.indexOf(LayerPattern.ATTENTION) >= 0 && c.dModel() % heads != 0) {
      throw new IllegalArgumentException(
          "hybrid: d_model " + c.dModel() + " is not divisible by heads " + heads);
    }
    MambaConfig mamba = mambaConfig(c);
    return MixerStack.create(c, (float) mamba.normEpsilon(), true,
        (layer, prefix, r) -> pattern.charAt(layer) == LayerPattern.MAMBA
            ? new MambaMixer(prefix, mamba, r)
            : attention(prefix, c.dModel(), heads, pos, c.nLayers(), r), rng);
  }

  private static Layer attention(String prefix, int d, int heads, PositionalEncoding pos,
      int layers, SplittableRandom rng) {
    var attn = new CausalSelfAttention(prefix, d, heads, pos, rng);
    for (Parameter p : attn.parameters()) {
      if (p.shape().length == 1) {
        Arrays.fill(p.data(), 0f);
      }
    }
    float rescale = (float) (1 / Math.sqrt(layers));
    float[] w = attn.outProj().weight().data();
    for (int i = 0; i < w.length; i++) {
      w[i] *= rescale;
    }
    return attn;
  }

  /** The Mamba mixers' config: the Mamba options of {@code c}, read as family mamba reads them. */
  private static MambaConfig mambaConfig(ModelConfig c) {
    Map<String, String> own = new TreeMap<>();
    for (ModelOption o : MambaLM.SPEC.options()) {
      own.put(o.name(), c.option(o.name()));
    }
    return MambaLM.fromModelConfig(
        new ModelConfig(MambaLM.SPEC.family(), c.vocabSize(), c.dModel(), c.nLayers(), own));
  }
}
