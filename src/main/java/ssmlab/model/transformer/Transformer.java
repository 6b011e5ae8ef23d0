package ssmlab.model.transformer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.LanguageModel;
import ssmlab.model.MemoryModel;
import ssmlab.model.ModelConfig;
import ssmlab.model.ModelOption;
import ssmlab.model.ModelSpec;
import ssmlab.model.SequenceModel;
import ssmlab.nn.AbsolutePositions;
import ssmlab.nn.Activation;
import ssmlab.nn.CausalSelfAttention;
import ssmlab.nn.Embedding;
import ssmlab.nn.Layer;
import ssmlab.nn.LayerNorm;
import ssmlab.nn.Linear;
import ssmlab.nn.PositionalEncoding;
import ssmlab.nn.Residual;
import ssmlab.nn.Sequential;

/**
 * Builds the {@code transformer} family: a GPT-2 style pre-norm decoder.
 * <pre>
 *   h = embedding(tokens) [+ positions]
 *   per layer l:  h = h + attn_l(LN(h));  h = h + fc2_l(gelu(fc1_l(LN(h))))
 *   logits = LN_f(h)·Eᵀ            (head tied to the embedding E)
 * </pre>
 * Options in {@link #SPEC}. Embedding init N(0, 0.02²);
 * linear layers use PyTorch's default.
 */
public final class Transformer {

  /** The registry entry of family {@code transformer}. */
  public static final ModelSpec SPEC = new ModelSpec("transformer",
      "GPT-2 style pre-norm decoder, head tied to the embedding", List.of(
          ModelOption.integer("heads", 4, 1, "attention heads; must divide d_model"),
          ModelOption.integer("mlp_ratio", 4, 1, "MLP width = mlp_ratio * d_model"),
          ModelOption.choice("pos", PositionalEncoding.ROPE.key(),
              Arrays.stream(PositionalEncoding.values()).map(PositionalEncoding::key).toList(),
              "positions: none (NoPE, Kazemnejad et al. 2023), sinusoidal or learned absolute, "
                  + "rotary, or alibi (Press et al. 2022)"),
          ModelOption.integer("max_len", 1024, 1, "longest sequence, for learned positions")),
      Transformer::create).withMemory(new MemoryModel() {
        @Override
        public double parameters(ModelConfig c) {
          double d = c.dModel();
          double ratio = c.intOption("mlp_ratio");
          double positions = PositionalEncoding.parse(c.option("pos"))
              == PositionalEncoding.LEARNED ? c.intOption("max_len") * d : 0;
          return c.vocabSize() * d + c.nLayers() * ((4 + 2 * ratio) * d * d + 12 * d)
              + positions;
        }

        @Override
        public double activationsPerTokenAndLayer(ModelConfig c, double len) {
          return 2.0 * c.intOption("heads") * len + (12 + 2.0 * c.intOption("mlp_ratio"))
              * c.dModel();
        }
      });

  private Transformer() {}

  /** A freshly initialised transformer; draws from {@code rng} in parameter order. */
  private static SequenceModel create(ModelConfig c, SplittableRandom rng) {
    int d = c.dModel();
    int heads = c.intOption("heads");
    int ratio = c.intOption("mlp_ratio");
    PositionalEncoding pos = PositionalEncoding.parse(c.option("pos"));
    if (d % heads != 0) {
      throw new IllegalArgumentException(
          "transformer: d_model " + d + " is not divisible by heads " + heads);
    }
    var embedding = new Embedding("embedding", c.vocabSize(), d, 0.02f, rng);
    List<Layer> body = new ArrayList<>();
    switch (pos) {
      case SINUSOIDAL -> body.add(AbsolutePositions.sinusoidal(d));
      case LEARNED -> body.add(
          AbsolutePositions.learned("positions", d, c.intOption("max_len"), rng));
      case NONE, ROPE, ALIBI -> { }
    }
    for (int l = 0; l < c.nLayers(); l++) {
      String p = "layers." + l;
      body.add(new Residual(Sequential.of(
          new LayerNorm(p + ".norm1", d, LayerNorm.DEFAULT_EPS),
          new CausalSelfAttention(p + ".attn", d, heads, pos, rng))));
      body.add(new Residual(Sequential.of(
          new LayerNorm(p + ".norm2", d, LayerNorm.DEFAULT_EPS),
          new Linear(p + ".mlp.fc1", d, ratio * d, true, rng),
          Activation.gelu(ratio * d),
          new Linear(p + ".mlp.fc2", ratio * d, d, true, rng))));
    }
    body.add(new LayerNorm("norm_f", d, LayerNorm.DEFAULT_EPS));
    return new LanguageModel(c, embedding, new Sequential(body),
        Linear.tiedTo(embedding.weight()));
  }
}
