package ssmlab.circuit.fp;

import java.math.BigInteger;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.Multiplication;

/**
 * The significand quotient of a float division in constant depth: Q = ⌊a 2^(p+1) / c⌋ and
 * [remainder ≠ 0] for p-bit a and c with c ≥ 2^(p−1), by a reciprocal table and one correction.
 *
 * <p>R = ⌊2^(2p+1) / c⌋ comes from a table over the p − 1 low bits of c. The estimate
 * Q' = ⌊a R / 2^p⌋ is Q or Q − 1: a 2^(p+1)/c − a R/2^p = a (2^(2p+1)/c − R) / 2^p &lt; a / 2^p
 * &lt; 1, so one remainder check finishes ({@link QuotientCorrection}). The table has 2^(p−1)
 * entries: used only up to {@link FpOps#RECIPROCAL_MAX_P}, above it {@link SeriesDivision}.
 */
final class SignificandDivision {
  private SignificandDivision() {}

  /** N = 2Q + sticky (bit 0 the sticky bit, bits 1.. Q); garbage when c = 0. */
  static int[] quotientAndSticky(CircuitBuilder b, int[] a, int[] c) {
    int p = a.length;
    int half = 1 << (p - 1);
    BigInteger[] table = new BigInteger[half];
    for (int low = 0; low < half; low++) {
      table[low] = BigInteger.ONE.shiftLeft(2 * p + 1).divide(BigInteger.valueOf(half + low));
    }
    int[] cLowOneHot = Encoder.oneHot(b, Bits.slice(c, 0, p - 1), half);
    int[] r = Encoder.lookup(b, cLowOneHot, table, p + 3);
    int[] ar = Multiplication.multiply(b, a, r);
    int[] estimate = Bits.slice(ar, p, Math.min(ar.length, 2 * p + 3));
    return QuotientCorrection.afterTable(b, a, c, estimate);
  }
}
