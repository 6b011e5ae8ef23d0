package ssmlab.tasks;

import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Input lengths from {@code min} to {@code max} inclusive, written {@code N}, {@code a..b} or
 * {@code a-b}; JSON writes {@code "a..b"}.
 */
public record LengthRange(int min, int max) {

  public LengthRange {
    if (min < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException("empty length range " + min + ".." + max);
    }
  }

  /**
   * Reads {@code "a..b"} (the command line's spelling), {@code "a-b"} (the sweep specs'),
   * {@code "N"}, or a number.
   */
  @JsonCreator
  public static LengthRange parse(Object value) {
    if (value instanceof Number n) {
      return new LengthRange(n.intValue(), n.intValue());
    }
    String t = String.valueOf(value).strip();
    int dots = t.indexOf("..");
    int dash = t.indexOf('-', 1);
    int cut = dots >= 0 ? dots : dash;
    try {
      if (cut < 0) {
        int n = Integer.parseInt(t);
        return new LengthRange(n, n);
      }
      return new LengthRange(Integer.parseInt(t.substring(0, cut).strip()),
          Integer.parseInt(t.substring(cut + (dots >= 0 ? 2 : 1)).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a length or a range a..b: '" + t + "'");
    }
  }

  /** A length drawn uniformly from the range. */
  public int draw(SplittableRandom rng) {
    return min == max ? min : min + rng.nextInt(max - min + 1);
  }

  @JsonValue
  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + ".." + max;
  }
}
