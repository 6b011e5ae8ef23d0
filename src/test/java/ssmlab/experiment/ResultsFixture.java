package ssmlab.experiment;

import ssmlab.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;

/** The test grid and its stand-in executor for tests in other packages. */
public final class ResultsFixture {
  /** The text of the 24-run test grid spec (YAML). */
  public static final String GRID = Specs.GRID;

  private ResultsFixture() {}

  /** The deterministic stand-in for training the runner tests use. */
  public static RunExecutor executor() {
    return new FakeTraining(0);
  }

  /** Runs the 24-run test grid into {@code dir} and returns the folder. */
  public static ResultsDir sweep(Path dir) throws IOException, InterruptedException {
    var results = new ResultsDir(dir);
    new SweepRunner(new FakeTraining(0), results, new SweepRunner.Options(2, 1), Progress.NONE)
        .run(Specs.grid(), Shard.ALL);
    return results;
  }
}
