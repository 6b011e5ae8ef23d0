package ssmlab.fp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An immutable p-bit float {@code <m, e>} = {@code m * 2^e} of a {@link FloatFormat}.
 *
 * <p>Formats with p <= 62 keep the signed significand in {@link #m} (and {@link #big} is null);
 * wider formats keep it in {@link #big}. Zero is {@code <0, 0>}. The convenience methods
 * ({@link #plus}, {@link #times}, ...) call the format's operations and round once.
 */
public final class FloatP implements Comparable<FloatP> {
  private final FloatFormat format;
  final long m; // signed significand when format.p() <= 62
  final BigInteger big; // signed significand when format.p() > 62, else null
  final long e;

  FloatP(FloatFormat format, long m, BigInteger big, long e) {
    this.format = format;
    this.m = m;
    this.big = big;
    this.e = e;
  }

  public FloatFormat format() {
    return format;
  }

  /** The signed significand m: 0 or {@code 2^(p-1) <= |m| < 2^p}. */
  public BigInteger significand() {
    return big != null ? big : BigInteger.valueOf(m);
  }

  /** The exponent e (0 for zero). */
  public long exponent() {
    return e;
  }

  public int signum() {
    return big != null ? big.signum() : Long.signum(m);
  }

  public boolean isZero() {
    return signum() == 0;
  }

  FloatP negate() {
    return big != null ? new FloatP(format, 0, big.negate(), e) : new FloatP(format, -m, null, e);
  }

  public FloatP plus(FloatP o) {
    return format.add(this, o);
  }

  public FloatP minus(FloatP o) {
    return format.subtract(this, o);
  }

  public FloatP times(FloatP o) {
    return format.multiply(this, o);
  }

  public FloatP dividedBy(FloatP o) {
    return format.divide(this, o);
  }

  public FloatP negated() {
    return format.negate(this);
  }

  /** The exact value as a BigDecimal (may be long: |e| digits after the point when e < 0). */
  public BigDecimal toBigDecimal() {
    return Decimal.toBigDecimal(this);
  }

  /**
   * The exact decimal expansion, e.g. 0.1000000000000000055511151231257827021181583404541015625 for
   * 0.1 at p = 53 ({@code m*2^e} text when |e| exceeds 100000).
   */
  public String toExactString() {
    return Decimal.exact(this);
  }

  /** The nearest double (ties to even; may be infinite or subnormal). */
  public double toDouble() {
    return Decimal.toDouble(this);
  }

  /**
   * Numeric comparison, exact; floats of different formats compare by value (so compareTo may
   * return 0 where {@link #equals}, which also compares the format, is false).
   */
  @Override
  public int compareTo(FloatP o) {
    int s = signum();
    int t = o.signum();
    if (s != t || s == 0) {
      return Integer.compare(s, t);
    }
    if (big == null && o.big == null && format.p() == o.format.p()) {
      // Same width, normalised: the exponent decides, then the significand.
      int c = e != o.e ? Long.compare(e, o.e) * s : Long.compare(m, o.m);
      return c;
    }
    return Dyadic.of(this).compareTo(Dyadic.of(o));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatP f && f.format.equals(format) && f.e == e && f.m == m
        && (big == null ? f.big == null : big.equals(f.big));
  }

  @Override
  public int hashCode() {
    return (big == null ? Long.hashCode(m) : big.hashCode()) * 31 + Long.hashCode(e);
  }

  /** {@code <m, e>}. */
  @Override
  public String toString() {
    return "<" + significand() + ", " + e + ">";
  }
}
