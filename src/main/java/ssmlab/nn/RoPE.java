package ssmlab.nn;

import ssmlab.tensor.Kernels;

/**
 * Rotary position embedding on one head vector of even size {@code hd}: the pairs
 * {@code (v_i, v_{i+hd/2})} are rotated by the angle {@code t·θ_i}, {@code θ_i = 10000^{−2i/hd}}
 * (the GPT-NeoX "half" layout). The rotation is orthogonal, so its backward is the rotation by
 * {@code −t·θ_i}.
 */
public final class RoPE {

  private final int half;
  private float[] cos = new float[0]; // (len, half)
  private float[] sin = new float[0];

  /** Rotary embedding for heads of size {@code headDim} (even). */
  public RoPE(int headDim) {
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException("RoPE needs an even head size, got " + headDim);
    }
    this.half = headDim / 2;
  }

  /** Makes sure the tables cover positions {@code [0, len)}. */
  public void ensure(int len) {
    if (cos.length >= len * half) {
      return;
    }
    cos = new float[len * half];
    sin = new float[len * half];
    for (int t = 0; t < len; t++) {
      for (int i = 0; i < half; i++) {
        double angle = t * Math.pow(10000, -2.0 * i / (2 * half));
        cos[t * half + i] = (float) Math.cos(angle);
        sin[t * half + i] = (float) Math.sin(angle);
      }
    }
  }

  /**
   * Rotates {@code v[off .. off+hd)} in place for position {@code t} (forward), or by the opposite
   * angle when {@code inverse} (backward). Call {@link #ensure} first.
   */
  public void rotate(float[] v, int off, int t, boolean inverse) {
    Kernels.rotatePairs(v, off, half, cos, sin, t * half, inverse);
  }
}
