package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Path;

/** A finished sweep of {@link Specs#GRID} over {@link FakeTraining}, for tests elsewhere. */
public final class ResultsFixture {
  private ResultsFixture() {}

  /** Runs the 24-run test grid into {@code dir} and returns the folder. */
  public static ResultsDir sweep(Path dir) throws IOException, InterruptedException {
    var results = new ResultsDir(dir);
    new SweepRunner(new FakeTraining(0), results, new SweepRunner.Options(2, 1), Progress.NONE)
        .run(Specs.grid(), Shard.ALL);
    return results;
  }
}
