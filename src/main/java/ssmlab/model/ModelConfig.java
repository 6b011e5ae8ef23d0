package ssmlab.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a model is: its family, the sizes every family has, and family options as strings (so the
 * config round-trips through JSON and safetensors metadata unchanged).
 *
 * <p>Options by family (defaults in brackets), read with the typed getters:
 * <ul>
 *   <li>{@code transformer}: {@code heads} [4], {@code mlp_ratio} [4], {@code pos}
 *       [{@code rope}; also {@code sinusoidal}, {@code learned}, {@code none}], {@code max_len}
 *       [1024, for learned positions]
 *   <li>{@code lstm}, {@code rnn}: {@code hidden} [d_model]
 *   <li>{@code mamba}: {@code d_state} [16], {@code d_conv} [4], {@code expand} [2],
 *       {@code dt_rank} [ceil(d_model/16)], {@code eigenvalues} [{@code 0,1}; {@code -1,1} is
 *       Grazzi et al.'s {@code 2 exp(delta A) - 1}], {@code discretization} [{@code mamba}: Euler
 *       B as the reference code; {@code zoh}: the paper's Definition A.4]
 *   <li>{@code s4d}: {@code d_state} [64]
 * </ul>
 *
 * @param family the model family name as registered in {@link Models}
 * @param vocabSize number of token ids, at least 1
 * @param dModel width of the residual stream (embedding size), at least 1
 * @param nLayers number of blocks, at least 1
 * @param options family options; copied into a sorted unmodifiable map
 */
public record ModelConfig(String family, int vocabSize, int dModel, int nLayers,
    Map<String, String> options) {

  /** Validates the sizes and freezes the options. */
  public ModelConfig {
    if (family == null || family.isBlank()) {
      throw new IllegalArgumentException("model family is missing");
    }
    if (vocabSize < 1 || dModel < 1 || nLayers < 1) {
      throw new IllegalArgumentException("model sizes must be positive: vocab=" + vocabSize
          + " d_model=" + dModel + " layers=" + nLayers);
    }
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of()
        : options));
  }

  /** A config without options. */
  public static ModelConfig of(String family, int vocabSize, int dModel, int nLayers) {
    return new ModelConfig(family, vocabSize, dModel, nLayers, Map.of());
  }

  /** This config with one option set. */
  public ModelConfig with(String key, Object value) {
    var m = new TreeMap<>(options);
    m.put(key, String.valueOf(value));
    return new ModelConfig(family, vocabSize, dModel, nLayers, m);
  }

  /** An integer option, or {@code fallback} when absent. */
  public int intOption(String key, int fallback) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + " must be an integer, got '" + v + "'");
    }
  }

  /** A floating-point option, or {@code fallback} when absent. */
  public double doubleOption(String key, double fallback) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + " must be a number, got '" + v + "'");
    }
  }

  /** A string option, or {@code fallback} when absent. */
  public String stringOption(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  /** A boolean option ({@code true}/{@code false}), or {@code fallback} when absent. */
  public boolean booleanOption(String key, boolean fallback) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          "option " + key + " must be true or false, got '" + v + "'");
    };
  }
}
