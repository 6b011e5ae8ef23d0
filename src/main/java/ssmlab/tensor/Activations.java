package ssmlab.tensor;

/**
 * Scalar activation functions and their derivatives, shared by the kernels and by layers that
 * fuse them into their own loops (the Mamba gate, LSTM cells).
 */
public final class Activations {

  /** Above this input softplus is the identity, as in the reference CUDA kernel. */
  public static final float SOFTPLUS_THRESHOLD = 20f;

  private Activations() {}

  /** {@code σ(x) = 1 / (1 + e^{-x})}. */
  public static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  /** {@code silu(x) = x·σ(x)}. */
  public static float silu(float x) {
    return x * sigmoid(x);
  }

  /** {@code silu'(x) = σ(x)·(1 + x·(1 − σ(x)))}. */
  public static float siluDerivative(float x) {
    float s = sigmoid(x);
    return s * (1f + x * (1f - s));
  }

  /** {@code softplus(x) = log(1 + e^x)}, the identity above {@link #SOFTPLUS_THRESHOLD}. */
  public static float softplus(float x) {
    return x > SOFTPLUS_THRESHOLD ? x : (float) Math.log1p(Math.exp(x));
  }

  /** {@code softplus'(x) = σ(x)}, 1 above {@link #SOFTPLUS_THRESHOLD}. */
  public static float softplusDerivative(float x) {
    return x > SOFTPLUS_THRESHOLD ? 1f : sigmoid(x);
  }

  /** √(2/π), the GELU tanh-approximation constant. */
  public static final float GELU_C = 0.7978845608f;
  /** The cubic coefficient of the GELU tanh approximation. */
  public static final float GELU_A = 0.044715f;

  /**
   * GELU, tanh approximation: {@code 0.5·x·(1 + tanh(u)) = x·σ(2u)} with
   * {@code u = √(2/π)·(x + 0.044715·x³)}.
   */
  public static float gelu(float x) {
    return x * geluGate(x);
  }

  /** GELU's gate {@code s = σ(2u)}, so that {@code gelu(x) = x·s}. */
  public static float geluGate(float x) {
    float u = GELU_C * (x + GELU_A * x * x * x);
    return sigmoid(2 * u);
  }

  /**
   * {@code gelu'(x) = s + x·s·(1 − s)·2u'} with {@code s = σ(2u)} and
   * {@code u' = √(2/π)·(1 + 3·0.044715·x²)}.
   */
  public static float geluDerivative(float x) {
    return geluDerivative(x, geluGate(x));
  }

  /** {@link #geluDerivative(float)} given the gate {@code s = geluGate(x)} of the forward pass. */
  public static float geluDerivative(float x, float s) {
    float du = GELU_C * (1 + 3 * GELU_A * x * x);
    return s + x * s * (1 - s) * 2 * du;
  }

  /** {@code tanh(x)}. */
  public static float tanh(float x) {
    return (float) Math.tanh(x);
  }
}
