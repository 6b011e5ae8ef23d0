package ssmlab.circuit.fp;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.LeadingOne;
import ssmlab.fp.FloatFormat;

/**
 * round_p in constant depth (circuits.md §3.1): the float nearest to an exact value
 * (-1)^sign · N · 2^E, ties to the even significand, with {@code FloatFormat}'s range rules:
 * saturation to ±max above the range, ±min for values in (min/2, min), zero at or below min/2.
 *
 * <p>With f the one-hot leading one of N (f_k: bit k is the top one): the kept bits are
 * q_i = OR_k (f_k ∧ N_(k-p+1+i)), the guard bit OR_k (f_k ∧ N_(k-p)), the sticky bit
 * OR_k (f_k ∧ OR_(j < k-p) N_j); rounding up adds g ∧ (s ∨ q_0), and a carry out of the top bit
 * renormalises to 2^(p-1) with the exponent one higher. The exponent before rounding is
 * E + k - (p - 1), k read from f in binary; everything is a fixed number of levels whatever N's
 * width.
 */
final class Rounding {
  private Rounding() {}

  /**
   * The rounded float.
   *
   * @param sign 1 for a negative value (ignored when the value is zero)
   * @param n the magnitude N, unsigned, LSB first
   * @param exp E, two's complement
   */
  static FpWires round(CircuitBuilder b, FloatFormat f, int sign, int[] n, int[] exp) {
    int p = f.p();
    int w = n.length;
    int[] top = LeadingOne.oneHot(b, n);
    int nonZero = b.or(n);
    int[] below = new int[w]; // below[j] = OR of n[0..j-1]
    for (int j = 0; j < w; j++) {
      below[j] = j == 0 ? CircuitBuilder.FALSE : b.or(Bits.slice(n, 0, j));
    }
    int[] kept = new int[p];
    for (int i = 0; i < p; i++) {
      int[] terms = new int[w];
      for (int k = 0; k < w; k++) {
        int src = k - (p - 1) + i;
        terms[k] = src >= 0 ? b.and(top[k], n[src]) : CircuitBuilder.FALSE;
      }
      kept[i] = b.or(terms);
    }
    int[] guardTerms = new int[w];
    int[] stickyTerms = new int[w];
    for (int k = 0; k < w; k++) {
      guardTerms[k] = k - p >= 0 ? b.and(top[k], n[k - p]) : CircuitBuilder.FALSE;
      stickyTerms[k] = k - p >= 0 ? b.and(top[k], below[k - p]) : CircuitBuilder.FALSE;
    }
    int guard = b.or(guardTerms);
    int sticky = b.or(stickyTerms);
    int up = b.and(guard, b.or(sticky, kept[0]));
    int[] inc = Adder.add(b, kept, new int[] {up});
    int carry = inc[p];
    int[] significand = Bits.slice(inc, 0, p);
    significand[p - 1] = b.or(significand[p - 1], carry);

    int[] k = Encoder.binary(b, top);
    long eLo = -(1L << (exp.length - 1)) - (p - 1);
    long eHi = (1L << (exp.length - 1)) - 1 + w - p + 1;
    int width = Math.max(Signed.widthFor(eLo, eHi), f.q() + 2);
    int[] before = Signed.add(b, Signed.add(b, exp, Signed.unsigned(k, width), width),
        Signed.constant(-(p - 1), width), width);
    int[] after = Signed.add(b, before, Signed.constant(0, width), carry, width);

    int overflow = Signed.greaterThan(b, after, Signed.constant(f.maxExponent(), width));
    int underflow = Signed.greaterThan(b, Signed.constant(f.minExponent(), width), before);
    // Below min: zero when the top bit lies below min/2's, or at it with nothing else set.
    int halfMin = Signed.equal(b, before, Signed.constant(f.minExponent() - 1, width));
    int powerOfTwo = b.not(b.or(b.or(Bits.slice(kept, 0, p - 1)), guard, sticky));
    int flush = b.and(underflow, b.or(b.not(halfMin), powerOfTwo));
    int zero = b.or(b.not(nonZero), flush);
    int toMin = b.and(nonZero, underflow, b.not(flush));
    int toMax = b.and(nonZero, overflow, b.not(underflow));
    int normal = b.and(b.not(zero), b.not(toMin), b.not(toMax));

    int[] maxM = Bits.constant((1L << p) - 1, p);
    int[] minM = Bits.constant(1L << (p - 1), p);
    int[] m = new int[p];
    for (int i = 0; i < p; i++) {
      m[i] = b.or(b.and(normal, significand[i]), b.and(toMax, maxM[i]), b.and(toMin, minM[i]));
    }
    int q1 = f.q() + 1;
    int[] maxE = Signed.constant(f.maxExponent(), q1);
    int[] minE = Signed.constant(f.minExponent(), q1);
    int[] e = new int[q1];
    for (int i = 0; i < q1; i++) {
      e[i] = b.or(b.and(normal, after[i]), b.and(toMax, maxE[i]), b.and(toMin, minE[i]));
    }
    return new FpWires(f, b.and(sign, b.not(zero)), m, e);
  }
}
