package ssmlab.fp;

import java.math.BigInteger;

/**
 * Definition A.3 taken literally: the {@code a // b} device and the operations written with it.
 * A slow, obvious reference that the fast operations of {@link FloatFormat} are tested against,
 * and the form a circuit builds.
 */
public final class PaperOps {
  private PaperOps() {}

  private static final BigInteger EIGHT = BigInteger.valueOf(8);

  /**
   * {@code a // b} times 8, an integer: a/b when a/b is a multiple of 1/4, else a/b truncated
   * (toward minus infinity) to a multiple of 1/4 plus 1/8. The 1/8 is a sticky bit: rounding
   * {@code a // b} to any unit of at least 1/2 gives the same float as rounding a/b (the reading
   * of circuits.md section 1.2; the extracted text of the paper drops the truncation).
   *
   * @param a numerator
   * @param b denominator, not zero
   */
  public static BigInteger slashSlashTimes8(BigInteger a, BigInteger b) {
    if (b.signum() < 0) {
      a = a.negate();
      b = b.negate();
    }
    BigInteger[] qr = a.shiftLeft(2).divideAndRemainder(b);
    BigInteger quarters = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    BigInteger eighths = quarters.shiftLeft(1);
    return qr[1].signum() == 0 ? eighths : eighths.add(BigInteger.ONE);
  }

  /** round_p(&lt;a // b, e&gt;): the float nearest to (a // b) * 2^e. */
  public static FloatP roundSlashSlash(FloatFormat f, BigInteger a, BigInteger b, long e) {
    return f.round(slashSlashTimes8(a, b), e - 3);
  }

  /** Addition as Definition A.3 writes it: round_p(&lt;m1 + m2 // 2^(e1-e2), e1&gt;), e1 >= e2. */
  public static FloatP add(FloatFormat f, FloatP x, FloatP y) {
    if (x.isZero()) {
      return y; // zero has no exponent to align to (circuits.md section 1.2)
    }
    if (y.isZero()) {
      return x;
    }
    if (x.exponent() < y.exponent()) {
      FloatP t = x;
      x = y;
      y = t;
    }
    long d = x.exponent() - y.exponent();
    BigInteger shifted = d > 2L * f.p() + 8
        ? slashSlashTimes8(y.significand().signum() > 0 ? BigInteger.ONE : BigInteger.ONE.negate(),
            BigInteger.ONE.shiftLeft(2 * f.p() + 8)) // only the sign of y survives // 2^d
        : slashSlashTimes8(y.significand(), BigInteger.ONE.shiftLeft((int) d));
    return f.round(x.significand().multiply(EIGHT).add(shifted), x.exponent() - 3);
  }

  /** Multiplication: round_p(&lt;m1 m2, e1 + e2&gt;). */
  public static FloatP multiply(FloatFormat f, FloatP x, FloatP y) {
    return f.round(x.significand().multiply(y.significand()), x.exponent() + y.exponent());
  }

  /** Division: round_p(&lt;m1 2^(p-1) // m2, e1 - e2 - p + 1&gt;). */
  public static FloatP divide(FloatFormat f, FloatP x, FloatP y) {
    BigInteger num = x.significand().shiftLeft(f.p() - 1);
    return roundSlashSlash(f, num, y.significand(), x.exponent() - y.exponent() - f.p() + 1);
  }

  /** Comparison: x <= y iff m1 <= m2 // 2^(e1-e2) (e1 >= e2), or m1 // 2^(e2-e1) <= m2. */
  public static boolean lessOrEqual(FloatP x, FloatP y) {
    if (x.isZero() || y.isZero()) {
      return x.signum() <= y.signum();
    }
    long d = x.exponent() - y.exponent();
    if (Math.abs(d) > 2L * x.format().p() + 8) {
      // m // 2^d keeps only the sign and a sticky eighth: compare as the exponents say.
      return d > 0 ? x.signum() < 0 : y.signum() > 0;
    }
    if (d >= 0) {
      BigInteger lhs = x.significand().multiply(EIGHT);
      BigInteger rhs = slashSlashTimes8(y.significand(), BigInteger.ONE.shiftLeft((int) d));
      return lhs.compareTo(rhs) <= 0;
    }
    BigInteger lhs = slashSlashTimes8(x.significand(), BigInteger.ONE.shiftLeft((int) -d));
    return lhs.compareTo(y.significand().multiply(EIGHT)) <= 0;
  }
}
