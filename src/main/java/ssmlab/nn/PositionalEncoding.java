package ssmlab.nn;

import java.util.Locale;

/** How a transformer learns where a token is. */
public enum PositionalEncoding {
  /** No position information (attention alone is permutation-equivariant up to the mask). */
  NONE,
  /** Fixed sines and cosines added to the embeddings (Vaswani et al., 2017). */
  SINUSOIDAL,
  /** A trained table (max_len, d_model) added to the embeddings (GPT-2). */
  LEARNED,
  /** Rotary embeddings applied to queries and keys in every attention layer (Su et al., 2021). */
  ROPE;

  /** Parses {@code none}, {@code sinusoidal}, {@code learned} or {@code rope}. */
  public static PositionalEncoding parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown positional encoding '" + s + "' (known: none, sinusoidal, learned, rope)");
    }
  }

  /** The lower-case name used in configs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
