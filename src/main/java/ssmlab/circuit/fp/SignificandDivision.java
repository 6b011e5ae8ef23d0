package ssmlab.circuit.fp;

import java.math.BigInteger;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Comparison;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.Multiplication;

/**
 * The significand quotient of a float division in constant depth: Q = ⌊a 2^(p+1) / c⌋ and
 * [remainder ≠ 0] for p-bit a and c with c ≥ 2^(p−1), by a reciprocal table and one correction.
 *
 * <p>R = ⌊2^(2p+1) / c⌋ comes from a table over the p − 1 low bits of c. The estimate
 * Q' = ⌊a R / 2^p⌋ is Q or Q − 1: a 2^(p+1)/c − a R/2^p = a (2^(2p+1)/c − R) / 2^p &lt; a / 2^p
 * &lt; 1. The remainder r = a 2^(p+1) − c Q' lies in [0, 2c); r ≥ c adds one to Q', and the
 * sticky bit is r ∉ {0, c}. Far cheaper than the general CRT division of tc0.Division.
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
    int[] num = Bits.shiftLeft(a, p + 1);
    int[] cq = Multiplication.multiply(b, c, estimate);
    int w = num.length + 1;
    int[] rem = Bits.slice(Adder.subtract(b, Bits.resize(num, w), Bits.resize(cq, w)), 0, w);
    int[] cw = Bits.resize(c, w);
    int ge = Comparison.greaterOrEqual(b, rem, cw);
    int sticky = b.and(b.or(rem), b.not(Comparison.equal(b, rem, cw)));
    int[] q = Bits.slice(Adder.add(b, estimate, Bits.constant(0, 1), ge), 0, p + 2);
    int[] out = new int[p + 3];
    out[0] = sticky;
    System.arraycopy(q, 0, out, 1, p + 2);
    return out;
  }
}
