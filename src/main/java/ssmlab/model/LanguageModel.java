package ssmlab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import ssmlab.nn.Embedding;
import ssmlab.nn.Layer;
import ssmlab.nn.Parameter;

/**
 * The shape every family shares: {@code logits = head(body(embedding(tokens)))}, where the body
 * (blocks, positions, final norm) is one {@link Layer} over (batch, len, d_model) and the head
 * maps d_model to the vocabulary (tied to the embedding or not).
 *
 * <p>Families build their body and head and hand them here; this class owns the
 * {@link SequenceModel} plumbing (shapes, parameter list without duplicates, backward order).
 */
public final class LanguageModel implements SequenceModel {

  private final ModelConfig config;
  private final Embedding embedding;
  private final Layer body;
  private final Layer head;
  private final List<Parameter> params;

  /**
   * Assembles a model.
   *
   * @param embedding token table (vocab, d_model)
   * @param body d_model to the head's input size
   * @param head to vocab logits; a tied head lists no parameters of its own
   */
  public LanguageModel(ModelConfig config, Embedding embedding, Layer body, Layer head) {
    if (body.inputDim() != embedding.dim() || head.inputDim() != body.outputDim()
        || head.outputDim() != config.vocabSize()) {
      throw new IllegalArgumentException("model parts do not fit: embedding " + embedding.dim()
          + ", body " + body.inputDim() + "->" + body.outputDim() + ", head " + head.inputDim()
          + "->" + head.outputDim() + ", vocab " + config.vocabSize());
    }
    this.config = config;
    this.embedding = embedding;
    this.body = body;
    this.head = head;
    Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    var ps = new ArrayList<Parameter>();
    for (List<Parameter> group : List.of(embedding.parameters(), body.parameters(),
        head.parameters())) {
      for (Parameter p : group) {
        if (seen.add(p)) {
          ps.add(p);
        }
      }
    }
    this.params = List.copyOf(ps);
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public float[] forward(int[] tokens, int batch, int len) {
    if (batch < 1 || len < 1 || tokens.length < batch * len) {
      throw new IllegalArgumentException("need batch, len >= 1 and " + batch + "x" + len
          + " tokens, got " + tokens.length);
    }
    float[] h = embedding.forward(tokens, batch, len);
    h = body.forward(h, batch, len);
    return head.forward(h, batch, len);
  }

  @Override
  public void backward(float[] dLogits) {
    float[] g = head.backward(dLogits);
    g = body.backward(g);
    embedding.backward(g);
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }
}
