package ssmlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An inclusive range of sequence lengths, written {@code "3-40"} (or {@code "32"} for one). */
public record LengthRange(int min, int max) {

  public LengthRange {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("bad length range " + min + "-" + max
          + ": need 1 <= min <= max");
    }
  }

  /** Reads {@code "3-40"}, {@code "32"} or the number 32. */
  @JsonCreator
  public static LengthRange parse(Object value) {
    if (value instanceof Number n) {
      return new LengthRange(n.intValue(), n.intValue());
    }
    String s = String.valueOf(value).strip();
    try {
      int dash = s.indexOf('-', 1);
      if (dash < 0) {
        int n = Integer.parseInt(s);
        return new LengthRange(n, n);
      }
      return new LengthRange(Integer.parseInt(s.substring(0, dash).strip()),
          Integer.parseInt(s.substring(dash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad length range '" + s + "': expected MIN-MAX or N");
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "-" + max;
  }
}
