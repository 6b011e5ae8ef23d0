package ssmlab.model.mamba;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Buffers;
import ssmlab.nn.Embedding;
import ssmlab.nn.Layer;
import ssmlab.nn.Linear;
import ssmlab.nn.Parameter;
import ssmlab.nn.RMSNorm;
import ssmlab.tensor.Kernels;

/**
 * The language model around a sequence mixer, as mixer_seq_simple.py builds it: embedding (std
 * 0.02), pre-norm residual blocks {@code r = r + mixer(RMSNorm(r))}, a final RMSNorm
 * ({@code backbone.norm_f}) and a head tied to the embedding (or {@code lm_head} when untied).
 * Mamba and S4D differ only in the mixer.
 */
public final class ResidualLM implements SequenceModel {

  /** Builds the mixer of one block. */
  @FunctionalInterface
  public interface MixerFactory {
    /**
     * @param prefix parameter prefix, e.g. {@code backbone.layers.0.mixer}
     */
    Layer create(String prefix, SplittableRandom rng);
  }

  private final ModelConfig config;
  private final int dModel;
  private final Embedding embedding;
  private final RMSNorm[] norms;
  private final Layer[] mixers;
  private final RMSNorm normF;
  private final Linear head;
  private final List<Parameter> params = new ArrayList<>();
  private float[][] residual; // residual[i]: input of block i; residual[nLayer]: after the last
  private float[] dResidual;

  /**
   * @param config what {@link #config()} reports; its vocabSize is the number of logit columns
   * @param eps the RMSNorm epsilon
   */
  public ResidualLM(ModelConfig config, float eps, boolean tieEmbeddings, MixerFactory mixer,
      SplittableRandom rng) {
    this.config = config;
    this.dModel = config.dModel();
    int vocab = config.vocabSize();
    embedding = new Embedding("backbone.embedding", vocab, dModel, 0.02f, rng);
    params.addAll(embedding.parameters());
    norms = new RMSNorm[config.nLayers()];
    mixers = new Layer[config.nLayers()];
    for (int i = 0; i < mixers.length; i++) {
      String prefix = "backbone.layers." + i;
      norms[i] = new RMSNorm(prefix + ".norm", dModel, eps);
      mixers[i] = mixer.create(prefix + ".mixer", rng);
      params.addAll(norms[i].parameters());
      params.addAll(mixers[i].parameters());
    }
    normF = new RMSNorm("backbone.norm_f", dModel, eps);
    params.addAll(normF.parameters());
    if (tieEmbeddings) {
      head = Linear.tiedTo(embedding.weight());
    } else {
      head = new Linear("lm_head", dModel, vocab, false, rng);
      params.addAll(head.parameters());
    }
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  /** The mixer of block {@code i}. */
  public Layer mixer(int i) {
    return mixers[i];
  }

  @Override
  public float[] forward(int[] tokens, int batch, int len) {
    int n = batch * len * dModel;
    if (residual == null) {
      residual = new float[mixers.length + 1][];
    }
    residual[0] = embedding.forward(tokens, batch, len);
    for (int i = 0; i < mixers.length; i++) {
      float[] mixed = mixers[i].forward(norms[i].forward(residual[i], batch, len), batch, len);
      residual[i + 1] = Buffers.ensure(residual[i + 1], n);
      Kernels.add(residual[i], 0, mixed, 0, residual[i + 1], 0, n);
    }
    return head.forward(normF.forward(residual[mixers.length], batch, len), batch, len);
  }

  @Override
  public void backward(float[] dLogits) {
    float[] dNorm = normF.backward(head.backward(dLogits));
    dResidual = Buffers.ensure(dResidual, dNorm.length);
    System.arraycopy(dNorm, 0, dResidual, 0, dNorm.length);
    for (int i = mixers.length - 1; i >= 0; i--) {
      float[] dn = norms[i].backward(mixers[i].backward(dResidual));
      Kernels.addInPlace(dResidual, dn, dResidual.length);
    }
    embedding.backward(dResidual);
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }
}
