package ssmlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;
import ssmlab.model.ModelConfig;

/** The model options of {@code train} and {@code bench train}; a family reads what it has. */
final class ModelOptionsMixin {

  @Option(names = "--layers", paramLabel = "N", description = "blocks (default: ${DEFAULT-VALUE})",
      defaultValue = "2")
  int layers;

  @Option(names = "--d-model", paramLabel = "D", description = "residual width (default: "
      + "${DEFAULT-VALUE})", defaultValue = "64")
  int dModel;

  @Option(names = "--d-state", paramLabel = "N", description = "mamba, s4d: state size")
  Integer dState;

  @Option(names = "--heads", paramLabel = "H", description = "transformer: attention heads")
  Integer heads;

  @Option(names = "--eigenvalues", paramLabel = "0,1|-1,1",
      description = "mamba: range of deltaA (Grazzi et al.: -1,1)")
  String eigenvalues;

  @Option(names = "--discretization", paramLabel = "mamba|zoh", description = "mamba: B by "
      + "Euler (reference code) or exact ZOH (paper, Def. A.4)")
  String discretization;

  @Option(names = "--model-option", paramLabel = "KEY=VALUE",
      description = "any other family option, e.g. d_conv=4, pos=sinusoidal (repeatable)")
  Map<String, String> extra = new LinkedHashMap<>();

  /** The config of {@code family} with vocabulary {@code vocab}. */
  ModelConfig config(String family, int vocab) {
    Map<String, String> options = new LinkedHashMap<>(extra);
    put(options, "d_state", dState);
    put(options, "heads", heads);
    put(options, "eigenvalues", eigenvalues);
    put(options, "discretization", discretization);
    return new ModelConfig(family, vocab, dModel, layers, options);
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, String.valueOf(value));
    }
  }
}
