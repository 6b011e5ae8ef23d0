package ssmlab.tensor;

import java.util.Locale;

/**
 * The one switch of every Vector API kernel, the engine's and the circuit evaluator's alike: the
 * system property {@value #PROPERTY}, read here and nowhere else. A class of its own, without the
 * vector module, so provenance can record it in a JVM that never loads a kernel.
 */
public final class SimdSwitch {
  /** The system property; unset means on. */
  public static final String PROPERTY = "ssmlab.simd";

  /**
   * Whether the Vector API kernels run. The command line checks the property first
   * ({@link #checkProperty}), so a misspelt value is an error there, never a silent choice.
   */
  public static final boolean ENABLED = enabledOrDefault(System.getProperty(PROPERTY));

  private SimdSwitch() {}

  /**
   * What a value of {@value #PROPERTY} means: {@code true/on/yes/1} on, {@code false/off/no/0}
   * off (any case, spaces ignored), unset on.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static boolean enabledBy(String value) {
    if (value == null) {
      return true;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
          + ": must be true or false (also on/off, yes/no, 1/0)");
    };
  }

  /** Checks the property's value; the command line calls this before any kernel runs. */
  public static void checkProperty() {
    enabledBy(System.getProperty(PROPERTY));
  }

  private static boolean enabledOrDefault(String value) {
    try {
      return enabledBy(value);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
