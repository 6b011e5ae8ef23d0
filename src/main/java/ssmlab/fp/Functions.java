package ssmlab.fp;

import java.util.Locale;

/**
 * Which exp, log, sqrt, sigmoid, softplus and SiLU a computation uses: {@code TABLE}, the
 * correctly rounded functions of {@link FloatFormat} (table circuits, exponential in p + q), or
 * {@code PAPER}, the constructions of {@link PaperFunctions} (circuits polynomial in p).
 */
public enum Functions {
  TABLE,
  PAPER;

  /** "table" or "paper". */
  public static Functions parse(String s) {
    for (Functions f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--functions must be table or paper, got '" + s + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
