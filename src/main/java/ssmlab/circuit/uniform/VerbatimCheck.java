package ssmlab.circuit.uniform;

/**
 * A {@code --check} whose family describes a verbatim build that its replay does not always
 * simplify into the directly built circuit (a paper function, a compiled Mamba): the query
 * against the verbatim build, that verbatim circuit evaluated against its definition, and the
 * replay compared with the direct build, as a fact rather than a condition.
 */
public interface VerbatimCheck {
  Agreement agreement();

  /** Gates of the verbatim build. */
  int verbatimGates();

  /** Inputs on which the verbatim circuit equals its definition. */
  int verified();

  /** Inputs tried (random ones in the definition's domain). */
  int tried();

  /** Gates of the direct, simplified build. */
  int simplifiedGates();

  /** Where the replayed verbatim build first differs from the direct one; null if nowhere. */
  String simplificationDifference();

  /** The agreement holds and every input verified. */
  boolean passes();

  /** The first difference in words, or null. */
  String firstDifference();
}
