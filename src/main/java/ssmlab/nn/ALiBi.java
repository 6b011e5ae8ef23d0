package ssmlab.nn;

/**
 * Attention with Linear Biases (Press et al., 2022): head h adds {@code −m_h·(i − j)} to the
 * score of query i on key j (j ≤ i) before the softmax, and the model has no other position
 * information. The bias is constant, so it changes the forward only.
 *
 * <p>The slopes for H heads, H a power of two, are the geometric sequence
 * {@code m_h = 2^(−8h/H)}, h = 1..H (1/2, 1/4, …, 1/256 for H = 8). For other H, the paper takes
 * the H' = 2^⌊log₂ H⌋ slopes of H' heads, then the first H − H' of the odd-numbered slopes of 2H'
 * heads, {@code 2^(−8(2k−1)/(2H'))}, k = 1, 2, … (the slopes that interleave the first list).
 */
public final class ALiBi {

  private final float[] slopes; // (heads)

  /** The biases of {@code heads} heads. */
  public ALiBi(int heads) {
    double[] m = slopes(heads);
    this.slopes = new float[heads];
    for (int h = 0; h < heads; h++) {
      slopes[h] = (float) m[h];
    }
  }

  /** The slopes m_1..m_H of {@code heads} heads, in head order. */
  public static double[] slopes(int heads) {
    if (heads < 1) {
      throw new IllegalArgumentException("ALiBi needs at least one head, got " + heads);
    }
    int pow = Integer.highestOneBit(heads);
    double[] m = new double[heads];
    for (int h = 1; h <= pow; h++) {
      m[h - 1] = Math.pow(2, -8.0 * h / pow);
    }
    for (int k = 1; pow + k <= heads; k++) {
      m[pow + k - 1] = Math.pow(2, -8.0 * (2 * k - 1) / (2 * pow));
    }
    return m;
  }

  /**
   * Scales the causal score row of query {@code i} and adds head {@code h}'s bias:
   * {@code s[off + j] = scale·s[off + j] − m_h·(i − j)} for j = 0..i.
   */
  public void bias(float[] s, int off, int i, int h, float scale) {
    float m = slopes[h];
    for (int j = 0; j <= i; j++) {
      s[off + j] = scale * s[off + j] - m * (i - j);
    }
  }
}
