package ssmlab.nn;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

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
    float[] out = y;
    Parallel.forAligned(n, Kernels.VECTOR_ALIGN, Kernels.MIN_PARALLEL_ELEMENTS, (i, e) -> {
      switch (function) {
        case SILU -> Kernels.silu(x, i, out, i, e - i);
        case SOFTPLUS -> Kernels.softplus(x, i, out, i, e - i);
        case GELU -> Kernels.gelu(x, i, out, i, e - i);
      }
    });
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    int n = y.length;
    dx = Buffers.ensure(dx, n);
    float[] in = x;
    float[] out = dx;
    Parallel.forAligned(n, Kernels.VECTOR_ALIGN, Kernels.MIN_PARALLEL_ELEMENTS, (i, e) -> {
      switch (function) {
        case SILU -> Kernels.siluBackward(in, i, dy, i, out, i, e - i, false);
        case SOFTPLUS -> Kernels.softplusBackward(in, i, dy, i, out, i, e - i, false);
        case GELU -> Kernels.geluBackward(in, i, dy, i, out, i, e - i, false);
      }
    });
    return dx;
  }
}
