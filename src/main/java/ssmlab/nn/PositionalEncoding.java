package ssmlab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a transformer learns where a token is. */
public enum PositionalEncoding {
  /**
   * NoPE: no position information; the causal mask alone lets a decoder infer positions
   * (Kazemnejad et al., 2023).
   */
  NONE,
  /** Fixed sines and cosines added to the embeddings (Vaswani et al., 2017). */
  SINUSOIDAL,
  /** A trained table (max_len, d_model) added to the embeddings (GPT-2). */
  LEARNED,
  /** Rotary embeddings applied to queries and keys in every attention layer (Su et al., 2021). */
  ROPE,
  /** Per-head linear biases on the attention scores in every layer ({@link ALiBi}). */
  ALIBI;

  /** Parses a {@link #key()}, ignoring case. */
  public static PositionalEncoding parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown positional encoding '" + s + "' (known: "
          + Arrays.stream(values()).map(PositionalEncoding::key).collect(Collectors.joining(", "))
          + ")");
    }
  }

  /** The lower-case name used in configs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
