package ssmlab.fp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A p-bit floating-point format F_p (paper Definition A.1) with a q-bit exponent, and every
 * operation on it: each one computes the exact result and rounds it once (Definition A.2).
 *
 * <p>A value is {@code <m, e>} with significand {@code m} in {@code (-2^p, -2^(p-1)] ∪ {0} ∪
 * [2^(p-1), 2^p)} and exponent {@code e} in {@code [-2^q, 2^q)}; it stands for {@code m * 2^e}.
 * The paper takes q = p; {@link #of(int)} does the same up to {@link #MAX_Q}. Rounding is to the
 * nearest element of F_p, ties to the even significand. Since F_p is a finite set, a result above
 * the largest float rounds to it (saturation) and a result below half the smallest positive float
 * rounds to zero; there are no infinities, no NaN, no subnormals and one zero. Division by zero,
 * log of a non-positive number and sqrt of a negative one throw {@link ArithmeticException}.
 *
 * <p>Formats with {@code p <= 62} keep the significand in a {@code long} and never allocate a
 * {@link BigInteger} for {@code + - * /} or sqrt; larger p use BigInteger. See docs/fp.md.
 *
 * @param p significand bits, 2 to {@link #MAX_P}
 * @param q exponent bits, 1 to {@link #MAX_Q}: exponents lie in {@code [-2^q, 2^q)}
 */
public record FloatFormat(int p, int q) {

  /** The largest significand width accepted. */
  public static final int MAX_P = 1 << 16;
  /** The largest exponent width: exponents, their sums and differences stay in a long. */
  public static final int MAX_Q = 61;
  /** Significand widths up to this use the long path. */
  static final int LONG_P = 62;

  public FloatFormat {
    if (p < 2 || p > MAX_P) {
      throw new IllegalArgumentException("precision must be 2 to " + MAX_P + ", got " + p);
    }
    if (q < 1 || q > MAX_Q) {
      throw new IllegalArgumentException("exponent bits must be 1 to " + MAX_Q + ", got " + q);
    }
  }

  /** The paper's format: q = p exponent bits (capped at {@link #MAX_Q}). */
  public static FloatFormat of(int p) {
    return new FloatFormat(p, Math.min(p, MAX_Q));
  }

  /** Significand p and exponent q bits. */
  public static FloatFormat of(int p, int q) {
    return new FloatFormat(p, q);
  }

  /** The smallest exponent, {@code -2^q}. */
  public long minExponent() {
    return -(1L << q);
  }

  /** The largest exponent, {@code 2^q - 1}. */
  public long maxExponent() {
    return (1L << q) - 1;
  }

  boolean isLong() {
    return p <= LONG_P;
  }

  // ---------------------------------------------------------------- values

  /** Zero. */
  public FloatP zero() {
    return isLong() ? new FloatP(this, 0, null, 0) : new FloatP(this, 0, BigInteger.ZERO, 0);
  }

  /** The largest float, {@code (2^p - 1) * 2^maxExponent}. */
  public FloatP max() {
    return Rounder.max(this, false);
  }

  /** The smallest positive float, {@code 2^(p-1) * 2^minExponent}. */
  public FloatP minPositive() {
    return Rounder.minPositive(this, false);
  }

  /** The float {@code <m, e>}; m must be normalised (or zero) and e in range. */
  public FloatP of(BigInteger m, long e) {
    int bits = m.abs().bitLength();
    if (m.signum() == 0) {
      return zero();
    }
    if (bits != p || e < minExponent() || e > maxExponent()) {
      throw new IllegalArgumentException("<" + m + ", " + e + "> is not a " + p + "-bit float with "
          + q + " exponent bits");
    }
    return isLong() ? new FloatP(this, m.longValueExact(), null, e) : new FloatP(this, 0, m, e);
  }

  /** round_p(m * 2^e) for any integer m and exponent e. */
  public FloatP round(BigInteger m, long e) {
    return Rounder.big(this, m.signum() < 0, m.abs(), false, e);
  }

  /** round_p(n) for an integer n. */
  public FloatP valueOf(long n) {
    if (n == Long.MIN_VALUE) {
      return round(BigInteger.valueOf(n), 0);
    }
    return n == 0 ? zero() : Rounder.bits(this, n < 0, Math.abs(n), false, 0);
  }

  /** round_p(num / den), the quotient of two integers rounded once. */
  public FloatP round(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return BigArith.quotient(this, num.signum() * den.signum() < 0, num.abs(), den.abs(), 0);
  }

  /** round_p(x) for a BigDecimal x. */
  public FloatP round(BigDecimal x) {
    return Decimal.round(this, x);
  }

  /** round_p(x) for the exact value of a double; NaN and infinities are rejected. */
  public FloatP fromDouble(double x) {
    return Decimal.ofDouble(this, x);
  }

  /** round_p of a decimal literal such as {@code -1.5e-07}, rounded once. */
  public FloatP parse(String decimal) {
    return Decimal.parse(this, decimal);
  }

  /** x in this format: rounded once if it comes from another format. */
  public FloatP convert(FloatP x) {
    if (x.format().equals(this)) {
      return x;
    }
    return x.isZero() ? zero() : round(x.significand(), x.exponent());
  }

  // ---------------------------------------------------------------- arithmetic

  /** round_p(a + b). */
  public FloatP add(FloatP a, FloatP b) {
    check(a, b);
    return isLong() ? longOp(LongArith::add, a.m, a.e, b.m, b.e) : BigArith.add(this, a, b, false);
  }

  /** round_p(a - b). */
  public FloatP subtract(FloatP a, FloatP b) {
    check(a, b);
    return isLong() ? longOp(LongArith::add, a.m, a.e, -b.m, b.e) : BigArith.add(this, a, b, true);
  }

  /** round_p(a * b). */
  public FloatP multiply(FloatP a, FloatP b) {
    check(a, b);
    return isLong()
        ? longOp(LongArith::multiply, a.m, a.e, b.m, b.e)
        : BigArith.multiply(this, a, b);
  }

  /** round_p(a / b); throws ArithmeticException when b is zero. */
  public FloatP divide(FloatP a, FloatP b) {
    check(a, b);
    if (b.isZero()) {
      throw new ArithmeticException("division by zero");
    }
    return isLong() ? longOp(LongArith::divide, a.m, a.e, b.m, b.e) : BigArith.divide(this, a, b);
  }

  private FloatP longOp(LongArith.Op op, long ma, long ea, long mb, long eb) {
    long[] slot = new long[2];
    op.apply(this, ma, ea, mb, eb, slot, 0, 1);
    return new FloatP(this, slot[0], null, slot[1]);
  }

  /** -a (exact). */
  public FloatP negate(FloatP a) {
    check(a);
    return a.negate();
  }

  /** |a| (exact). */
  public FloatP abs(FloatP a) {
    return a.signum() < 0 ? negate(a) : a;
  }

  /** The sign of a - b: -1, 0 or 1 (exact; the paper's comparison). */
  public int compare(FloatP a, FloatP b) {
    return a.compareTo(b);
  }

  /** The larger of a and b. */
  public FloatP max(FloatP a, FloatP b) {
    return compare(a, b) >= 0 ? a : b;
  }

  /** The smaller of a and b. */
  public FloatP min(FloatP a, FloatP b) {
    return compare(a, b) <= 0 ? a : b;
  }

  /** floor(a), the largest integer not above a; always a float of this format (exact). */
  public FloatP floor(FloatP a) {
    check(a);
    return BigArith.floor(this, a);
  }

  /** round_p(sqrt(a)), correctly rounded; throws ArithmeticException when a is negative. */
  public FloatP sqrt(FloatP a) {
    check(a);
    if (a.signum() < 0) {
      throw new ArithmeticException("sqrt of a negative number");
    }
    return isLong() ? LongArith.sqrt(this, a.m, a.e) : BigArith.sqrt(this, a);
  }

  /** round_p(x_1 + ... + x_n): the exact sum rounded once (not a chain of additions). */
  public FloatP iteratedSum(List<FloatP> xs) {
    xs.forEach(this::check);
    return IteratedOps.sum(this, xs);
  }

  /** round_p(x_1 * ... * x_n): the exact product rounded once (not a chain of products). */
  public FloatP iteratedProduct(List<FloatP> xs) {
    xs.forEach(this::check);
    return IteratedOps.product(this, xs);
  }

  /** Sum of xs rounded once. */
  public FloatP iteratedSum(FloatP... xs) {
    return iteratedSum(List.of(xs));
  }

  /** Product of xs rounded once. */
  public FloatP iteratedProduct(FloatP... xs) {
    return iteratedProduct(List.of(xs));
  }

  // ---------------------------------------------------------------- functions (Lemma 3.14 etc.)

  /** round_p(exp(x)), correctly rounded (so relative error at most 2^-p; Lemma 3.14). */
  public FloatP exp(FloatP x) {
    check(x);
    return Transcendental.exp(this, x);
  }

  /** round_p(ln(x)), correctly rounded (Lemma B.3); throws when x is not positive. */
  public FloatP log(FloatP x) {
    check(x);
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of a non-positive number");
    }
    return Transcendental.log(this, x);
  }

  /** round_p(1 / (1 + exp(-x))), correctly rounded (Definition 3.19's sigma). */
  public FloatP sigmoid(FloatP x) {
    check(x);
    return Transcendental.sigmoid(this, x);
  }

  /** round_p(ln(1 + exp(x))), correctly rounded (Definition 3.20). */
  public FloatP softplus(FloatP x) {
    check(x);
    return Transcendental.softplus(this, x);
  }

  /** round_p(x / (1 + exp(-x))), correctly rounded (Definition 3.19). */
  public FloatP silu(FloatP x) {
    check(x);
    return Transcendental.silu(this, x);
  }

  private void check(FloatP a) {
    if (a.format() != this && !a.format().equals(this)) {
      throw new IllegalArgumentException("float of format " + a.format() + " used with " + this);
    }
  }

  private void check(FloatP a, FloatP b) {
    check(a);
    check(b);
  }

  @Override
  public String toString() {
    return "F_" + p + "(q=" + q + ")";
  }
}
