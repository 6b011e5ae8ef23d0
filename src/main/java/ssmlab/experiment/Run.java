package ssmlab.experiment;

/** A run of a sweep: its id and its configuration. */
public record Run(String id, RunSpec spec) {

  public static Run of(RunSpec spec) {
    return new Run(RunId.of(spec), spec);
  }
}
