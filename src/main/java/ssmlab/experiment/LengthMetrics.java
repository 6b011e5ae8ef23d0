package ssmlab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What evaluation measured at one test length.
 *
 * @param length the test sequence length
 * @param tokenAccuracy fraction of supervised tokens predicted right, in [0, 1]
 * @param sequenceAccuracy fraction of sequences with every supervised token right, in [0, 1]
 * @param loss mean cross-entropy per supervised token (nats); NaN when training diverged
 * @param sequences the sequences sequence accuracy counts (those with a supervised token); null
 *     in results measured before it was recorded
 * @param unlabelled the sequences without a supervised token, left out of sequence accuracy;
 *     null when not recorded
 */
public record LengthMetrics(int length,
    @JsonProperty("token_accuracy") double tokenAccuracy,
    @JsonProperty("sequence_accuracy") double sequenceAccuracy,
    double loss, Integer sequences, Integer unlabelled) {

  /** Metrics without the sequence counts. */
  public LengthMetrics(int length, double tokenAccuracy, double sequenceAccuracy, double loss) {
    this(length, tokenAccuracy, sequenceAccuracy, loss, null, null);
  }

  public LengthMetrics {
    if (!(tokenAccuracy >= 0 && tokenAccuracy <= 1 && sequenceAccuracy >= 0
        && sequenceAccuracy <= 1)) {
      throw new IllegalArgumentException("accuracies must lie in [0, 1], got token "
          + tokenAccuracy + ", sequence " + sequenceAccuracy + " at length " + length);
    }
  }
}
