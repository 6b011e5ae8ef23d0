package ssmlab.experiment;

import ssmlab.progress.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The sweep runner in a JVM of its own, over {@link FakeTraining}, for the kill-and-restart test:
 * {@code SweepChild SPEC OUT SLEEP_MS WORKERS}. Prints the ids it trains, one per line.
 */
final class SweepChild {
  private SweepChild() {}

  public static void main(String[] args) throws Exception {
    SweepSpec spec = SweepSpecs.read(Path.of(args[0]));
    long sleep = Long.parseLong(args[2]);
    RunExecutor executor = (run, threads) -> {
      System.out.println("start " + RunId.of(run));
      System.out.flush();
      return new FakeTraining(sleep).execute(run, threads);
    };
    var runner = new SweepRunner(executor, new ResultsDir(Path.of(args[1])),
        new SweepRunner.Options(Integer.parseInt(args[3]), 1),
        Progress.forConsole(new PrintWriter(System.err, true)));
    SweepRunner.Summary summary = runner.run(spec, Shard.ALL);
    System.out.println("done " + summary.finished());
  }
}
