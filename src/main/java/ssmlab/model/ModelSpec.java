package ssmlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A model family's registry entry: its name, what it is, the options it takes with their
 * defaults, and the factory that builds it. Every option a config names is either declared here
 * or refused, and every declared option is filled in by {@link #resolve}, so the factory reads a
 * complete config and two spellings of one model are one config.
 *
 * @param family the registry name, e.g. {@code mamba}
 * @param description one line for help
 * @param options the family options, in the order help lists them
 * @param factory builds the model from a resolved config
 * @param checkpoint the family's own run-folder format, or null for the generic one
 * @param memory the family's memory use, for refusing sizes early
 */
public record ModelSpec(String family, String description, List<ModelOption> options,
    Factory factory, CheckpointFormat checkpoint, MemoryModel memory) {

  /** Builds a model from a resolved config; draws every initial value from {@code rng}. */
  @FunctionalInterface
  public interface Factory {
    SequenceModel create(ModelConfig config, SplittableRandom rng);
  }

  public ModelSpec {
    options = List.copyOf(options);
    memory = memory == null ? MemoryModel.GENERIC : memory;
  }

  /** A family stored in the generic run-folder format, with the generic memory estimate. */
  public ModelSpec(String family, String description, List<ModelOption> options,
      Factory factory) {
    this(family, description, options, factory, null, null);
  }

  /** This spec with its own run-folder format. */
  public ModelSpec withCheckpoint(CheckpointFormat format) {
    return new ModelSpec(family, description, options, factory, format, memory);
  }

  /** This spec with its own memory estimate. */
  public ModelSpec withMemory(MemoryModel model) {
    return new ModelSpec(family, description, options, factory, checkpoint, model);
  }

  /** The declared option {@code name}, or null. */
  public ModelOption option(String name) {
    for (ModelOption o : options) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }

  /**
   * {@code config} with every option in canonical spelling and every missing one at its default.
   *
   * @throws IllegalArgumentException for an option the family does not have or a bad value
   */
  public ModelConfig resolve(ModelConfig config) {
    for (String key : config.options().keySet()) {
      if (option(key) == null) {
        throw new IllegalArgumentException(family + ": unknown option '" + key + "' ("
            + (options.isEmpty() ? "it takes none" : "it takes " + names()) + ")");
      }
    }
    Map<String, String> resolved = new TreeMap<>();
    for (ModelOption o : options) {
      String raw = config.options().get(o.name());
      resolved.put(o.name(), raw == null ? o.defaultFor(config) : o.canonical(family, raw, config));
    }
    return new ModelConfig(family, config.vocabSize(), config.dModel(), config.nLayers(),
        resolved);
  }

  /** A freshly initialised model of {@code config} (resolved first). */
  public SequenceModel create(ModelConfig config, SplittableRandom rng) {
    return factory.create(resolve(config), rng);
  }

  /** The resolved options as JSON values (integers as numbers), sorted by name. */
  public Map<String, Object> typedOptions(ModelConfig resolved) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : new TreeMap<>(resolved.options()).entrySet()) {
      out.put(e.getKey(), option(e.getKey()).typed(e.getValue()));
    }
    return out;
  }

  /** The option names, comma-separated. */
  public String names() {
    return options.stream().map(ModelOption::name).collect(Collectors.joining(", "));
  }
}
