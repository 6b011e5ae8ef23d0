package ssmlab.fp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A high-precision oracle for exp and ln in BigDecimal, by methods unlike the library's:
 * exp by argument halving, Taylor series and repeated squaring; ln by Halley's iteration on exp.
 */
final class BigDecimalOracle {
  private final MathContext mc;
  private final int digits;

  /** An oracle carrying at least {@code bits} binary digits. */
  BigDecimalOracle(int bits) {
    this.digits = (int) Math.ceil(bits * 0.30103) + 10;
    this.mc = new MathContext(digits);
  }

  BigDecimal exp(BigDecimal x) {
    int s = Math.max(0, x.abs().toBigInteger().bitLength()) + 12;
    var wide = new MathContext(digits + s + 10);
    BigDecimal y = x.multiply(BigDecimal.valueOf(5).pow(s)).movePointLeft(s); // x / 2^s, exact
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + s + 12);
    for (int i = 1; term.abs().compareTo(eps) > 0; i++) {
      term = term.multiply(y, wide).divide(BigDecimal.valueOf(i), wide);
      sum = sum.add(term, wide);
    }
    for (int i = 0; i < s; i++) {
      sum = sum.multiply(sum, wide);
    }
    return sum.round(mc);
  }

  /** ln(x) for x > 0, with an absolute accuracy that also covers x near 1. */
  BigDecimal log(BigDecimal x) {
    var wide = new MathContext(2 * digits + 30);
    var inner = new BigDecimalOracle((int) ((2 * digits + 30) / 0.30103));
    BigInteger u = x.unscaledValue();
    int shift = Math.max(0, u.bitLength() - 60);
    double guess = Math.log(u.shiftRight(shift).doubleValue()) + shift * Math.log(2)
        - x.scale() * Math.log(10);
    BigDecimal y = new BigDecimal(guess);
    for (int i = 0; i < 6; i++) {
      BigDecimal ey = inner.exp(y);
      BigDecimal step = x.subtract(ey, wide).multiply(BigDecimal.TWO, wide)
          .divide(x.add(ey, wide), wide);
      y = y.add(step, wide);
    }
    return y.round(mc);
  }

  /** ln(1 + t) for t >= 0: the series when t is tiny, else ln. */
  BigDecimal log1p(BigDecimal t) {
    if (t.compareTo(new BigDecimal("1e-30")) < 0) {
      var wide = new MathContext(digits + 10);
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal pw = t;
      for (int i = 1; i < 2 * digits; i++) {
        BigDecimal term = pw.divide(BigDecimal.valueOf(i), wide);
        sum = i % 2 == 1 ? sum.add(term, wide) : sum.subtract(term, wide);
        pw = pw.multiply(t, wide);
        if (pw.compareTo(sum.abs().movePointLeft(digits + 5)) < 0) {
          break;
        }
      }
      return sum.round(mc);
    }
    return log(BigDecimal.ONE.add(t));
  }

  BigDecimal sigmoid(BigDecimal x) {
    return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate())), mc);
  }

  BigDecimal silu(BigDecimal x) {
    return x.multiply(sigmoid(x), mc);
  }

  BigDecimal softplus(BigDecimal x) {
    if (x.signum() <= 0) {
      return log1p(exp(x));
    }
    return x.add(log1p(exp(x.negate())), mc);
  }

  MathContext mathContext() {
    return mc;
  }
}
