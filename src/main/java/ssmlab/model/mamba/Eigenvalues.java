package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;

import ssmlab.arith.Arithmetic;

/**
 * The range of the state transition's eigenvalues: Mamba's own (0, 1), or Grazzi et al.'s
 * (-1, 1), which maps {@code deltaA = exp(delta*A)} to {@code 2*deltaA - 1}. The map is defined
 * here once, in each of the number systems that compute it (float, Vector API lanes, any
 * {@link Arithmetic}); the scans and the reference forward call it.
 */
public enum Eigenvalues {
  /** {@code deltaA = exp(delta*A)} in (0, 1): the reference code. */
  POSITIVE("0,1", 1f, 0f),
  /** {@code deltaA = 2*exp(delta*A) - 1} in (-1, 1) (Grazzi et al., ICLR 2025). */
  SIGNED("-1,1", 2f, -1f);

  /** The reference code's range, what a config that does not say gets. */
  public static final Eigenvalues DEFAULT = POSITIVE;

  private final String range;
  private final float slope;
  private final float shift;

  /** {@code deltaA = slope * e + shift} for {@code e = exp(delta*A)}. */
  Eigenvalues(String range, float slope, float shift) {
    this.range = range;
    this.slope = slope;
    this.shift = shift;
  }

  /** deltaA from {@code e = exp(delta*A)}: {@code e}, or {@code 2e - 1} (one rounding each). */
  public float deltaA(float e) {
    return slope * e + shift;
  }

  /** The same on every lane ({@code fma(e, 1, 0) = e} exactly). */
  public FloatVector deltaA(FloatVector e) {
    return e.fma(slope, shift);
  }

  /**
   * The same in {@code ar}: {@code e}, or {@code 2e - 1} as a product and a difference, each
   * rounded once. {@code one} and {@code two} are {@code ar}'s constants (a caller makes them once).
   */
  public <T> T deltaA(Arithmetic<T> ar, T e, T one, T two) {
    return this == POSITIVE ? e : ar.subtract(ar.multiply(two, e), one);
  }

  /** {@code d deltaA / d e}: 1 or 2. */
  public float slope() {
    return slope;
  }

  /** The range as the command line and config.json write it: {@code 0,1} or {@code -1,1}. */
  public String range() {
    return range;
  }

  /** Parses {@code 0,1} or {@code -1,1} (brackets and spaces allowed). */
  public static Eigenvalues parse(String s) {
    String t = s.replaceAll("[\\s\\[\\]()]", "");
    for (Eigenvalues e : values()) {
      if (e.range.equals(t)) {
        return e;
      }
    }
    throw new IllegalArgumentException("eigenvalues must be 0,1 or -1,1, got '" + s + "'");
  }
}
