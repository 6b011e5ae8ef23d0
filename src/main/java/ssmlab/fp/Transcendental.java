package ssmlab.fp;

import java.util.function.IntFunction;

/**
 * exp, ln, sigmoid, softplus and SiLU, correctly rounded: an enclosure of the exact value is
 * computed with growing precision until both of its ends round to the same float (Ziv's
 * strategy). The result is round_p(f(x)), so its relative error is at most 2^-p whenever the
 * exact value lies within the format's range (Lemmas 3.14, B.3; Definitions 3.19, 3.20).
 */
final class Transcendental {
  private Transcendental() {}

  /*
   * Why the loop ends: round_p is monotone, so if round(lo) = round(hi) then round(f(x)) is the
   * same float. The enclosures shrink with the working precision, so the loop ends unless f(x)
   * is a rounding breakpoint (a dyadic rational). For a dyadic x != 0, exp(x), ln(x) (x != 1),
   * 1/(1 + e^-x), x/(1 + e^-x) and ln(1 + e^x) are irrational by Lindemann-Weierstrass; the
   * rational cases (exp 0 = 1, ln 1 = 0, sigmoid 0 = 1/2, silu 0 = 0) get exact enclosures. The
   * precision cap below is a guard against a bug, not a case that arises.
   */
  private static final int START_GUARD = 16;
  /** Up to this p, exp first tries {@link LongExp} (its enclosure is about 2^-57 wide). */
  private static final int LONG_EXP_P = 53;

  static FloatP exp(FloatFormat f, FloatP x) {
    if (f.p() <= LONG_EXP_P) {
      FloatP fast = LongExp.exp(f, x.m, x.e);
      if (fast != null) {
        return fast;
      }
    }
    return expGeneral(f, x);
  }

  static FloatP expGeneral(FloatFormat f, FloatP x) {
    Dyadic d = Dyadic.of(x);
    return correctlyRounded(f, bits -> ExpLog.exp(d, bits));
  }

  static FloatP log(FloatFormat f, FloatP x) {
    FloatP fast = DoubleEnclosure.round(f, x, Math::log);
    return fast != null ? fast : logExact(f, x);
  }

  static FloatP logExact(FloatFormat f, FloatP x) {
    Dyadic d = Dyadic.of(x);
    return correctlyRounded(f, bits -> ExpLog.log(d, bits));
  }

  static FloatP sigmoid(FloatFormat f, FloatP x) {
    FloatP fast = DoubleEnclosure.round(f, x, DoubleEnclosure::sigmoid);
    return fast != null ? fast : sigmoidExact(f, x);
  }

  static FloatP sigmoidExact(FloatFormat f, FloatP x) {
    Dyadic d = Dyadic.of(x);
    return correctlyRounded(f, bits -> sigmoid(d, bits));
  }

  static FloatP silu(FloatFormat f, FloatP x) {
    FloatP fast = DoubleEnclosure.round(f, x, DoubleEnclosure::silu);
    return fast != null ? fast : siluExact(f, x);
  }

  static FloatP siluExact(FloatFormat f, FloatP x) {
    Dyadic d = Dyadic.of(x);
    return correctlyRounded(f, bits -> {
      Enclosure s = sigmoid(d, bits);
      return d.signum() >= 0 ? new Enclosure(d.multiply(s.lo()), d.multiply(s.hi()))
          : new Enclosure(d.multiply(s.hi()), d.multiply(s.lo()));
    });
  }

  static FloatP softplus(FloatFormat f, FloatP x) {
    FloatP fast = DoubleEnclosure.round(f, x, DoubleEnclosure::softplus);
    return fast != null ? fast : softplusExact(f, x);
  }

  /** softplus(x) = ln(1 + e^x) = x + ln(1 + e^-x): the second form for x > 0 avoids 1 + huge. */
  static FloatP softplusExact(FloatFormat f, FloatP x) {
    Dyadic d = Dyadic.of(x);
    return correctlyRounded(f, bits -> {
      if (d.signum() <= 0) {
        return log1p(ExpLog.exp(d, bits), bits);
      }
      Enclosure l = log1p(ExpLog.exp(d.negate(), bits), bits);
      return new Enclosure(d.addRounded(l.lo(), bits, false), d.addRounded(l.hi(), bits, true));
    });
  }

  /** 1 / (1 + e^-x): decreasing in e^-x, so the ends swap. */
  private static Enclosure sigmoid(Dyadic x, int bits) {
    Enclosure e = ExpLog.exp(x.negate(), bits);
    Dyadic denLo = Dyadic.ONE.addRounded(e.lo(), bits, false);
    Dyadic denHi = Dyadic.ONE.addRounded(e.hi(), bits, true);
    return new Enclosure(denHi.reciprocal(bits, false), denLo.reciprocal(bits, true));
  }

  /** ln(1 + t) for t in an enclosure of non-negative numbers; increasing in t. */
  private static Enclosure log1p(Enclosure t, int bits) {
    Dyadic lo = t.lo().signum() < 0 ? Dyadic.ZERO : t.lo();
    return new Enclosure(log1p(lo, bits).lo(), log1p(t.hi(), bits).hi());
  }

  /**
   * For tiny t, t (1 - 2^(-bits-5)) <= t - t^2/2 <= ln(1 + t) <= t (t < 2^(-bits-4)), which never
   * squares t: e^x for x near -2^62 has an exponent near -2^62.5, and its square's would not fit
   * a long. Otherwise the ln kernel at the exact 1 + t.
   */
  private static Enclosure log1p(Dyadic t, int bits) {
    if (t.signum() == 0) {
      return Enclosure.exact(Dyadic.ZERO);
    }
    if (t.top() < -bits - 4) {
      Dyadic slack = t.multiply(Dyadic.of(-1, -bits - 5));
      return new Enclosure(t.addRounded(slack, bits, false), t);
    }
    return ExpLog.log(Dyadic.ONE.add(t), bits);
  }

  private static FloatP correctlyRounded(FloatFormat f, IntFunction<Enclosure> enclose) {
    for (int bits = f.p() + START_GUARD; ; bits *= 2) {
      Enclosure e = enclose.apply(bits);
      FloatP lo = e.lo().toFloat(f);
      FloatP hi = e.hi().toFloat(f);
      if (lo.equals(hi)) {
        return lo;
      }
      if (bits > 64 * f.p() + (1 << 16)) {
        throw new IllegalStateException("enclosure did not narrow to one float: " + e);
      }
    }
  }
}
