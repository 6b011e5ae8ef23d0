package ssmlab.model.mamba;

import java.util.Locale;

/**
 * How the continuous (A, B) become the discrete (deltaA, deltaB). Both use ZOH for A,
 * {@code deltaA = exp(delta*A)}; they differ in B.
 */
public enum Discretization {
  /** {@code deltaB = delta*B} (Euler), as the reference code and its CUDA kernel compute. */
  MAMBA,
  /**
   * The paper's exact ZOH (Definition A.4): {@code deltaB = (delta*A)^-1 (exp(delta*A) - 1) delta*B},
   * which for diagonal A is {@code (deltaA - 1) / A * B}.
   */
  ZOH;

  /** The reference code's, what a config that does not say gets. */
  public static final Discretization DEFAULT = MAMBA;

  /** The name as the command line and config.json write it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code mamba} or {@code zoh}. */
  public static Discretization parse(String s) {
    for (Discretization d : values()) {
      if (d.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("discretization must be mamba or zoh, got '" + s + "'");
  }
}
