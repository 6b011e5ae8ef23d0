package ssmlab.experiment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one run produced: metrics per test length and how long training took.
 *
 * @param metrics one entry per test length of the run, in the order of {@link
 *     RunSpec#testLengths()}
 * @param trainSeconds wall-clock seconds spent training (evaluation excluded)
 * @param trainLoss the training loss at the last step (NaN if it diverged)
 */
public record RunResult(List<LengthMetrics> metrics,
    @JsonProperty("train_seconds") double trainSeconds,
    @JsonProperty("train_loss") double trainLoss) {

  public RunResult {
    metrics = List.copyOf(metrics);
    if (!(trainSeconds >= 0)) {
      throw new IllegalArgumentException("train_seconds must be >= 0, not " + trainSeconds);
    }
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
