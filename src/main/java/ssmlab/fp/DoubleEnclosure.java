package ssmlab.fp;

import java.util.function.DoubleUnaryOperator;

/**
 * The first attempt of Ziv's strategy in hardware doubles: when x is a double exactly and a
 * double computation of f(x) is within a proven relative error of f(x), the interval around it
 * is an enclosure; if both its ends round to the same p-bit float, that float is round_p(f(x)).
 * Otherwise (a breakpoint too close, a value outside double's normal range) the caller falls back
 * to the exact enclosures.
 *
 * <p>The error bound: {@code Math.exp}, {@code log}, {@code log1p} are within 1 ulp (2^-52
 * relative) by their specification, and sigmoid, SiLU and softplus add a few roundings of 2^-53
 * each, with condition numbers at most 1 in the forms used; all stay below 2^-49. The enclosure
 * uses 2^-46, eight times that.
 */
final class DoubleEnclosure {
  private DoubleEnclosure() {}

  /** Beyond this p a 2^-46-wide enclosure rarely decides, so it is not tried. */
  static final int MAX_P = 40;
  private static final double REL = 0x1p-46;

  /** round_p(fn(x)), or null when the double enclosure does not decide it. */
  static FloatP round(FloatFormat f, FloatP x, DoubleUnaryOperator fn) {
    if (f.p() > MAX_P) {
      return null;
    }
    double xd = exactDouble(x);
    if (Double.isNaN(xd)) {
      return null;
    }
    double v = fn.applyAsDouble(xd);
    double a = Math.abs(v);
    if (!(a >= 0x1p-1000 && a <= 0x1p1000)) {
      return null;
    }
    double lo = Math.nextDown(v - a * REL);
    double hi = Math.nextUp(v + a * REL);
    FloatP rlo = f.fromDouble(lo);
    return rlo.equals(f.fromDouble(hi)) ? rlo : null;
  }

  /** x as a double when that is exact and normal, else NaN. */
  private static double exactDouble(FloatP x) {
    if (x.big != null) {
      return Double.NaN;
    }
    if (x.m == 0) {
      return 0.0;
    }
    int bits = 64 - Long.numberOfLeadingZeros(Math.abs(x.m));
    long top = x.e + bits - 1;
    if (bits > 53 || top < -1000 || top > 1000) {
      return Double.NaN;
    }
    return Math.scalb((double) x.m, (int) x.e);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double silu(double x) {
    return x / (1 + Math.exp(-x));
  }

  /** ln(1 + e^x) as log1p(e^x) for x <= 0 and x + log1p(e^-x) above: no cancellation. */
  static double softplus(double x) {
    return x <= 0 ? Math.log1p(Math.exp(x)) : x + Math.log1p(Math.exp(-x));
  }
}
