package ssmlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import ssmlab.model.deltanet.DeltaNetLM;
import ssmlab.model.hybrid.HybridLM;
import ssmlab.model.ids4.IDS4LM;
import ssmlab.model.mamba.MambaLM;
import ssmlab.model.recurrent.RecurrentModels;
import ssmlab.model.s4d.S4DLM;
import ssmlab.model.transformer.Transformer;

/**
 * The registry of model families ({@link ModelSpec}s), and the two sizes every family has:
 * {@code layers} [{@value #DEFAULT_LAYERS}] and {@code d_model} [{@value #DEFAULT_D_MODEL}]. A
 * family joins with one line in {@link #FAMILIES}.
 */
public final class Models {
  /** Blocks, when neither the command line nor a sweep says. */
  public static final int DEFAULT_LAYERS = 2;
  /** Residual width, when neither the command line nor a sweep says. */
  public static final int DEFAULT_D_MODEL = 64;
  /** The size keys of a run's model options, beside the family's own. */
  public static final String LAYERS = "layers";
  public static final String D_MODEL = "d_model";

  private static final Map<String, ModelSpec> FAMILIES = new LinkedHashMap<>();

  static {
    register(MambaLM.SPEC);
    register(S4DLM.SPEC);
    register(Transformer.SPEC);
    register(RecurrentModels.LSTM);
    register(RecurrentModels.RNN);
    register(IDS4LM.SPEC);
    register(DeltaNetLM.SPEC);
    register(HybridLM.SPEC);
  }

  private Models() {}

  private static void register(ModelSpec spec) {
    FAMILIES.put(spec.family(), spec);
  }

  /** The registered family names, in registration order. */
  public static List<String> families() {
    return List.copyOf(FAMILIES.keySet());
  }

  /** Every family's spec, in registration order. */
  public static List<ModelSpec> specs() {
    return List.copyOf(FAMILIES.values());
  }

  /**
   * The spec of {@code family}.
   *
   * @throws IllegalArgumentException for an unknown family
   */
  public static ModelSpec spec(String family) {
    ModelSpec s = FAMILIES.get(family);
    if (s == null) {
      throw new IllegalArgumentException("unknown model family '" + family + "' (known: "
          + String.join(", ", families()) + ")");
    }
    return s;
  }

  /**
   * A freshly initialised model; two calls with the same config and seed give the same bits.
   *
   * @throws IllegalArgumentException for an unknown family or bad options
   */
  public static SequenceModel create(ModelConfig config, long seed) {
    return spec(config.family()).create(config, new SplittableRandom(seed));
  }

  /** {@code config} with its family's options resolved ({@link ModelSpec#resolve}). */
  public static ModelConfig resolve(ModelConfig config) {
    return spec(config.family()).resolve(config);
  }

  /**
   * A run's model options in canonical form: {@code layers}, {@code d_model} and every option of
   * the family, defaults filled in, integers as numbers. Run ids hash this map, so a run written
   * with or without a default option is one run.
   *
   * <p>No default depends on the vocabulary, so a run's options resolve before its task is
   * built.
   *
   * @param options what a sweep or the command line gave, sizes included
   */
  public static Map<String, Object> canonicalOptions(String family, Map<String, ?> options) {
    ModelConfig resolved = config(family, options, 1);
    Map<String, Object> out = new TreeMap<>(spec(family).typedOptions(resolved));
    out.put(LAYERS, resolved.nLayers());
    out.put(D_MODEL, resolved.dModel());
    return out;
  }

  /**
   * The config of a run's model options ({@code layers} and {@code d_model} among them, the
   * family's defaults for what is missing).
   */
  public static ModelConfig config(String family, Map<String, ?> options, int vocabSize) {
    Map<String, String> family0 = new TreeMap<>();
    options.forEach((k, v) -> family0.put(k, String.valueOf(v)));
    int layers = size(family0.remove(LAYERS), DEFAULT_LAYERS, LAYERS);
    int dModel = size(family0.remove(D_MODEL), DEFAULT_D_MODEL, D_MODEL);
    return resolve(new ModelConfig(family, vocabSize, dModel, layers, family0));
  }

  /** Help text: each family with its options, two-space indented. */
  public static List<String> help() {
    List<String> lines = new ArrayList<>();
    for (ModelSpec s : FAMILIES.values()) {
      lines.add("  " + s.family() + ": " + s.description());
      for (ModelOption o : s.options()) {
        lines.add("      " + o.usage());
      }
    }
    return lines;
  }

  private static int size(String raw, int fallback, String key) {
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("model option " + key + " must be a positive integer, got '"
        + raw + "'");
  }
}
