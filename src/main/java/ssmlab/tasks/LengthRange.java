package ssmlab.tasks;

import java.util.SplittableRandom;

/** Input lengths from {@code min} to {@code max} inclusive, written {@code N} or {@code a..b}. */
public record LengthRange(int min, int max) {

  public LengthRange {
    if (min < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException("empty length range " + min + ".." + max);
    }
  }

  public static LengthRange parse(String text) {
    String t = text.strip();
    int dots = t.indexOf("..");
    try {
      if (dots < 0) {
        int n = Integer.parseInt(t);
        return new LengthRange(n, n);
      }
      return new LengthRange(
          Integer.parseInt(t.substring(0, dots).strip()),
          Integer.parseInt(t.substring(dots + 2).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a length or a range a..b: '" + text + "'");
    }
  }

  /** A length drawn uniformly from the range. */
  public int draw(SplittableRandom rng) {
    return min == max ? min : min + rng.nextInt(max - min + 1);
  }

  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + ".." + max;
  }
}
