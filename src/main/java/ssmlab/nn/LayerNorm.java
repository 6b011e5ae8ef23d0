package ssmlab.nn;

import java.util.List;

import ssmlab.tensor.Parallel;

/**
 * Layer normalisation over the last dimension:
 * {@code y = (x − mean(x)) · rsqrt(var(x) + eps) · weight + bias} (biased variance, as PyTorch).
 *
 * <p>Parameters {@code <name>.weight} (dim, init 1) and {@code <name>.bias} (dim, init 0), neither
 * decayed. Backward, with {@code x̂} the normalised input, {@code r = rsqrt(var + eps)} and
 * {@code g = dy ⊙ weight}: {@code dx = r·(g − mean(g) − x̂·mean(g ⊙ x̂))}.
 */
public final class LayerNorm implements Layer {

  /** PyTorch's default epsilon. */
  public static final float DEFAULT_EPS = 1e-5f;

  private final int dim;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;
  private int rows;
  private float[] xhat; // (rows, dim)
  private float[] rstd; // (rows)
  private float[] y;
  private float[] dx;

  /** A LayerNorm with gain 1 and bias 0. */
  public LayerNorm(String name, int dim, float eps) {
    this.dim = dim;
    this.eps = eps;
    this.weight = new Parameter(name + ".weight", false, dim);
    this.bias = new Parameter(name + ".bias", false, dim);
    Init.constant(weight.data(), 1f);
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
    rows = batch * len;
    y = Buffers.ensure(y, rows * dim);
    xhat = Buffers.ensure(xhat, rows * dim);
    rstd = Buffers.ensure(rstd, rows);
    float[] w = weight.data();
    float[] b = bias.data();
    Parallel.forRange(rows, 64, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * dim;
        float mean = 0f;
        for (int i = 0; i < dim; i++) {
          mean += x[o + i];
        }
        mean /= dim;
        float var = 0f;
        for (int i = 0; i < dim; i++) {
          float d = x[o + i] - mean;
          var += d * d;
        }
        var /= dim;
        float rs = (float) (1 / Math.sqrt(var + eps));
        rstd[r] = rs;
        for (int i = 0; i < dim; i++) {
          float h = (x[o + i] - mean) * rs;
          xhat[o + i] = h;
          y[o + i] = h * w[i] + b[i];
        }
      }
    });
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    dx = Buffers.ensure(dx, rows * dim);
    float[] w = weight.data();
    float[] gw = weight.grad();
    float[] gb = bias.grad();
    for (int r = 0; r < rows; r++) {
      int o = r * dim;
      for (int i = 0; i < dim; i++) {
        gw[i] += dy[o + i] * xhat[o + i];
        gb[i] += dy[o + i];
      }
    }
    Parallel.forRange(rows, 64, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * dim;
        float meanG = 0f;
        float meanGx = 0f;
        for (int i = 0; i < dim; i++) {
          float g = dy[o + i] * w[i];
          meanG += g;
          meanGx += g * xhat[o + i];
        }
        meanG /= dim;
        meanGx /= dim;
        float rs = rstd[r];
        for (int i = 0; i < dim; i++) {
          dx[o + i] = rs * (dy[o + i] * w[i] - meanG - xhat[o + i] * meanGx);
        }
      }
    });
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }
}
