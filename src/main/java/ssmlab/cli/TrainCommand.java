package ssmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.model.MemoryEstimate;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.tasks.LengthRange;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import ssmlab.tensor.Parallel;
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
      description = "mamba, s4d, transformer, lstm or rnn")
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

  @Override
  public Integer call() {
    Parallel.checkThreads("--threads", threads);
    Map<String, String> options = taskOptions.asMap();
    Task t = TaskRegistry.create(task, options);
    ModelConfig cfg = modelOptions.config(model, Trainer.modelVocabulary(t));
    var settings = new TrainSettings(steps, batch, lr, warmup != null ? warmup : steps / 10,
        weightDecay, clip, LengthRange.parse(trainLengths), seed, threads);
    MemoryEstimate.requireTraining(cfg, batch, settings.lengths().max(),
        "--batch " + batch + " at --train-lengths " + trainLengths);
    SequenceModel m = Models.create(cfg, seed);
    List<StepRecord> records = new ArrayList<>();
    var progress = new TrainProgress(spec.commandLine().getErr(), steps, noProgress);
    double loss = Trainer.train(m, t, settings, r -> {
      records.add(r);
      progress.step(r);
    });
    progress.done();
    RunFolder.save(out, m, new RunFolder.RunInfo(t.name(), options, cfg, settings));
    RunFolder.saveMetrics(out, records);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("out", out.toString());
    summary.put("steps", steps);
    summary.put("final_loss", loss);
    summary.put("parameters", m.parameterCount());
    summary.put("seconds", records.get(records.size() - 1).seconds());
    spec.commandLine().getOut().println(Json.write(summary));
    return 0;
  }
}
