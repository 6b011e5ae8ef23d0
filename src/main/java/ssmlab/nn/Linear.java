package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Gemm;
import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * A dense layer {@code y = x·Wᵀ + b} with W of shape (out, in), as PyTorch's {@code nn.Linear}.
 *
 * <p>Parameters: {@code <name>.weight} (out, in), decayed; {@code <name>.bias} (out), not decayed,
 * when present. A tied linear ({@link #tiedTo}) reuses another layer's weight (the language-model
 * head tied to the embedding) and lists no parameters of its own.
 */
public final class Linear implements Layer {

  private final int in;
  private final int out;
  private final Parameter weight;
  private final Parameter bias; // null when there is no bias
  private final List<Parameter> params;

  private float[] x; // cached input (rows, in)
  private int rows;
  private float[] y;
  private float[] dx;

  /**
   * A linear layer with PyTorch's default initialisation U(-1/√in, 1/√in) for weight and bias.
   *
   * @param name parameter name prefix, e.g. {@code layers.0.mixer.in_proj}
   */
  public Linear(String name, int in, int out, boolean hasBias, SplittableRandom rng) {
    this.in = in;
    this.out = out;
    this.weight = new Parameter(name + ".weight", true, out, in);
    Init.linearDefault(weight.data(), in, rng);
    if (hasBias) {
      this.bias = new Parameter(name + ".bias", false, out);
      Init.linearDefault(bias.data(), in, rng);
      this.params = List.of(weight, bias);
    } else {
      this.bias = null;
      this.params = List.of(weight);
    }
  }

  private Linear(Parameter weight) {
    int[] shape = weight.shape();
    if (shape.length != 2) {
      throw new IllegalArgumentException("a tied weight must be 2-d: " + weight);
    }
    this.out = shape[0];
    this.in = shape[1];
    this.weight = weight;
    this.bias = null;
    this.params = List.of();
  }

  /**
   * A bias-free linear layer using {@code weight} (out, in), owned and listed by another layer.
   * Its gradient is added into that parameter too.
   */
  public static Linear tiedTo(Parameter weight) {
    return new Linear(weight);
  }

  /** The weight (out, in). */
  public Parameter weight() {
    return weight;
  }

  /** The bias (out), or null. */
  public Parameter bias() {
    return bias;
  }

  @Override
  public int inputDim() {
    return in;
  }

  @Override
  public int outputDim() {
    return out;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.x = x;
    this.rows = batch * len;
    y = Buffers.ensure(y, rows * out);
    Gemm.matmulNT(x, weight.data(), y, rows, in, out, false);
    if (bias != null) {
      float[] b = bias.data();
      float[] yy = y;
      Parallel.forRange(rows, Math.max(1, Kernels.MIN_PARALLEL_ELEMENTS / out), (r0, r1) -> {
        for (int r = r0; r < r1; r++) {
          Kernels.axpy(1f, b, 0, yy, r * out, out);
        }
      });
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    Gemm.matmulTN(dy, x, weight.grad(), rows, out, in);
    if (bias != null) {
      Kernels.columnSums(dy, rows, out, bias.grad());
    }
    dx = Buffers.ensure(dx, rows * in);
    Gemm.matmulNN(dy, weight.data(), dx, rows, out, in, false);
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return params;
  }
}
