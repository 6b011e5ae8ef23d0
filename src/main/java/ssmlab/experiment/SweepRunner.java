package ssmlab.experiment;

import ssmlab.io.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs the unfinished runs of one shard of a sweep on a fixed pool of workers, storing each
 * finished run atomically in a {@link ResultsDir}.
 *
 * <p>Nothing is lost and nothing done twice: a run's result file appears (by an atomic rename)
 * only once the run has finished, and a run whose file exists is skipped. A sweep killed at any
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
   */
  public record Summary(int runs, int skipped, int finished, List<String> failed) {
    public Summary {
      failed = List.copyOf(failed);
    }
  }

  private final RunExecutor executor;
  private final ResultsDir dir;
  private final Options options;
  private final Progress progress;
  private final Provenance provenance;

  public SweepRunner(RunExecutor executor, ResultsDir dir, Options options, Progress progress) {
    this.executor = executor;
    this.dir = dir;
    this.options = options;
    this.progress = progress;
    this.provenance = Provenance.current(options.threadsPerRun());
  }

  /**
   * Runs every unfinished run of {@code shard}; returns when all have finished or failed. Every
   * run of the sweep is {@linkplain RunExecutor#validate validated} first, before anything is
   * written.
   */
  public Summary run(SweepSpec spec, Shard shard) throws IOException, InterruptedException {
    List<Run> all = spec.expand();
    for (Run run : all) {
      executor.validate(run.spec());
    }
    List<Run> mine = shard.select(all);
    dir.claim(spec);
    dir.deleteStaleTemps(mine.stream().map(Run::id).collect(Collectors.toSet()));
    List<Run> pending = mine.stream().filter(r -> !dir.isFinished(r.id())).toList();
    String hash = spec.hash();
    String title = spec.name() + (shard.count() > 1 ? " shard " + shard : "");
    progress.start(title, mine.size(), mine.size() - pending.size());
    List<String> failed = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(),
        Thread.ofPlatform().name("sweep-worker-", 0).factory());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Run run : pending) {
        futures.add(pool.submit(() -> {
          runOne(run, spec.name(), hash);
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          failed.add(pending.get(i).id() + ": " + e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      progress.close();
    }
    return new Summary(mine.size(), mine.size() - pending.size(),
        pending.size() - failed.size(), failed);
  }

  private void runOne(Run run, String sweep, String specHash) throws Exception {
    try {
      RunResult result = executor.execute(run.spec(), options.threadsPerRun());
      result.requireMatches(run.spec());
      dir.write(new RunRecord(run.id(), sweep, specHash, run.spec(), result, provenance));
      progress.advance(run.id());
    } catch (Exception | Error e) {
      progress.advance(run.id() + " failed");
      throw e;
    }
  }
}
