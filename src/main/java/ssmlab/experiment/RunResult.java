package ssmlab.experiment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one run produced: metrics per test length and how long training took.
 *
 * <p>A run whose training went non-finite is a result too, not a failure to retry: the same seed
 * and thread count give the same bits, so a rerun would diverge at the same step. It is recorded
 * with {@code diverged} saying where, and scores 0 at every test length (a model with NaN weights
 * gets nothing right); its {@code loss} per length is NaN, as nothing was evaluated.
 *
 * @param metrics one entry per test length of the run, in the order of {@link
 *     RunSpec#testLengths()}
 * @param trainSeconds wall-clock seconds spent training (evaluation excluded)
 * @param trainLoss the training loss at the last step (of a diverged run: the last finite one,
 *     NaN if there was none)
 * @param diverged the step and tensor where training went non-finite; absent (null) for a run
 *     that trained to its last step
 */
public record RunResult(List<LengthMetrics> metrics,
    @JsonProperty("train_seconds") double trainSeconds,
    @JsonProperty("train_loss") double trainLoss,
    @JsonInclude(JsonInclude.Include.NON_NULL) String diverged) {

  public RunResult {
    metrics = List.copyOf(metrics);
    if (!(trainSeconds >= 0)) {
      throw new IllegalArgumentException("train_seconds must be >= 0, not " + trainSeconds);
    }
  }

  /** The result of a run that trained to its last step. */
  public RunResult(List<LengthMetrics> metrics, double trainSeconds, double trainLoss) {
    this(metrics, trainSeconds, trainLoss, null);
  }

  /** The result of a run that diverged: accuracy 0 and loss NaN at each of {@code lengths}. */
  public static RunResult diverged(List<Integer> lengths, double trainSeconds, double trainLoss,
      String why) {
    List<LengthMetrics> zeros = lengths.stream()
        .map(n -> new LengthMetrics(n, 0, 0, Double.NaN)).toList();
    return new RunResult(zeros, trainSeconds, trainLoss, why);
  }

  /** Checks that this result answers {@code spec}: one metric per test length, in order. */
  void requireMatches(RunSpec spec) {
    List<Integer> lengths = metrics.stream().map(LengthMetrics::length).toList();
    if (!lengths.equals(spec.testLengths())) {
      throw new IllegalStateException("result has metrics for lengths " + lengths
          + " but the run asked for " + spec.testLengths());
    }
  }
}
