package ssmlab.nn;

import java.util.List;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * A residual connection around a layer: {@code y = x + f(x)}. A pre-norm block is
 * {@code new Residual(Sequential.of(norm, mixer))}, i.e. {@code x + mixer(norm(x))}.
 */
public final class Residual implements Layer {

  private final Layer inner;
  private float[] y;
  private float[] dx;

  /** A residual around {@code inner}, which must keep the feature size. */
  public Residual(Layer inner) {
    if (inner.inputDim() != inner.outputDim()) {
      throw new IllegalArgumentException("a residual layer must keep the feature size, got "
          + inner.inputDim() + " -> " + inner.outputDim());
    }
    this.inner = inner;
  }

  /** The wrapped layer. */
  public Layer inner() {
    return inner;
  }

  @Override
  public int inputDim() {
    return inner.inputDim();
  }

  @Override
  public int outputDim() {
    return inner.outputDim();
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    float[] f = inner.forward(x, batch, len);
    y = Buffers.ensure(y, f.length);
    addParallel(x, f, y);
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    float[] df = inner.backward(dy);
    dx = Buffers.ensure(dx, df.length);
    addParallel(dy, df, dx);
    return dx;
  }

  private static void addParallel(float[] a, float[] b, float[] out) {
    Parallel.forAligned(b.length, Kernels.VECTOR_ALIGN, Kernels.MIN_PARALLEL_ELEMENTS,
        (i, e) -> Kernels.add(a, i, b, i, out, i, e - i));
  }

  @Override
  public List<Parameter> parameters() {
    return inner.parameters();
  }
}
