package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ssmlab.io.Provenance;
import ssmlab.progress.Progress;

/**
 * Runs the unfinished runs of one shard of a sweep on a fixed pool of workers, storing each
 * finished run atomically in a {@link ResultsDir}.
 *
 * <p>Nothing is lost and nothing done twice: a run's result file appears (by an atomic rename)
 * only once the run has finished, and a run whose file parses and holds it is skipped (a damaged
 * one is redone, and said so). A worker trains a run only while it holds the run's lock, so
 * sweeps sharing a folder at the same time never train one run twice. A sweep killed at any
 * moment and started again therefore redoes exactly the runs that had not finished. A run that
 * throws leaves no file (a rerun retries it) and is listed in the {@link Summary}.
 */
public final class SweepRunner {

  /**
   * How runs share the machine.
   *
   * @param workers runs trained at once
   * @param threadsPerRun threads each run may use (recorded in the provenance)
   */
  public record Options(int workers, int threadsPerRun) {
    public Options {
      if (workers < 1 || threadsPerRun < 1) {
        throw new IllegalArgumentException("workers and threads per run must be >= 1, not "
            + workers + " and " + threadsPerRun);
      }
    }

    /** As many workers as {@code cores} allow at {@code threadsPerRun} threads each. */
    public static Options forCores(int cores, int threadsPerRun) {
      return new Options(Math.max(1, cores / Math.max(1, threadsPerRun)), threadsPerRun);
    }
  }

  /**
   * What a call of {@link #run} did.
   *
   * @param runs the runs in the shard
   * @param skipped those already finished before the call
   * @param finished those finished by the call
   * @param failed {@code id: error} for each run that threw
   * @param pruned those left out as redundant ({@link #pruneDeeper})
   * @param diverged {@code id: where} for each run of {@code finished} whose training went
   *     non-finite (recorded, not retried: {@link RunResult})
   */
  public record Summary(int runs, int skipped, int finished, List<String> failed, int pruned,
      List<String> diverged) {
    public Summary {
      failed = List.copyOf(failed);
      diverged = List.copyOf(diverged);
    }

    /** A summary of a sweep in which no run diverged. */
    public Summary(int runs, int skipped, int finished, List<String> failed, int pruned) {
      this(runs, skipped, finished, failed, pruned, List.of());
    }

    /** A summary of a sweep that pruned nothing and in which no run diverged. */
    public Summary(int runs, int skipped, int finished, List<String> failed) {
      this(runs, skipped, finished, failed, 0);
    }
  }

  private final RunExecutor executor;
  private final ResultsDir dir;
  private final Options options;
  private final Progress progress;
  private final Provenance provenance;
  private Consumer<String> log = line -> { };
  private DepthPruning pruning;

  public SweepRunner(RunExecutor executor, ResultsDir dir, Options options, Progress progress) {
    this.executor = executor;
    this.dir = dir;
    this.options = options;
    this.progress = progress;
    this.provenance = Provenance.current(options.threadsPerRun());
  }

  /** Sends notes for the user (a damaged result redone, runs trained elsewhere) to {@code log}. */
  public SweepRunner logTo(Consumer<String> log) {
    this.log = log;
    return this;
  }

  /**
   * Leaves out each run that a finished run with fewer layers makes redundant for the best-seed
   * fewest-layers table at {@code pruning}'s threshold, and starts the shallower runs first.
   */
  public SweepRunner pruneDeeper(DepthPruning pruning) {
    this.pruning = pruning;
    return this;
  }

  /**
   * Runs every unfinished run of {@code shard}; returns when all have finished or failed. Every
   * run of the sweep is {@linkplain RunExecutor#validate validated} first, before anything is
   * written.
   */
  public Summary run(SweepSpec spec, Shard shard) throws IOException, InterruptedException {
    return run(spec, shard, RunFilter.ALL);
  }

