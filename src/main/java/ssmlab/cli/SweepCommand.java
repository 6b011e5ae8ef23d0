package ssmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import ssmlab.experiment.Merge;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.RunExecutor;
import ssmlab.experiment.DepthPruning;
import ssmlab.experiment.Run;
import ssmlab.experiment.RunFilter;
import ssmlab.experiment.Shard;
import ssmlab.experiment.SweepRunner;
import ssmlab.experiment.SweepSpec;
import ssmlab.experiment.SweepSpecs;
import ssmlab.progress.Progress;
import ssmlab.tensor.Parallel;

/**
 * {@code ssmlab sweep SPEC --out DIR}: trains and evaluates every run of a sweep spec with the
 * given executor. Registered by {@link Main} once the training loop provides the executor.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Trains and evaluates every run of a sweep spec, resumably.",
      "",
      "Trains and evaluates every run of the sweep spec SPEC (YAML or JSON), as many at once as "
          + "the cores allow, writing DIR/runs/<id>.json per finished run. A rerun skips "
          + "finished runs and redoes unfinished ones; --shard k/N runs one slice (cluster job "
          + "arrays writing into one shared DIR). Unsharded, it merges the results at the end "
          + "(DIR/results.jsonl, DIR/results.csv). A run whose training goes non-finite is "
          + "recorded as diverged, with accuracy 0 (a rerun would diverge at the same step), "
          + "not retried. Prints a JSON summary."},
    footer = {"", "Examples:", "  ssmlab sweep experiments/parity.yaml --out results/parity",
      "  ssmlab sweep experiments/parity.yaml --out results/parity --where layers=1",
      "  ssmlab sweep experiments/parity.yaml --out /shared/parity "
          + "--shard $${SLURM_ARRAY_TASK_ID}/16"})
final class SweepCommand implements Callable<Integer> {
  /** Exit code when some runs failed (their results are missing; a rerun retries them). */
  static final int RUNS_FAILED = 3;

  private final RunExecutor executor;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The sweep spec file.")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The results folder (shared by all shards).")
  Path out;

  @Option(names = "--shard", paramLabel = "k/N", converter = ShardConverter.class,
      description = "Run only slice k of N (0 <= k < N) of the runs sorted by id.")
  Shard shard = Shard.ALL;

  @Option(names = "--where", paramLabel = "KEY=V,...",
      description = "Run only the runs whose KEY is one of the values (repeatable; KEY: task, "
          + "model, family, layers, d_model, seed), e.g. --where model=lstm,ids4 --where layers=1")
  List<String> where = new ArrayList<>();

  @Option(names = "--threads-per-run", paramLabel = "T", defaultValue = "1",
      description = "Threads each run uses (default: ${DEFAULT-VALUE}).")
  int threadsPerRun;

  @Option(names = "--jobs", paramLabel = "J",
      description = "Runs at once (default: cores / threads per run).")
  Integer jobs;

  /** The folder of a results folder that {@code --keep-models} fills, one run folder per run. */
  static final String MODELS = ResultsDir.MODELS;

  @Option(names = "--keep-models", description = "also keep each trained model, as a run folder "
      + "OUT/models/<id> that eval, model forms and circuit model read")
  boolean keepModels;

  @Option(names = "--prune-deeper", paramLabel = "T",
      description = "Leave out a run when a finished run with fewer layers, the same otherwise "
          + "(any seed), has sequence accuracy >= T at every test length: it cannot change "
          + "'results table --min-layers T --agg max'. Shallower runs start first.")
  Double pruneDeeper;

  @Option(names = "--no-progress", description = "No progress bar or progress lines.")
  boolean noProgress;

  @Option(names = "--dry-run", description = "Train nothing and write nothing: print a JSON "
      + "line for each run this call would train, and for each that --prune-deeper would leave "
      + "out given the runs finished so far, then a summary {runs, finished, train, pruned}.")
  boolean dryRun;

  SweepCommand(RunExecutor executor) {
    this.executor = executor;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Parallel.checkThreads("--threads-per-run", threadsPerRun);
    SweepSpec sweep = SweepSpecs.read(specFile);
    SweepRunner.Options options = jobs == null
        ? SweepRunner.Options.forCores(Runtime.getRuntime().availableProcessors(), threadsPerRun)
        : new SweepRunner.Options(jobs, threadsPerRun);
    var err = spec.commandLine().getErr();
    Progress progress = noProgress ? Progress.NONE : Progress.forConsole(err);
    ResultsDir dir = new ResultsDir(out);
    RunExecutor runs = keepModels ? executor.keepingModels(out.resolve(MODELS)) : executor;
    SweepRunner runner = new SweepRunner(runs, dir, options, progress)
        .logTo(line -> err.println("ssmlab: " + line));
    if (pruneDeeper != null) {
      runner.pruneDeeper(new DepthPruning(pruneDeeper));
    }
    if (dryRun) {
      printPlan(runner.plan(sweep, shard, RunFilter.parse(where)));
      return 0;
    }
    SweepRunner.Summary summary = runner.run(sweep, shard, RunFilter.parse(where));
    spec.commandLine().getOut().println(Json.write(summary));
    if (!summary.diverged().isEmpty()) {
      err.println("ssmlab: " + summary.diverged().size() + " runs diverged, first: "
          + Errors.oneLine(summary.diverged().getFirst())
          + " (recorded with accuracy 0; the same seed diverges again, so a rerun keeps them)");
    }
    if (!summary.failed().isEmpty()) {
      err.println("ssmlab: " + summary.failed().size() + " runs failed, first: "
          + Errors.oneLine(summary.failed().getFirst()) + " (a rerun retries them)");
      return RUNS_FAILED;
    }
    if (shard.count() == 1) {
      Merge.merge(dir);
    }
    return 0;
  }

  private void printPlan(SweepRunner.Plan plan) {
    var out = spec.commandLine().getOut();
    for (Run run : plan.train()) {
      out.println(Json.write(planLine(run, "train", null)));
    }
    plan.pruned().forEach((run, by) -> out.println(Json.write(planLine(run, "prune", by))));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("runs", plan.runs());
    summary.put("finished", plan.finished());
    summary.put("train", plan.train().size());
    summary.put("pruned", plan.pruned().size());
    out.println(Json.write(summary));
  }

  private static Map<String, Object> planLine(Run run, String action, String prunedBy) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", run.id());
    line.put("action", action);
    line.put("task", run.spec().task());
    line.put("model", run.spec().label());
    line.put("layers", run.spec().layers());
    line.put("seed", run.spec().seed());
    if (prunedBy != null) {
      line.put("pruned_by", prunedBy);
    }
    return line;
  }

  /** Reads {@code --shard k/N}. */
  static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
