package ssmlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;

/**
 * The model options of {@code train} and {@code bench train}: the two sizes, shortcuts for the
 * options most studies vary, and {@code --model-option} for any other. The family's
 * {@link ssmlab.model.ModelSpec} checks them all; help lists every family's options from it.
 */
final class ModelOptionsMixin {

  @Option(names = "--layers", paramLabel = "N",
      description = "blocks (default: " + Models.DEFAULT_LAYERS + ")")
  Integer layers;

  @Option(names = "--d-model", paramLabel = "D",
      description = "residual width (default: " + Models.DEFAULT_D_MODEL + ")")
  Integer dModel;

  @Option(names = "--d-state", paramLabel = "N", description = "same as --model-option d_state=N")
  Integer dState;

  @Option(names = "--heads", paramLabel = "H", description = "same as --model-option heads=H")
  Integer heads;

  @Option(names = "--eigenvalues", paramLabel = "0,1|-1,1",
      description = "same as --model-option eigenvalues=...")
  String eigenvalues;

  @Option(names = "--discretization", paramLabel = "mamba|zoh",
      description = "same as --model-option discretization=...")
  String discretization;

  @Option(names = "--model-option", paramLabel = "KEY=VALUE",
      description = "a family option, e.g. d_conv=4, pos=sinusoidal (repeatable; the families "
          + "and their options are listed below)")
  Map<String, String> extra = new LinkedHashMap<>();

  /**
   * The resolved config of {@code family} with vocabulary {@code vocab}.
   *
   * @throws IllegalArgumentException for an option the family does not take, or a bad value
   */
  ModelConfig config(String family, int vocab) {
    Map<String, Object> options = new LinkedHashMap<>(extra);
    put(options, Models.LAYERS, layers);
    put(options, Models.D_MODEL, dModel);
    put(options, "d_state", dState);
    put(options, "heads", heads);
    put(options, "eigenvalues", eigenvalues);
    put(options, "discretization", discretization);
    return Models.config(family, options, vocab);
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      if (m.containsKey(key)) {
        throw new IllegalArgumentException("option " + key + " is given twice");
      }
      m.put(key, value);
    }
  }

  /** Appends the families and their options to the help of every command with this mixin. */
  static void describeFamilies(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof ModelOptionsMixin)) {
      List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
      footer.add("");
      footer.add("Model families and their options (--model-option KEY=VALUE):");
      footer.addAll(Models.help());
      spec.usageMessage().footer(footer.toArray(String[]::new));
    }
    cl.getSubcommands().values().forEach(ModelOptionsMixin::describeFamilies);
  }
}
