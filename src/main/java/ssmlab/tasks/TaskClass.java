package ssmlab.tasks;

/** Where a task sits among the circuit classes and the Chomsky hierarchy (docs/tasks.md). */
public enum TaskClass {
  TC0("TC0"),
  NC1_COMPLETE("NC1-complete"),
  REGULAR("regular"),
  STAR_FREE("star-free"),
  COUNTER("counter"),
  CONTEXT_FREE("context-free"),
  CONTEXT_SENSITIVE("context-sensitive");

  private final String label;

  TaskClass(String label) {
    this.label = label;
  }

  /** The name used in listings and docs, e.g. {@code "NC1-complete"}. */
  public String label() {
    return label;
  }
}
