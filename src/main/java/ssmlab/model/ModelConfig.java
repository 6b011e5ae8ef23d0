package ssmlab.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a model is: its family, the sizes every family has, and family options as strings (so the
 * config round-trips through JSON and safetensors metadata unchanged).
 *
 * <p>The options each family takes, their types and defaults are declared by its
 * {@link ModelSpec} ({@code ssmlab model list} prints them); {@link Models#create} resolves a
 * config before building, so a factory finds every option present and canonically spelt.
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

  /** An integer option of a resolved config. */
  public int intOption(String key) {
    return Integer.parseInt(option(key));
  }

  /**
   * An option of a resolved config.
   *
   * @throws IllegalStateException when absent: the config was not resolved by its spec
   */
  public String option(String key) {
    String v = options.get(key);
    if (v == null) {
      throw new IllegalStateException(family + ": option " + key + " not resolved");
    }
    return v;
  }
}
