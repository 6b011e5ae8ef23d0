package ssmlab.model.mamba.reference;

import java.util.Locale;

/** How the selective scan's recurrence is evaluated, and so where it rounds. */
public enum ScanForm {
  /** {@code h_t = deltaA_t * h_(t-1) + deltaB_t x_t}, rounding every step, as hardware does. */
  SEQUENTIAL,
  /**
   * {@code h_t = sum_(s <= t) (prod_(r in (s, t]) deltaA_r) deltaB_s x_s} with one iterated
   * product per term and one iterated sum (Lemma 4.2, Theorem 4.4): constant depth as a circuit.
   */
  UNROLLED;

  /** The name as the command line writes it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code sequential} or {@code unrolled}. */
  public static ScanForm parse(String s) {
    for (ScanForm f : values()) {
      if (f.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("--form must be sequential or unrolled, got '" + s + "'");
  }
}
