package ssmlab.model;

import java.util.List;

import ssmlab.nn.Parameter;

/**
 * A causal sequence model trained by the engine: maps token ids (batch, len) to logits
 * (batch, len, vocab), where the logits at position t depend only on tokens 0..t.
 *
 * <p>Call protocol for one training step: {@link #zeroGrad()}, {@link #forward}, compute the loss
 * gradient with respect to the logits, {@link #backward}; the parameter gradients are then in
 * {@link Parameter#grad()} for the optimizer. {@link #forward} alone is the evaluation path. A
 * model is not thread-safe (it caches activations); it uses the engine's thread pool internally.
 * Two models built by {@link Models#create} from the same config and seed have identical
 * parameters, and give bit-identical logits and gradients for the same inputs and thread count.
 */
public interface SequenceModel {

  /** The configuration it was built from (family, sizes, options). */
  ModelConfig config();

  /** The number of token ids, the last dimension of the logits. */
  default int vocabSize() {
    return config().vocabSize();
  }

  /**
   * Runs the model and caches the activations {@link #backward} needs.
   *
   * @param tokens (batch, len) row-major token ids in [0, vocabSize); not modified, and must stay
   *     unmodified until backward
   * @param batch number of sequences, at least 1
   * @param len sequence length, at least 1
   * @return logits (batch, len, vocabSize), a buffer owned by the model and overwritten by the
   *     next forward
   * @throws IllegalArgumentException if a token id is out of range
   */
  float[] forward(int[] tokens, int batch, int len);

  /**
   * Backpropagates through the last {@link #forward}, adding into every parameter's gradient.
   *
   * @param dLogits dLoss/dLogits, (batch, len, vocabSize) of the last forward; not modified
   */
  void backward(float[] dLogits);

  /**
   * The trainable parameters, each listed once (tied weights appear once), in a fixed order; the
   * names are unique and follow the reference code ({@code layers.0.mixer.in_proj.weight}).
   */
  List<Parameter> parameters();

  /** Sets every parameter's gradient to zero. */
  default void zeroGrad() {
    for (Parameter p : parameters()) {
      p.zeroGrad();
    }
  }

  /** The number of trainable scalars. */
  default long parameterCount() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.size();
    }
    return n;
  }
}
