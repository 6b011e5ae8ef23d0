package ssmlab.model.ids4;

/**
 * How IDS4 bounds each token's transition A(x_t), the option {@code transition_norm}.
 *
 * <p>{@link #INF} uses A'(x_t) = A(x_t) / max(1, ‖A(x_t)‖_∞), with ‖A‖_∞ = max_i Σ_j |A_ij| the
 * largest absolute row sum. Every induced norm bounds the spectral radius, and ‖·‖_∞ is
 * submultiplicative, so ‖A'(x_t)···A'(x_1)‖_∞ ≤ 1 for any number of tokens and any weights: the
 * state satisfies ‖h_t‖_∞ ≤ Σ_{s ≤ t} ‖W_B x_s‖_∞ and no product of transitions can overflow,
 * forward or backward. A matrix already inside the ball passes unchanged, permutation matrices
 * (norm exactly 1) included, so the construction for the S5 word problem is still one layer.
 */
public enum TransitionNorm {
  /** A(x_t) as it is: the paper's layer; nothing bounds the products of transitions. */
  NONE("none"),
  /** A(x_t) / max(1, ‖A(x_t)‖_∞): the default. */
  INF("inf");

  private final String key;

  TransitionNorm(String key) {
    this.key = key;
  }

  /** The option value, {@code none} or {@code inf}. */
  public String key() {
    return key;
  }

  /** The norm of option value {@code key}. */
  public static TransitionNorm of(String key) {
    for (TransitionNorm t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("transition_norm must be none or inf, got " + key);
  }
}
