package ssmlab.model.hybrid;

/**
 * A hybrid's layer pattern: one letter per block, {@value #MAMBA} for a Mamba mixer and
 * {@value #ATTENTION} for causal self-attention. A pattern shorter than the stack repeats when
 * its length divides the number of layers ({@code MA} with 4 layers is {@code MAMA}, as Jamba
 * repeats its 8-layer block); the canonical spelling is always the full one, so the two
 * spellings of one model are one run.
 */
final class LayerPattern {

  static final char MAMBA = 'M';
  static final char ATTENTION = 'A';

  private LayerPattern() {}

  /**
   * The full pattern of a {@code layers}-block stack.
   *
   * @param letters upper case, only M and A
   * @throws IllegalArgumentException saying what a pattern must be, when it does not fit
   */
  static String fit(String letters, int layers) {
    int n = letters.length();
    if (n == 0 || n > layers || layers % n != 0) {
      throw new IllegalArgumentException(layers + " letters (one per layer), or fewer whose "
          + "count divides " + layers + " (they repeat: MA with 4 layers is MAMA)");
    }
    return letters.repeat(layers / n);
  }

  /** The default: M and A alternating, starting with M ({@code M}, {@code MA}, {@code MAM}, …). */
  static String alternating(int layers) {
    return "MA".repeat(layers / 2 + 1).substring(0, layers);
  }
}
