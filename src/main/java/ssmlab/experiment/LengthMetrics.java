package ssmlab.experiment;

/**
 * What evaluation measured at one test length.
 *
 * @param length the test sequence length
 * @param tokenAccuracy fraction of supervised tokens predicted right, in [0, 1]
 * @param sequenceAccuracy fraction of sequences with every supervised token right, in [0, 1]
 * @param loss mean cross-entropy per supervised token (nats); NaN when training diverged
 */
public record LengthMetrics(int length, double tokenAccuracy, double sequenceAccuracy,
    double loss) {

  public LengthMetrics {
    if (!(tokenAccuracy >= 0 && tokenAccuracy <= 1 && sequenceAccuracy >= 0
        && sequenceAccuracy <= 1)) {
      throw new IllegalArgumentException("accuracies must lie in [0, 1], got token "
          + tokenAccuracy + ", sequence " + sequenceAccuracy + " at length " + length);
    }
  }
}
