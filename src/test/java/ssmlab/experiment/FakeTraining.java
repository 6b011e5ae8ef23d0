package ssmlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stand-in for the training loop in tests: metrics are a function of the spec
 * (near-perfect inside the train range; beyond it, models with eigenvalues reaching -1 and LSTMs
 * stay accurate while the others fall to chance), optionally after sleeping a little per run.
 */
final class FakeTraining implements RunExecutor {
  private final long sleepMillis;

  FakeTraining(long sleepMillis) {
    this.sleepMillis = sleepMillis;
  }

  @Override
  public RunResult execute(RunSpec spec, int threads) throws InterruptedException {
    if (sleepMillis > 0) {
      Thread.sleep(sleepMillis);
    }
    var random = new SplittableRandom(spec.seed() * 1_000_003L + spec.label().hashCode());
    boolean tracksState = spec.model().equals("lstm")
        || String.valueOf(spec.modelOptions().get("eigenvalues")).contains("-1");
    int layers = spec.layers() == null ? 1 : spec.layers();
    List<LengthMetrics> metrics = new ArrayList<>();
    for (int n : spec.testLengths()) {
      double beyond = Math.max(0, n - spec.trainLengths().max());
      double reach = tracksState ? 1e9 : 10.0 * layers;
      double acc = 0.5 + 0.5 * Math.exp(-beyond / reach) - 0.02 * random.nextDouble();
      double seq = Math.max(0, Math.min(1, 2 * acc - 1));
      metrics.add(new LengthMetrics(n, Math.max(0, acc), seq, -Math.log(Math.max(acc, 1e-6))));
    }
    return new RunResult(metrics, 1.5 + spec.steps() / 1000.0, 0.01 * (1 + random.nextDouble()));
  }
}
