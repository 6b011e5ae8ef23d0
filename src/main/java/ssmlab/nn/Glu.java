package ssmlab.nn;

import ssmlab.tensor.Kernels;

/**
 * The gated linear unit over the last dimension, as PyTorch's {@code nn.GLU(dim=-1)}: input
 * (…, 2d) split into halves a, b, output {@code a ⊙ σ(b)} (…, d). Backward:
 * {@code da = dy ⊙ σ(b)}, {@code db = dy ⊙ a ⊙ σ(b)(1 − σ(b))}.
 */
public final class Glu implements Layer {

  private final int dim;
  private float[] x;
  private float[] sig; // σ(b), (rows, d)
  private float[] y;
  private float[] dx;

  /** A GLU from 2·{@code dim} to {@code dim} features. */
  public Glu(int dim) {
    this.dim = dim;
  }

  @Override
  public int inputDim() {
    return 2 * dim;
  }

  @Override
  public int outputDim() {
    return dim;
  }

  @Override
  public float[] forward(float[] x, int batch, int len) {
    this.x = x;
    int rows = batch * len;
    y = Buffers.ensure(y, rows * dim);
    sig = Buffers.ensure(sig, rows * dim);
    for (int r = 0; r < rows; r++) {
      Kernels.sigmoid(x, r * 2 * dim + dim, sig, r * dim, dim);
      Kernels.mul(x, r * 2 * dim, sig, r * dim, y, r * dim, dim);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    int rows = y.length / dim;
    dx = Buffers.ensure(dx, rows * 2 * dim);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < dim; i++) {
        float a = x[r * 2 * dim + i];
        float s = sig[r * dim + i];
        float gy = dy[r * dim + i];
        dx[r * 2 * dim + i] = gy * s;
        dx[r * 2 * dim + dim + i] = gy * a * s * (1 - s);
      }
    }
    return dx;
  }
}
