package ssmlab.fp;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A function of one float (exp, SiLU, softplus...) applied elementwise to {@link FloatPArray}s,
 * remembering its recent results in a direct-mapped table: a model evaluated in a narrow format
 * meets the same few thousand arguments again and again. The function must be pure, so results
 * do not depend on what the table holds. Not thread-safe: one per thread.
 *
 * <p>A format of at most {@value #DIRECT_BITS} bits of significand, sign and exponent
 * (p + q + 2, e.g. p = q = 8) gets one slot per float instead: a result, once computed, is never
 * evicted.
 */
public final class FloatPMemo {
  private final FloatFormat format;
  private final UnaryOperator<FloatP> fn;
  private final int mask;
  /** Entry h at 4h: key significand, key exponent, value significand, value exponent. */
  private final long[] table;
  private final boolean[] filled;
  /** Direct mode: slot of (m, e) at (e - emin) * 2^(p+1) + m + 2^p; 0 while empty. */
  private final long[] direct;
  /** That slot as (e << directShift) + m + directBase. */
  private final int directShift;
  private final long directBase;
  private final long emin;

  /** The largest key, in bits, that gets a slot of its own. */
  static final int DIRECT_BITS = 18;

  /** {@code fn} on floats of {@code format}, remembering up to {@code 2^log2Size} results. */
  public FloatPMemo(FloatFormat format, UnaryOperator<FloatP> fn, int log2Size) {
    if (log2Size < 0 || log2Size > 24) {
      throw new IllegalArgumentException("table size 2^" + log2Size + " is not 2^0 to 2^24");
    }
    this.format = Objects.requireNonNull(format);
    this.fn = Objects.requireNonNull(fn);
    int keyBits = format.p() + format.q() + 2;
    emin = format.minExponent();
    directShift = format.p() + 1;
    directBase = (1L << format.p()) - (emin << directShift);
    if (format.isLong() && keyBits <= DIRECT_BITS) {
      direct = new long[1 << keyBits];
      mask = 0;
      table = null;
      filled = null;
      return;
    }
    direct = null;
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
    if (direct != null) {
      applyDirect(x, z, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      apply(x[i], x[n + i], z, i, n + i);
    }
  }

  /** fn(m * 2^e) into out[mAt], out[eAt], for formats of p <= 62. */
  void apply(long m, long e, long[] out, int mAt, int eAt) {
    if (direct != null) {
      long packed = directLookup(m, e);
      out[mAt] = packed >> 32;
      out[eAt] = (packed & 0xFFFF_FFFFL) + emin - 1;
      return;
    }
    int at = hashedEntry(m, e);
    out[mAt] = table[at + 2];
    out[eAt] = table[at + 3];
  }

  /** The table entry of (m, e), filled with fn's result if it held another key. */
  private int hashedEntry(long m, long e) {
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
    return at;
  }

  /**
   * Whether {@link #packed} takes this format: p <= 31 and q <= 30, so that a result's
   * significand and biased exponent each fit in 32 bits.
   */
  boolean packs() {
    return format.p() <= 31 && format.q() <= 30;
  }

  /**
   * fn(m * 2^e) packed as (significand << 32) | (exponent - emin + 1), for {@link #packs}
   * formats: {@link #packedM} and {@link #packedE} unpack it.
   */
  long packed(long m, long e) {
    if (direct != null) {
      return directLookup(m, e);
    }
    int at = hashedEntry(m, e);
    return (table[at + 2] << 32) | (table[at + 3] - emin + 1);
  }

  static long packedM(long packed) {
    return packed >> 32;
  }

  long packedE(long packed) {
    return (packed & 0xFFFF_FFFFL) + emin - 1;
  }

  /*
   * A direct slot holds the result packed as (m << 32) | (e - emin + 1): m has at most p + 1 <= 16
   * signed bits and e - emin + 1 lies in [1, 2^(q+1)], so a filled slot is never 0.
   */
  private void applyDirect(long[] x, long[] z, int n) {
    for (int i = 0; i < n; i++) {
      long packed = directLookup(x[i], x[n + i]);
      z[i] = packed >> 32;
      z[n + i] = (packed & 0xFFFF_FFFFL) + emin - 1;
    }
  }

  private long directLookup(long m, long e) {
    int at = (int) ((e << directShift) + m + directBase);
    long packed = direct[at];
    return packed != 0 ? packed : fill(at, m, e);
  }

  private long fill(int at, long m, long e) {
    FloatP r = fn.apply(new FloatP(format, m, null, e));
    long packed = (r.m << 32) | (r.e - emin + 1);
    direct[at] = packed;
    return packed;
  }

  private int slot(long m, long e) {
    long k = m * 0x9E3779B97F4A7C15L + e * 0xC2B2AE3D27D4EB4FL;
    return (int) (k ^ (k >>> 29)) & mask;
  }
}
