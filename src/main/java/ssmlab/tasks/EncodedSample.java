package ssmlab.tasks;

/**
 * A sample as vocabulary ids, the form training consumes: {@code targetIds[i] == -1} marks an
 * unlabelled position.
 */
public record EncodedSample(int[] inputIds, int[] targetIds) {

  public EncodedSample {
    if (inputIds.length != targetIds.length) {
      throw new IllegalArgumentException("input and target ids differ in length");
    }
  }

  public int length() {
    return inputIds.length;
  }

  /** Number of labelled positions. */
  public int labelled() {
    int c = 0;
    for (int t : targetIds) {
      if (t >= 0) {
        c++;
      }
    }
    return c;
  }
}
