package ssmlab.nn;

import java.util.List;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * Root-mean-square normalisation over the last dimension:
 * {@code y = x · rsqrt(mean(x²) + eps) · weight} (Mamba's {@code rms_norm_ref}).
 *
 * <p>Parameter {@code <name>.weight} (dim), initialised to 1, not decayed. Backward, with
 * {@code r = rsqrt(mean(x²) + eps)}, {@code x̂ = x·r}, {@code g = dy ⊙ weight}:
 * {@code dx = r·(g − x̂·mean(g ⊙ x̂))}, {@code dweight += Σ_rows dy ⊙ x̂}.
 */
public final class RMSNorm implements Layer {

  /** Mamba's default epsilon. */
  public static final float DEFAULT_EPS = 1e-5f;

  private final int dim;
  private final float eps;
  private final Parameter weight;
  private float[] x;
  private int rows;
  private float[] rstd; // (rows)
  private float[] y;
  private float[] dx;

  /** An RMSNorm with gain initialised to 1. */
  public RMSNorm(String name, int dim, float eps) {
    this.dim = dim;
    this.eps = eps;
    this.weight = new Parameter(name + ".weight", false, dim);
    Init.constant(weight.data(), 1f);
  }

  /** The gain (dim). */
  public Parameter weight() {
    return weight;
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
    rows = batch * len;
    y = Buffers.ensure(y, rows * dim);
    rstd = Buffers.ensure(rstd, rows);
    float[] w = weight.data();
    Parallel.forRange(rows, 64, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * dim;
        float ms = Kernels.dot(x, o, x, o, dim) / dim;
        float rs = (float) (1 / Math.sqrt(ms + eps));
        rstd[r] = rs;
        Kernels.mul(x, o, w, 0, y, o, dim);
        Kernels.scale(y, o, dim, rs);
      }
    });
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    dx = Buffers.ensure(dx, rows * dim);
    float[] w = weight.data();
    float[] gw = weight.grad();
    for (int r = 0; r < rows; r++) {
      int o = r * dim;
      float rs = rstd[r];
      for (int i = 0; i < dim; i++) {
        gw[i] += dy[o + i] * x[o + i] * rs;
      }
    }
    Parallel.forRange(rows, 64, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * dim;
        float rs = rstd[r];
        // mean(g ⊙ x̂) with g = dy ⊙ w and x̂ = x·r
        float c = 0f;
        for (int i = 0; i < dim; i++) {
          c += dy[o + i] * w[i] * x[o + i];
        }
        c = c * rs / dim;
        for (int i = 0; i < dim; i++) {
          dx[o + i] = rs * (dy[o + i] * w[i] - x[o + i] * rs * c);
        }
      }
    });
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight);
  }
}
