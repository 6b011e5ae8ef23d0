package ssmlab.attacks;

import java.nio.file.Path;
import java.util.List;

import ssmlab.experiment.LengthMetrics;
import ssmlab.progress.Progress;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.RunExecutor;
import ssmlab.experiment.RunId;
import ssmlab.experiment.RunResult;
import ssmlab.experiment.Shard;
import ssmlab.experiment.SweepRunner;
import ssmlab.experiment.SweepSpecs;

/**
 * A sweep in a JVM of its own over a stand-in executor that sleeps: {@code SweepChild SPEC OUT
 * SLEEP_MS WORKERS}. Prints {@code start <id>} for every run it trains.
 */
final class SweepChild {
  private SweepChild() {}

  /** Sleeps {@code millis}, then reports accuracy 1/2 at every test length. */
  static RunExecutor sleeping(long millis) {
    return (spec, threads) -> {
      System.out.println("start " + RunId.of(spec));
      System.out.flush();
      Thread.sleep(millis);
      List<LengthMetrics> metrics = spec.testLengths().stream()
          .map(n -> new LengthMetrics(n, 0.5, 0.5, 1.0)).toList();
      return new RunResult(metrics, millis / 1e3, 1.0);
    };
  }

  public static void main(String[] args) throws Exception {
    var runner = new SweepRunner(sleeping(Long.parseLong(args[2])),
        new ResultsDir(Path.of(args[1])), new SweepRunner.Options(Integer.parseInt(args[3]), 1),
        Progress.NONE);
    SweepRunner.Summary summary = runner.run(SweepSpecs.read(Path.of(args[0])), Shard.ALL);
    System.out.println("done " + summary.finished());
  }
}
