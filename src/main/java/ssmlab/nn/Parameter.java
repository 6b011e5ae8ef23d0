package ssmlab.nn;

import java.util.Arrays;

/**
 * A trainable tensor: name, shape, float32 values and the gradient accumulated for them.
 *
 * <p>{@code data} and {@code grad} are row-major and have {@link #size()} elements; layers read
 * {@code data} and add into {@code grad}; the optimizer updates {@code data} and zeroes
 * {@code grad}. {@link #weightDecay()} is set by the layer that owns the parameter: true for
 * weight matrices and embeddings, false for biases, norm gains, {@code A_log}, {@code D} and the
 * like (AdamW skips decay for those).
 */
public final class Parameter {

  private final String name;
  private final int[] shape;
  private final float[] data;
  private final float[] grad;
  private final boolean weightDecay;

  /**
   * A zero-filled parameter.
   *
   * @param name hierarchical name, e.g. {@code layers.0.mixer.in_proj.weight}
   * @param weightDecay whether AdamW decays it
   * @param shape its shape (PyTorch order, e.g. (out, in) for a linear weight)
   */
  public Parameter(String name, boolean weightDecay, int... shape) {
    this.name = name;
    this.shape = shape.clone();
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape of " + name);
      }
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + name + " is too large: " + n);
    }
    this.data = new float[(int) n];
    this.grad = new float[(int) n];
    this.weightDecay = weightDecay;
  }

  /** The hierarchical name. */
  public String name() {
    return name;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** The number of elements. */
  public int size() {
    return data.length;
  }

  /** The values (row-major); the array itself, modified by optimizers and initialisers. */
  public float[] data() {
    return data;
  }

  /** The accumulated gradient (row-major, same size as {@link #data()}). */
  public float[] grad() {
    return grad;
  }

  /** Whether AdamW applies weight decay to it. */
  public boolean weightDecay() {
    return weightDecay;
  }

  /** Sets the gradient to zero. */
  public void zeroGrad() {
    Arrays.fill(grad, 0f);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
