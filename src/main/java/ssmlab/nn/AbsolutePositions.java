package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Kernels;

/**
 * Adds a position vector to every token: {@code y[b, t] = x[b, t] + pe[t]}, with pe either the
 * fixed sinusoids {@code pe[t, 2i] = sin(t·ω_i)}, {@code pe[t, 2i+1] = cos(t·ω_i)},
 * {@code ω_i = 10000^{−2i/d}}, or a learned table {@code <name>.weight} (maxLen, d), init
 * N(0, 0.02²), decayed like every matrix.
 */
public final class AbsolutePositions implements Layer {

  private final int dim;
  private final int maxLen;
  private final Parameter table; // learned: (maxLen, dim); null for sinusoids
  private float[] sinusoids = new float[0]; // (len, dim), grown on demand
  private int batch;
  private int len;
  private float[] y;
  private float[] dx;

  private AbsolutePositions(int dim, int maxLen, Parameter table) {
    this.dim = dim;
    this.maxLen = maxLen;
    this.table = table;
  }

  /** Fixed sinusoidal positions (any length). */
  public static AbsolutePositions sinusoidal(int dim) {
    return new AbsolutePositions(dim, Integer.MAX_VALUE, null);
  }

  /** A learned table for sequences of at most {@code maxLen} tokens. */
  public static AbsolutePositions learned(String name, int dim, int maxLen, SplittableRandom rng) {
    var p = new Parameter(name + ".weight", true, maxLen, dim);
    Init.normal(p.data(), 0.02f, rng);
    return new AbsolutePositions(dim, maxLen, p);
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
    if (len > maxLen) {
      throw new IllegalArgumentException(
          "sequence length " + len + " exceeds the learned positions' max_len " + maxLen);
    }
    this.batch = batch;
    this.len = len;
    float[] pe = table != null ? table.data() : sinusoids(len);
    y = Buffers.ensure(y, batch * len * dim);
    for (int b = 0; b < batch; b++) {
      int o = b * len * dim;
      Kernels.add(x, o, pe, 0, y, o, len * dim);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy) {
    dx = Buffers.ensure(dx, dy.length);
    System.arraycopy(dy, 0, dx, 0, dx.length);
    if (table != null) {
      for (int b = 0; b < batch; b++) {
        Kernels.axpy(1f, dy, b * len * dim, table.grad(), 0, len * dim);
      }
    }
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return table == null ? List.of() : List.of(table);
  }

  private float[] sinusoids(int len) {
    if (sinusoids.length < len * dim) {
      float[] pe = new float[len * dim];
      for (int t = 0; t < len; t++) {
        for (int i = 0; 2 * i < dim; i++) {
          double w = Math.pow(10000, -2.0 * i / dim);
          pe[t * dim + 2 * i] = (float) Math.sin(t * w);
          if (2 * i + 1 < dim) {
            pe[t * dim + 2 * i + 1] = (float) Math.cos(t * w);
          }
        }
      }
      sinusoids = pe;
    }
    return sinusoids;
  }
}
