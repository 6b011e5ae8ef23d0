package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.List;
import ssmlab.fp.FloatP;

/**
 * The constant ±C·2^E that {@code FoldedProduct} multiplies out of a product's constant factors
 * at build time: C the product of their significands' magnitudes, E the sum of their exponents,
 * the sign their signs' parity. The circuit then multiplies the variable factors by it.
 *
 * @param c C ≥ 1 (a zero factor folds the whole product, so never 0 here)
 * @param exponent E
 * @param negative whether the constant is negative
 */
record FoldedConstant(BigInteger c, long exponent, boolean negative) {
  /** The folded constant of {@code constants} (none: +1·2^0); none may be zero. */
  static FoldedConstant of(List<FloatP> constants) {
    BigInteger c = BigInteger.ONE;
    long exponent = 0;
    boolean negative = false;
    for (FloatP v : constants) {
      if (v.isZero()) {
        throw new IllegalArgumentException("a zero factor folds the whole product");
      }
      c = c.multiply(v.significand().abs());
      exponent += v.exponent();
      negative ^= v.signum() < 0;
    }
    return new FoldedConstant(c, exponent, negative);
  }

  /** Whether it is +1·2^0, which {@code FoldedProduct} does not multiply by. */
  boolean unit() {
    return c.equals(BigInteger.ONE) && exponent == 0 && !negative;
  }

  /** C as one more factor of the significands' product; null when C = 1 (no factor). */
  BigInteger factor() {
    return c.equals(BigInteger.ONE) ? null : c;
  }
}
