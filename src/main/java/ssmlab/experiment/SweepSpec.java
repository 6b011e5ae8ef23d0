package ssmlab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import ssmlab.model.Models;
import ssmlab.tasks.LengthRange;

/**
 * A sweep: the grid tasks x models x layers x widths x train lengths x seeds, each point one
 * {@link RunSpec}, with the test lengths and training settings they share. Keys are snake_case;
 * specs may spell {@code train_lengths} and {@code test_lengths} in camelCase too, not both.
 *
 * @param name the sweep's name (letters, digits, {@code . _ -})
 * @param tasks the tasks, each with options and optionally its own train and test lengths
 * @param models the model configurations, each with a unique display name
 * @param layers values for the models' {@code layers} option; empty: the models' own
 * @param widths values for the models' {@code d_model} option; empty: the models' own
 * @param trainLengths the train length ranges (tasks may override)
 * @param testLengths the test lengths (tasks may override)
 * @param seeds one run per seed at every grid point
 * @param train steps, batch, learning rate and further training options
 */
public record SweepSpec(
    String name,
    List<TaskEntry> tasks,
    List<ModelEntry> models,
    List<Integer> layers,
    List<Integer> widths,
    @JsonProperty("train_lengths") @JsonAlias("trainLengths") List<LengthRange> trainLengths,
    @JsonProperty("test_lengths") @JsonAlias("testLengths") List<Integer> testLengths,
    List<Long> seeds,
    TrainSettings train) {

  /** Hex digits of the spec hash stored in every result, so merged shards can be checked. */
  static final int HASH_DIGITS = 16;

  public SweepSpec {
    require(name != null && name.matches("[A-Za-z0-9._-]+"),
        "a sweep needs a name of letters, digits, '.', '_' or '-', not '" + name + "'");
    tasks = nonEmpty(tasks, "tasks");
    models = nonEmpty(models, "models");
    layers = layers == null ? List.of() : List.copyOf(layers);
    widths = widths == null ? List.of() : List.copyOf(widths);
    trainLengths = trainLengths == null ? List.of() : List.copyOf(trainLengths);
    testLengths = testLengths == null ? List.of() : List.copyOf(testLengths);
    seeds = nonEmpty(seeds, "seeds");
    require(train != null, "a sweep needs 'train' settings (steps, batch, lr)");
    Set<String> names = new HashSet<>();
    for (ModelEntry m : models) {
      require(names.add(m.name()), "two models are named '" + m.name() + "'");
    }
    distinct(seeds, "seeds");
    distinct(layers, "layers");
    distinct(widths, "widths");
    distinct(trainLengths, "train_lengths");
  }

  private static void distinct(List<?> values, String what) {
    require(new HashSet<>(values).size() == values.size(),
        "'" + what + "' lists a value twice, so the sweep would list the same run twice: "
            + values);
  }

  /** The hash of this spec's canonical JSON, stored in every result of the sweep. */
  public String hash() {
    return Canonical.hash(this, HASH_DIGITS);
  }

  /** Every run of the grid, in grid order; fails if two grid points are the same run. */
  public List<Run> expand() {
    List<Run> runs = new ArrayList<>();
    Map<String, RunSpec> seen = new HashMap<>();
    for (TaskEntry task : tasks) {
      List<LengthRange> trains = task.trainLengths() != null ? task.trainLengths() : trainLengths;
      List<Integer> tests = task.testLengths() != null ? task.testLengths() : testLengths;
      require(!trains.isEmpty(), "task '" + task.name() + "' has no train lengths");
      require(!tests.isEmpty(), "task '" + task.name() + "' has no test lengths");
      for (ModelEntry model : models) {
        for (Integer layer : orNull(model.layers() != null ? model.layers() : layers)) {
          for (Integer width : orNull(widths)) {
            Map<String, Object> options = new LinkedHashMap<>(model.options());
            if (layer != null) {
              options.put("layers", layer);
            }
            if (width != null) {
              options.put("d_model", width);
            }
            Map<String, Object> canonical = Models.canonicalOptions(model.model(), options);
            for (LengthRange trainRange : trains) {
              for (long seed : seeds) {
                RunSpec spec = new RunSpec(task.name(), task.options(), model.model(),
                    model.name(), canonical, trainRange, tests, train.steps(), train.batch(),
                    train.lr(), train.options(), seed);
                Run run = Run.of(spec);
                require(seen.put(run.id(), spec) == null,
                    "the sweep lists the same run twice: " + Canonical.json(spec));
                runs.add(run);
              }
            }
          }
        }
      }
    }
    return runs;
  }

  private static List<Integer> orNull(List<Integer> values) {
    List<Integer> out = new ArrayList<>(values);
    if (out.isEmpty()) {
      out.add(null);
    }
    return out;
  }

  private static <T> List<T> nonEmpty(List<T> list, String what) {
    require(list != null && !list.isEmpty(), "a sweep needs at least one entry in '" + what + "'");
    return List.copyOf(list);
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A task of the grid: its registry name, options, and optional own lengths. */
  public record TaskEntry(String name, Map<String, Object> options,
      @JsonProperty("train_lengths") @JsonAlias("trainLengths") List<LengthRange> trainLengths,
      @JsonProperty("test_lengths") @JsonAlias("testLengths") List<Integer> testLengths) {

    public TaskEntry {
      require(name != null && !name.isBlank(), "a task entry needs a name");
      options = Canonical.sortedCopy(options);
      trainLengths = trainLengths == null ? null : List.copyOf(trainLengths);
      testLengths = testLengths == null ? null : List.copyOf(testLengths);
    }

    /** A bare task name in a spec: the task with its default options. */
    @JsonCreator
    public static TaskEntry named(String name) {
      return new TaskEntry(name, null, null, null);
    }
  }

  /**
   * A model configuration of the grid: display name, model family, options, and optionally its
   * own {@code layers} in place of the sweep's (e.g. only one layer of a recurrent model).
   */
  public record ModelEntry(String name, String model, Map<String, Object> options,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> layers) {

    public ModelEntry {
      require(model != null && !model.isBlank(), "a model entry needs 'model' (the family)");
      name = name == null || name.isBlank() ? model : name;
      options = Canonical.sortedCopy(options);
      if (layers != null) {
        require(!layers.isEmpty(), "model entry '" + name + "' has an empty 'layers' list");
        distinct(layers, "layers of " + name);
        layers = List.copyOf(layers);
      }
    }

    /** An entry with the sweep's {@code layers}. */
    public ModelEntry(String name, String model, Map<String, Object> options) {
      this(name, model, options, null);
    }

    /** A bare model family in a spec: named after itself, default options. */
    @JsonCreator
    public static ModelEntry named(String model) {
      return new ModelEntry(model, model, null);
    }
  }

  /** Training settings shared by every run of the sweep. */
  public record TrainSettings(int steps, int batch, double lr, Map<String, Object> options) {

    public TrainSettings {
      options = Canonical.sortedCopy(options);
    }
  }
}
