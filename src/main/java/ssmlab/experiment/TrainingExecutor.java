package ssmlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import ssmlab.train.Evaluator;
import ssmlab.train.LengthAccuracy;
import ssmlab.train.TrainSettings;
import ssmlab.train.Trainer;
import ssmlab.tasks.LengthRange;

/**
 * The sweep's executor: trains the run's model on its task with {@link Trainer}, then evaluates it
 * at every test length with {@link Evaluator}.
 *
 * <p>How a {@link RunSpec} maps onto training: the model options {@code layers} [2] and
 * {@code d_model} [64] are the model's sizes, the other model options its family options;
 * {@code steps}, {@code batch}, {@code lr}, the train lengths and the seed are the trainer's; the
 * train options are {@code warmup} [steps/10], {@code weight_decay} [0.1], {@code clip} [1.0],
 * {@code schedule} [cosine, the only one] and {@code eval_samples} [256 per test length]. Test
 * samples come from a seed derived from the run's seed and the length, apart from training data.
 */
public final class TrainingExecutor implements RunExecutor {
  private static final Set<String> TRAIN_OPTIONS =
      Set.of("warmup", "weight_decay", "clip", "schedule", "eval_samples");

  @Override
  public RunResult execute(RunSpec spec, int threads) {
    Task task = task(spec);
    ModelConfig cfg = modelConfig(spec, task);
    TrainSettings settings = settings(spec, threads);
    SequenceModel model = Models.create(cfg, spec.seed());
    long start = System.nanoTime();
    double loss = Trainer.train(model, task, settings, r -> { });
    double seconds = (System.nanoTime() - start) / 1e9;
    int count = intOption(spec.trainOptions(), "eval_samples", 256);
    List<LengthMetrics> metrics = new ArrayList<>();
    for (int n : spec.testLengths()) {
      LengthAccuracy a = Evaluator.evaluate(model, task, n, count,
          spec.seed() * 1_000_003L + n);
      metrics.add(new LengthMetrics(n, a.tokenAccuracy(), a.sequenceAccuracy(), a.loss()));
    }
    return new RunResult(metrics, seconds, loss);
  }

  @Override
  public void validate(RunSpec spec) {
    Task task = task(spec);
    Models.create(modelConfig(spec, task), 0);
    settings(spec, 1);
    for (String key : spec.trainOptions().keySet()) {
      if (!TRAIN_OPTIONS.contains(key)) {
        throw new IllegalArgumentException("unknown train option '" + key + "' (known: "
            + new java.util.TreeSet<>(TRAIN_OPTIONS) + ")");
      }
    }
    String schedule = String.valueOf(spec.trainOptions().getOrDefault("schedule", "cosine"));
    if (!schedule.equals("cosine")) {
      throw new IllegalArgumentException("schedule '" + schedule + "': only cosine is built");
    }
  }

  private static Task task(RunSpec spec) {
    return TaskRegistry.create(spec.task(), spec.taskOptions());
  }

  private static ModelConfig modelConfig(RunSpec spec, Task task) {
    Map<String, String> options = new TreeMap<>();
    spec.modelOptions().forEach((k, v) -> options.put(k, String.valueOf(v)));
    int layers = intOption(new TreeMap<>(options), "layers", 2);
    int dModel = intOption(new TreeMap<>(options), "d_model", 64);
    options.remove("layers");
    options.remove("d_model");
    return new ModelConfig(spec.model(), Trainer.modelVocabulary(task), dModel, layers, options);
  }

  private static TrainSettings settings(RunSpec spec, int threads) {
    Map<String, Object> o = spec.trainOptions();
    return new TrainSettings(spec.steps(), spec.batch(), spec.lr(),
        intOption(o, "warmup", spec.steps() / 10), doubleOption(o, "weight_decay", 0.1),
        doubleOption(o, "clip", 1.0),
        spec.trainLengths(),
        spec.seed(), threads);
  }

  private static int intOption(Map<String, Object> o, String key, int fallback) {
    Object v = o.get(key);
    try {
      return v == null ? fallback : Integer.parseInt(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + v + "' is not an integer");
    }
  }

  private static double doubleOption(Map<String, Object> o, String key, double fallback) {
    Object v = o.get(key);
    try {
      return v == null ? fallback : Double.parseDouble(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + v + "' is not a number");
    }
  }
}
