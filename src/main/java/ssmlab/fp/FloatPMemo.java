package ssmlab.fp;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A function of one float (exp, SiLU, softplus...) applied elementwise to {@link FloatPArray}s,
 * remembering its recent results in a direct-mapped table: a model evaluated in a narrow format
 * meets the same few thousand arguments again and again. The function must be pure, so results
 * do not depend on what the table holds. Not thread-safe: one per thread.
 */
public final class FloatPMemo {
  private final FloatFormat format;
  private final UnaryOperator<FloatP> fn;
  private final int mask;
  /** Entry h at 4h: key significand, key exponent, value significand, value exponent. */
  private final long[] table;
  private final boolean[] filled;

  /** {@code fn} on floats of {@code format}, remembering up to {@code 2^log2Size} results. */
  public FloatPMemo(FloatFormat format, UnaryOperator<FloatP> fn, int log2Size) {
    if (log2Size < 0 || log2Size > 24) {
      throw new IllegalArgumentException("table size 2^" + log2Size + " is not 2^0 to 2^24");
    }
    this.format = Objects.requireNonNull(format);
    this.fn = Objects.requireNonNull(fn);
    int size = 1 << log2Size;
    mask = size - 1;
    table = new long[4 * size];
    filled = new boolean[size];
  }

  /** out[i] = fn(a[i]); out may be a. */
  public void apply(FloatPArray a, FloatPArray out) {
    if (!a.format().equals(format) || !out.format().equals(format)) {
      throw new IllegalArgumentException("arrays of " + a.format() + " and " + out.format()
          + " for a function on " + format);
    }
    if (a.length() != out.length()) {
      throw new IllegalArgumentException("arrays of lengths " + a.length() + " and "
          + out.length());
    }
    long[] x = a.slots();
    long[] z = out.slots();
    int n = out.length();
    if (x == null) {
      for (int i = 0; i < n; i++) {
        out.set(i, fn.apply(a.get(i)));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      long m = x[i];
      long e = x[n + i];
      int h = slot(m, e);
      int at = 4 * h;
      if (!filled[h] || table[at] != m || table[at + 1] != e) {
        FloatP r = fn.apply(new FloatP(format, m, null, e));
        table[at] = m;
        table[at + 1] = e;
        table[at + 2] = r.m;
        table[at + 3] = r.e;
        filled[h] = true;
      }
      z[i] = table[at + 2];
      z[n + i] = table[at + 3];
    }
  }

  private int slot(long m, long e) {
    long k = m * 0x9E3779B97F4A7C15L + e * 0xC2B2AE3D27D4EB4FL;
    return (int) (k ^ (k >>> 29)) & mask;
  }
}
