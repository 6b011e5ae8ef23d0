package ssmlab.nn;

import ssmlab.tensor.Kernels;

/** An elementwise activation (SiLU, softplus or GELU) as a parameter-free layer. */
public final class Activation implements Layer {

  /** The functions on offer. */
  public enum Function {
    /** {@code silu(x) = x·σ(x)}. */
    SILU,
    /** {@code softplus(x) = log(1 + e^x)}, the identity above 20 (as the reference CUDA code). */
    SOFTPLUS,
    /** GELU, tanh approximation (GPT-2's MLP). */
    GELU
  }

  private final Function function;
  private final int dim;
  private float[] x;
  private float[] y;
  private float[] dx;

  /** An activation on vectors of size {@code dim}. */
  public Activation(Function function, int dim) {
    this.function = function;
    this.dim = dim;
  }

  /** A SiLU layer. */
  public static Activation silu(int dim) {
    return new Activation(Function.SILU, dim);
  }

  /** A GELU layer. */
  public static Activation gelu(int dim) {
    return new Activation(Function.GELU, dim);
  }

  /** A softplus layer. */
  public static Activation softplus(int dim) {
    return new Activation(Function.SOFTPLUS, dim);
  }

  @Override
  public int inputDim() {
    return dim;
  }

  @Override
  public int outputDim() {
    return dim;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.x = x;
    int n = batch * len * dim;
    y = Buffers.ensure(y, n);
    switch (function) {
      case SILU -> Kernels.silu(x, 0, y, 0, n);
      case SOFTPLUS -> Kernels.softplus(x, 0, y, 0, n);
      case GELU -> Kernels.gelu(x, 0, y, 0, n);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    int n = y.length;
    dx = Buffers.ensure(dx, n);
    switch (function) {
      case SILU -> Kernels.siluBackward(x, 0, dy, 0, dx, 0, n, false);
      case SOFTPLUS -> Kernels.softplusBackward(x, 0, dy, 0, dx, 0, n, false);
      case GELU -> Kernels.geluBackward(x, 0, dy, 0, dx, 0, n, false);
    }
    return dx;
  }
}
