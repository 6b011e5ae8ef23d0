package ssmlab.fp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between floats and decimals (rounded once on the way in, exact on the way out). */
final class Decimal {
  private Decimal() {}

  /**
   * Literals with a decimal exponent beyond this (after the fraction digits are counted) are
   * refused; computed values beyond it saturate or become 0 when clearly out of range.
   */
  static final long MAX_DECIMAL_EXPONENT = 100_000;
  /** Exact decimal renderings are given for |e| up to this; beyond it, {@code m*2^e}. */
  static final long MAX_EXACT_EXPONENT = 100_000;

  private static final Pattern LITERAL =
      Pattern.compile("([+-]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?");
  private static final double LOG2_10 = 3.321928094887362;

  static FloatP parse(FloatFormat f, String text) {
    Matcher mt = LITERAL.matcher(text);
    String whole = mt.matches() ? mt.group(2) : "";
    String frac = mt.matches() && mt.group(3) != null ? mt.group(3) : "";
    if (whole.isEmpty() && frac.isEmpty()) {
      throw new NumberFormatException("not a decimal number: '" + text + "'");
    }
    boolean neg = mt.group(1).equals("-");
    BigInteger digits = new BigInteger(whole + frac);
    String e = mt.group(4);
    if (e != null && e.replaceFirst("^[+-]?0*", "").length() > 15) {
      throw tooLarge(e.replaceFirst("^\\+", ""));
    }
    long k = (e == null ? 0 : Long.parseLong(e)) - frac.length();
    if (Math.abs(k) > MAX_DECIMAL_EXPONENT && digits.signum() != 0) {
      throw tooLarge(Long.toString(k));
    }
    return round(f, neg, digits, k);
  }

  /** One rule for every literal, whatever its value: the decimal exponent is bounded. */
  private static IllegalArgumentException tooLarge(String exponent) {
    return new IllegalArgumentException("decimal exponent " + exponent + " is too large (limit "
        + MAX_DECIMAL_EXPONENT + ")");
  }

  static FloatP round(FloatFormat f, BigDecimal x) {
    BigInteger u = x.unscaledValue();
    return round(f, u.signum() < 0, u.abs(), -(long) x.scale());
  }

  /** round_p(digits * 10^k), negated when neg. */
  static FloatP round(FloatFormat f, boolean neg, BigInteger digits, long k) {
    if (digits.signum() == 0) {
      return f.zero();
    }
    double log2 = digits.bitLength() + k * LOG2_10; // |value| < 2^log2, within a few bits
    if (log2 > f.maxExponent() + f.p() + 8.0) {
      return Rounder.max(f, neg);
    }
    if (log2 < f.minExponent() - 8.0) {
      return f.zero();
    }
    if (Math.abs(k) > MAX_DECIMAL_EXPONENT) {
      throw new IllegalArgumentException("decimal exponent " + k + " is too large (limit "
          + MAX_DECIMAL_EXPONENT + ")");
    }
    BigInteger ten = BigInteger.TEN.pow((int) Math.abs(k));
    if (k >= 0) {
      return Rounder.big(f, neg, digits.multiply(ten), false, 0);
    }
    return BigArith.quotient(f, neg, digits, ten, 0);
  }

  /** The exact value of a double, rounded once. */
  static FloatP ofDouble(FloatFormat f, double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    if (x == 0) {
      return f.zero();
    }
    long raw = Double.doubleToRawLongBits(x);
    int field = (int) ((raw >>> 52) & 0x7FF);
    long mant = raw & ((1L << 52) - 1);
    long m = field == 0 ? mant : mant | (1L << 52);
    long e = field == 0 ? -1074 : field - 1075;
    return Rounder.bits(f, raw < 0, m, false, e);
  }

  static BigDecimal toBigDecimal(FloatP x) {
    BigInteger m = x.significand();
    long e = x.exponent();
    if (Math.abs(e) > MAX_EXACT_EXPONENT * 10) {
      throw new ArithmeticException("exponent " + e + " is too large for an exact decimal");
    }
    if (e >= 0) {
      return new BigDecimal(m.shiftLeft((int) e));
    }
    return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow((int) -e)), (int) -e);
  }

  /** The exact decimal expansion, or {@code m*2^e} when |e| exceeds {@link #MAX_EXACT_EXPONENT}. */
  static String exact(FloatP x) {
    if (x.isZero()) {
      return "0";
    }
    if (Math.abs(x.exponent()) > MAX_EXACT_EXPONENT) {
      return x.significand() + "*2^" + x.exponent();
    }
    return toBigDecimal(x).stripTrailingZeros().toPlainString();
  }

  static double toDouble(FloatP x) {
    if (x.isZero()) {
      return 0.0;
    }
    long top = x.exponent() + x.format().p(); // |x| < 2^top
    if (x.format().p() <= 53 && top - 1 >= -1022 && top <= 1024) {
      return Math.scalb((double) x.m, (int) x.exponent()); // exact: fits and is normal
    }
    if (top > 1026) {
      return x.signum() * Double.POSITIVE_INFINITY;
    }
    if (top < -1080) {
      return x.signum() < 0 ? -0.0 : 0.0;
    }
    return toBigDecimal(x).doubleValue();
  }
}
