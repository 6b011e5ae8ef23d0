package ssmlab.model.mamba;

/**
 * The range of the state transition's eigenvalues: Mamba's own (0, 1), or Grazzi et al.'s
 * (-1, 1), which maps {@code deltaA = exp(delta*A)} to {@code 2*deltaA - 1}.
 */
public enum Eigenvalues {
  /** {@code deltaA = exp(delta*A)} in (0, 1): the reference code. */
  POSITIVE("0,1"),
  /** {@code deltaA = 2*exp(delta*A) - 1} in (-1, 1) (Grazzi et al., ICLR 2025). */
  SIGNED("-1,1");

  /** The reference code's range, what a config that does not say gets. */
  public static final Eigenvalues DEFAULT = POSITIVE;

  private final String range;

  Eigenvalues(String range) {
    this.range = range;
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