  /**
   * As {@link #run(SweepSpec, Shard)}, for the runs of {@code shard} within the slice
   * {@code filter}; a filter value that matches no run of the sweep is refused before anything is
   * written.
   */
  public Summary run(SweepSpec spec, Shard shard, RunFilter filter)
      throws IOException, InterruptedException {
    List<Run> all = spec.expand();
    List<Run> mine = slice(spec, all, shard, filter);
    dir.claim(spec);
    dir.deleteStaleTemps(mine.stream().map(Run::id).collect(Collectors.toSet()));
    List<Run> pending = pending(mine);
    String hash = spec.hash();
    String title = "sweep " + spec.name() + (shard.count() > 1 ? " shard " + shard : "");
    progress.start(title, "runs", mine.size(), mine.size() - pending.size());
    List<String> failed = new ArrayList<>();
    List<String> diverged = Collections.synchronizedList(new ArrayList<>());
    var elsewhere = new AtomicInteger();
    var pruned = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(),
        Thread.ofPlatform().name("sweep-worker-", 0).factory());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Run run : pending) {
        futures.add(pool.submit(() -> {
          switch (runLocked(run, all, spec.name(), hash, diverged)) {
            case ELSEWHERE -> elsewhere.incrementAndGet();
            case PRUNED -> pruned.incrementAndGet();
            case TRAINED -> { }
          }
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          failed.add(pending.get(i).id() + ": " + why(e.getCause()));
        }
      }
    } finally {
      pool.shutdownNow();
      progress.close();
    }
    if (elsewhere.get() > 0) {
      log.accept(elsewhere.get() + " runs were trained by another process on " + dir.root()
          + " at the same time, so this one skipped them");
    }
    return new Summary(mine.size(), mine.size() - pending.size() + elsewhere.get(),
        pending.size() - failed.size() - elsewhere.get() - pruned.get(), failed, pruned.get(),
        diverged);
  }

  /**
   * What {@link #run(SweepSpec, Shard, RunFilter)} would do now, doing none of it: of the runs of
   * {@code shard} within {@code filter}, how many are finished, which it would train (in the
   * order it would start them) and which {@linkplain #pruneDeeper pruning} would leave out given
   * the runs finished so far (more may be left out as shallower runs finish). Validates as
   * {@code run} does and reads the results folder; writes nothing.
   */
  public Plan plan(SweepSpec spec, Shard shard, RunFilter filter) throws IOException {
    List<Run> all = spec.expand();
    List<Run> mine = slice(spec, all, shard, filter);
    List<Run> pending = pending(mine);
    List<Run> train = new ArrayList<>();
    Map<Run, String> pruned = new LinkedHashMap<>();
    for (Run run : pending) {
      Optional<String> by = pruning == null ? Optional.empty() : pruning.prunedBy(run, all, dir);
      if (by.isPresent()) {
        pruned.put(run, by.get());
      } else {
        train.add(run);
      }
    }
    return new Plan(mine.size(), mine.size() - pending.size(), train, pruned);
  }

  /**
   * What a sweep call would do ({@link #plan}).
   *
   * @param runs the runs in the slice
   * @param finished those already finished
   * @param train those it would train, in the order it would start them
   * @param pruned those pruning would leave out, each with the finished run that makes it
   *     redundant
   */
  public record Plan(int runs, int finished, List<Run> train, Map<Run, String> pruned) {
    public Plan {
      train = List.copyOf(train);
      pruned = Collections.unmodifiableMap(new LinkedHashMap<>(pruned));
    }
  }

  /**
   * The runs of {@code shard} within {@code filter}, every run of the sweep validated first; a
   * filter value that matches no run is refused.
   */
  private List<Run> slice(SweepSpec spec, List<Run> all, Shard shard, RunFilter filter) {
    for (Run run : all) {
      executor.validate(run.spec());
    }
    List<String> unmatched = filter.unmatched(all);
    if (!unmatched.isEmpty()) {
      throw new IllegalArgumentException("--where " + String.join(", ", unmatched)
          + " matches no run of sweep '" + spec.name() + "'");
    }
    return shard.select(filter.select(all));
  }

  /** The unfinished runs of {@code mine}, in the order a call starts them. */
  private List<Run> pending(List<Run> mine) {
    List<Run> pending = mine.stream().filter(this::unfinished).toList();
    return pruning == null ? pending : DepthPruning.shallowFirst(pending);
  }

  /** Whether {@code run} has no sound result yet; a damaged one is said to be redone. */
  private boolean unfinished(Run run) {
    if (!Files.exists(dir.runFile(run.id()))) {
      return true;
    }
    Optional<String> damage = dir.damage(run.id());
    damage.ifPresent(why -> log.accept("redoing run " + run.id() + ": " + why));
    return damage.isPresent();
  }

  /** A failed run's reason: the message of a refusal or of ssmlab's own errors, else the error. */
  private static String why(Throwable cause) {
    boolean worded = cause instanceof IllegalArgumentException
        || cause instanceof IllegalStateException
        || cause.getClass().getName().startsWith("ssmlab.");
    return worded && cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private enum Outcome { TRAINED, ELSEWHERE, PRUNED }

  /**
   * Runs {@code run} under its lock, unless another worker or process holds the lock or finished
   * the run meanwhile, or a finished shallower run makes it redundant.
   */
  private Outcome runLocked(Run run, List<Run> all, String sweep, String specHash,
      List<String> diverged) throws Exception {
    Optional<LockFile> lock = dir.tryLock(run.id());
    if (lock.isEmpty()) {
      progress.advance(run.id() + " trained elsewhere");
      return Outcome.ELSEWHERE;
    }
    try (LockFile held = lock.get()) {
      if (dir.isFinished(run.id())) {
        progress.advance(run.id() + " finished elsewhere");
        return Outcome.ELSEWHERE;
      }
      Optional<String> by = pruning == null ? Optional.empty() : pruning.prunedBy(run, all, dir);
      if (by.isPresent()) {
        progress.advance(run.id() + " pruned: " + by.get() + " has fewer layers");
        return Outcome.PRUNED;
      }
      runOne(run, sweep, specHash, diverged);
      return Outcome.TRAINED;
    }
  }

  private void runOne(Run run, String sweep, String specHash, List<String> diverged)
      throws Exception {
    try {
      RunResult result = executor.execute(run.spec(), options.threadsPerRun());
      result.requireMatches(run.spec());
      dir.write(new RunRecord(run.id(), sweep, specHash, run.spec(), result, provenance));
      if (result.diverged() != null) {
        diverged.add(run.id() + ": " + result.diverged());
        progress.advance(run.id() + " diverged");
        return;
      }
      progress.advance(run.id());
    } catch (Exception | Error e) {
      progress.advance(run.id() + " failed");
      throw e;
    }
  }
}
