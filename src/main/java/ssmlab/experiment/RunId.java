package ssmlab.experiment;

/**
 * A run's name: the first 16 hex digits of SHA-256 over the canonical JSON of its {@link RunSpec}.
 * Equal configurations get equal ids on every machine, so reruns and shards agree on them.
 */
public final class RunId {
  /** 16 hex digits = 64 bits: a collision in a sweep of a million runs has odds below 1e-7. */
  public static final int HEX_DIGITS = 16;

  private RunId() {}

  public static String of(RunSpec spec) {
    return Canonical.hash(spec, HEX_DIGITS);
  }

  /** Whether {@code s} has the form of a run id (so a file name can be one). */
  public static boolean isWellFormed(String s) {
    return s.length() == HEX_DIGITS && s.chars().allMatch(c -> Character.digit(c, 16) >= 0
        && !Character.isUpperCase(c));
  }
}
