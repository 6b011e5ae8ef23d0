package ssmlab.nn;

import java.util.List;

/**
 * A differentiable map from activations (batch, len, inputDim) to (batch, len, outputDim) with
 * its own parameters; see the package documentation for the buffer and caching convention.
 */
public interface Layer {

  /** The feature size of the input (the last dimension). */
  int inputDim();

  /** The feature size of the output (the last dimension). */
  int outputDim();

  /**
   * Computes the output and caches what {@link #backward} needs.
   *
   * @param x (batch, len, inputDim); not modified, and must stay unmodified until backward
   * @return (batch, len, outputDim), a buffer owned by the layer and overwritten by the next call
   */
  float[] forward(float[] x, int batch, int len);

  /**
   * Backpropagates through the last {@link #forward}: adds the parameter gradients into their
   * {@link Parameter#grad()} and returns the input gradient.
   *
   * @param dy dLoss/dOutput, (batch, len, outputDim) of the last forward; not modified
   * @return dLoss/dInput, (batch, len, inputDim), a buffer owned by the layer
   */
  float[] backward(float[] dy);

  /** The trainable parameters, in a fixed order (empty for parameter-free layers). */
  default List<Parameter> parameters() {
    return List.of();
  }
}
