package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.io.StagedFolder;
import ssmlab.model.MemoryEstimate;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.progress.Progress;
import ssmlab.tasks.LengthRange;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import ssmlab.tensor.Parallel;
import ssmlab.train.Gradients;
import ssmlab.train.RunFolder;
import ssmlab.train.StepRecord;
import ssmlab.train.TrainSettings;
import ssmlab.train.Trainer;

/** {@code ssmlab train}: trains one model on one task and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains a model on a task and writes a run folder.",
      "DIR gets model.safetensors, config.json, run.json and metrics.jsonl."},
    footer = {"", "Example:", "  ssmlab train --task parity --model mamba --eigenvalues -1,1 "
        + "--steps 300 --train-lengths 3..40 --out runs/parity-mamba"})
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--task", required = true, paramLabel = "T", description = "a task name "
      + "(ssmlab tasks list)")
  String task;

  @Option(names = "--model", required = true, paramLabel = "M",
      description = "a model family (listed below, and by ssmlab model list)")
  String model;

  @Mixin ModelOptionsMixin modelOptions;

  @Mixin TaskOptionsMixin taskOptions;

  @Option(names = "--steps", defaultValue = "1000", description = "optimizer steps "
      + "(default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--batch", defaultValue = "32", description = "sequences a step "
      + "(default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate "
      + "(default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--warmup", paramLabel = "STEPS", description = "warmup steps "
      + "(default: a tenth of the steps)")
  Integer warmup;

  @Option(names = "--weight-decay", defaultValue = "0.1", description = "AdamW decay on "
      + "matrices (default: ${DEFAULT-VALUE})")
  double weightDecay;

  @Option(names = "--clip", defaultValue = "1.0", description = "gradient norm clip "
      + "(default: ${DEFAULT-VALUE})")
  double clip;

  @Option(names = "--train-lengths", defaultValue = "8..32", paramLabel = "a..b",
      description = "training lengths, one drawn per step (default: ${DEFAULT-VALUE})")
  String trainLengths;

  @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "threads (default: "
      + "${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the run folder")
  Path out;

  @Option(names = "--no-progress", description = "no progress lines on stderr")
  boolean noProgress;

  @Option(names = "--overwrite", description = "replace DIR when it holds files (the new run "
      + "is written beside it and swapped in whole at the end)")
  boolean overwrite;

  /** A progress line in a log at most this often (the bar on a terminal redraws each step). */
  private static final long PERIOD = 10_000_000_000L;

  @Override
  public Integer call() throws IOException {
    Parallel.checkThreads("--threads", threads);
    Map<String, String> options = taskOptions.asMap();
    Task t = TaskRegistry.create(task, options);
    ModelConfig cfg = modelOptions.config(model, Trainer.modelVocabulary(t));
    var settings = new TrainSettings(steps, batch, lr, warmup != null ? warmup : steps / 10,
        weightDecay, clip, LengthRange.parse(trainLengths), seed, threads);
    MemoryEstimate.requireTraining(cfg, batch, settings.lengths().max(),
        "--batch " + batch + " at --train-lengths " + trainLengths);
    Trainer.requireFits(cfg, batch, settings.lengths().max(), "--batch");
    SequenceModel m = Models.create(cfg, seed);
    StagedFolder folder = StagedFolder.begin(out, overwrite, "--overwrite");
    try {
      StepRecord last = train(m, t, settings, folder);
      RunFolder.save(folder.dir(), m, new RunFolder.RunInfo(t.name(), options, cfg, settings));
      folder.commit();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("out", out.toString());
      summary.put("steps", steps);
      summary.put("final_loss", last.loss());
      summary.put("parameters", m.parameterCount());
      summary.put("seconds", last.seconds());
      spec.commandLine().getOut().println(Json.write(summary));
      return 0;
    } catch (java.io.UncheckedIOException e) {
      folder.abandon();
      throw new IllegalArgumentException(Errors.plainWords(e.getCause())
          .replace(folder.dir().toString(), out.toAbsolutePath().normalize().toString())
          + " (" + out + " is as it was)", e);
    } catch (RuntimeException | IOException | Error e) {
      folder.abandon();
      throw e;
    }
  }

  /** Trains, logging each step to the staged folder; a diverging run keeps its metrics. */
  private StepRecord train(SequenceModel m, Task t, TrainSettings settings, StagedFolder folder)
      throws IOException {
    StepRecord[] last = new StepRecord[1];
    try (var metrics = new RunFolder.MetricsLog(folder.dir());
        Progress progress = Progress.of(noProgress, spec.commandLine().getErr(), PERIOD)) {
      progress.start("train", "steps", steps, 0);
      Trainer.train(m, t, settings, r -> {
        metrics.append(r);
        progress.advance(String.format(Locale.ROOT, "loss %.4f lr %.2e grad-norm %.3f",
            r.loss(), r.lr(), r.gradNorm()));
        last[0] = r;
      });
    } catch (Gradients.NonFiniteException e) {
      Path kept = folder.keepPartial();
      throw new IllegalArgumentException("training diverged at " + e.getMessage()
          + "; the metrics of the steps before are in " + kept.resolve(RunFolder.METRICS)
          + " (" + divergenceHint(m.config()) + ")");
    }
    return last[0];
  }

  /**
   * What to try after a divergence: IDS4 with unbounded transitions diverges where the loss
   * reaches the embedding only through long products of them (one label at the end), which its
   * {@code transition_norm inf} bounds (README, section 13); otherwise a smaller learning rate.
   */
  static String divergenceHint(ModelConfig config) {
    if (config.family().equals("ids4") && config.option("transition_norm").equals("none")) {
      return "try --model-option transition_norm=inf, which bounds IDS4's transition products,"
          + " or a smaller --lr";
    }
    return "try a smaller --lr";
  }
}
