package ssmlab.tasks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The options a task factory reads ({@code k}, {@code m}, {@code n}, {@code depth}, {@code label},
 * ...), with typed accessors that reject bad values with a one-line message.
 *
 * <p>Keys are option names without the leading dashes. A factory reads what it understands;
 * {@link #requireAllRead} then refuses any option the task does not have.
 */
public final class TaskOptions {

  private final Map<String, String> values;
  private final TreeSet<String> read = new TreeSet<>();

  private TaskOptions(Map<String, String> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public static TaskOptions of(Map<String, String> values) {
    return new TaskOptions(values);
  }

  public static TaskOptions none() {
    return new TaskOptions(Map.of());
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    read.add(key);
    String s = values.get(key);
    if (s == null) {
      return defaultValue;
    }
    int v;
    try {
      v = Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be an integer, got '" + s + "'");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          "--" + key + " must be in " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  public double doubleValue(String key, double defaultValue, double min, double max) {
    read.add(key);
    String s = values.get(key);
    if (s == null) {
      return defaultValue;
    }
    double v;
    try {
      v = Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got '" + s + "'");
    }
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(
          "--" + key + " must be in [" + min + ", " + max + "], got " + s);
    }
    return v;
  }

  /** One of {@code allowed}; the first is not implied, {@code defaultValue} is. */
  public String choice(String key, String defaultValue, String... allowed) {
    read.add(key);
    String s = values.get(key);
    if (s == null) {
      return defaultValue;
    }
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (!Arrays.asList(allowed).contains(v)) {
      throw new IllegalArgumentException(
          "--" + key + " must be one of " + String.join(", ", allowed) + ", got '" + s + "'");
    }
    return v;
  }

  /** A free-form string option, or {@code defaultValue} when absent. */
  public String string(String key, String defaultValue) {
    read.add(key);
    String s = values.get(key);
    return s == null ? defaultValue : s.strip();
  }

  /** Refuses options that no accessor read: the task does not have them. */
  public void requireAllRead(String task) {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        throw new IllegalArgumentException("task " + task + " has no option --" + key);
      }
    }
  }
}
