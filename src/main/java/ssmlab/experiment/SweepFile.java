package ssmlab.experiment;

/**
 * The {@code sweep.json} of a results folder: the spec every result in it belongs to.
 *
 * @param specHash {@link SweepSpec#hash()}
 * @param spec the spec
 */
public record SweepFile(String specHash, SweepSpec spec) {}
