package ssmlab.experiment;

import java.nio.file.Path;
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
import ssmlab.train.Gradients;
import ssmlab.train.LengthAccuracy;
import ssmlab.train.RunFolder;
import ssmlab.train.TrainSettings;
import ssmlab.train.Trainer;

/**
 * The sweep's executor: trains the run's model on its task with {@link Trainer}, then evaluates it
 * at every test length with {@link Evaluator}.
 *
 * <p>How a {@link RunSpec} maps onto training: the model options {@code layers} and
 * {@code d_model} are the model's sizes, the others its family options (all resolved by the
 * family's {@link ssmlab.model.ModelSpec});
 * {@code steps}, {@code batch}, {@code lr}, the train lengths and the seed are the trainer's; the
 * train options are {@code warmup} [steps/10], {@code weight_decay} [0.1], {@code clip} [1.0],
 * {@code schedule} [cosine, the only one] and {@code eval_samples} [256 per test length]. Test
 * samples come from a seed derived from the run's seed and the length, apart from training data.
 * A run whose training goes non-finite returns a {@linkplain RunResult#diverged diverged} result
 * (no model kept).
 */
public final class TrainingExecutor implements RunExecutor {
  private static final Set<String> TRAIN_OPTIONS =
      Set.of("warmup", "weight_decay", "clip", "schedule", "eval_samples");

  /** The train options of a run, checked: {@code eval_samples} and the trainer's settings. */
  private record Options(int evalSamples, TrainSettings settings) {}

  /** Where trained models go ({@code models/<id>}), or null to keep none. */
  private final Path models;

  /** An executor that keeps no models. */
  public TrainingExecutor() {
    this(null);
  }

  private TrainingExecutor(Path models) {
    this.models = models;
  }

  @Override
  public RunExecutor keepingModels(Path dir) {
    return new TrainingExecutor(dir);
  }

  @Override
  public RunResult execute(RunSpec spec, int threads) {
    Task task = task(spec);
    ModelConfig cfg = modelConfig(spec, task);
    Options options = options(spec, threads);
    SequenceModel model = Models.create(cfg, spec.seed());
    long start = System.nanoTime();
    double[] lastLoss = {Double.NaN};
    double loss;
    try {
      loss = Trainer.train(model, task, options.settings(), r -> lastLoss[0] = r.loss());
    } catch (Gradients.NonFiniteException e) {
      return RunResult.diverged(spec.testLengths(), (System.nanoTime() - start) / 1e9,
          lastLoss[0], e.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (models != null) {
      Map<String, String> taskOptions = new TreeMap<>();
      spec.taskOptions().forEach((k, v) -> taskOptions.put(k, String.valueOf(v)));
      RunFolder.save(models.resolve(RunId.of(spec)), model,
          new RunFolder.RunInfo(task.name(), taskOptions, cfg, options.settings()));
    }
    List<LengthMetrics> metrics = new ArrayList<>();
    for (int n : spec.testLengths()) {
      LengthAccuracy a = Evaluator.evaluate(model, task, n, options.evalSamples(),
          spec.seed() * 1_000_003L + n);
      metrics.add(new LengthMetrics(n, a.tokenAccuracy(), a.sequenceAccuracy(), a.loss(),
          a.sequences(), a.unlabelled()));
    }
    return new RunResult(metrics, seconds, loss);
  }

  /**
   * Checks everything a run needs before any run starts: the task, the model, every train
   * option's type and range, and that the batches of training and evaluation fit in memory.
   */
  @Override
  public void validate(RunSpec spec) {
    for (String key : spec.trainOptions().keySet()) {
      if (!TRAIN_OPTIONS.contains(key)) {
        throw new IllegalArgumentException("unknown train option '" + key + "' (known: "
            + new java.util.TreeSet<>(TRAIN_OPTIONS) + ")");
      }
    }
    Task task = task(spec);
    ModelConfig cfg = modelConfig(spec, task);
    Options options = options(spec, 1);
    String schedule = String.valueOf(spec.trainOptions().getOrDefault("schedule", "cosine"));
    if (!schedule.equals("cosine")) {
      throw new IllegalArgumentException("schedule '" + schedule + "': only cosine is built");
    }
    Trainer.requireFits(cfg, spec.batch(), spec.trainLengths().max(), "training");
    int evalBatch = Evaluator.batchSize(options.evalSamples());
    for (int n : spec.testLengths()) {
      Trainer.requireFits(cfg, evalBatch, n, "evaluation at test length " + n);
    }
    Models.create(cfg, 0);
  }

  private static Task task(RunSpec spec) {
    return TaskRegistry.create(spec.task(), spec.taskOptions());
  }

  private static ModelConfig modelConfig(RunSpec spec, Task task) {
    return Models.config(spec.model(), spec.modelOptions(), Trainer.modelVocabulary(task));
  }

  private static Options options(RunSpec spec, int threads) {
    Map<String, Object> o = spec.trainOptions();
    int warmup = integer(o, "warmup", spec.steps() / 10, 0);
    var settings = new TrainSettings(spec.steps(), spec.batch(), spec.lr(), warmup,
        number(o, "weight_decay", 0.1, false), number(o, "clip", 1.0, true),
        spec.trainLengths(), spec.seed(), threads);
    return new Options(integer(o, "eval_samples", 256, 1), settings);
  }

  private static int integer(Map<String, Object> o, String key, int fallback, int min) {
    Object v = o.get(key);
    if (v == null) {
      return fallback;
    }
    String text = String.valueOf(v);
    if (v instanceof Boolean || !text.matches("[+-]?[0-9]{1,10}")
        || Long.parseLong(text) < min || Long.parseLong(text) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("train option '" + key + "' must be an integer >= "
          + min + ", not " + text);
    }
    return Integer.parseInt(text);
  }

  private static double number(Map<String, Object> o, String key, double fallback,
      boolean positive) {
    Object v = o.get(key);
    if (v == null) {
      return fallback;
    }
    double x;
    try {
      x = v instanceof Boolean ? Double.NaN : Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    if (!Double.isFinite(x) || x < 0 || positive && x == 0) {
      throw new IllegalArgumentException("train option '" + key + "' must be a finite number "
          + (positive ? "> 0" : ">= 0") + ", not " + v);
    }
    return x;
  }
}
