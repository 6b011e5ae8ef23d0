package ssmlab.circuit.fp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Comparison;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.circuit.tc0.IteratedMultiplication;
import ssmlab.circuit.tc0.Multiplication;
import ssmlab.circuit.tc0.Shifter;
import ssmlab.circuit.tc0.WeightedSum;
import ssmlab.fp.FloatFormat;

/**
 * The F_p operations as circuits, each the exact result then one {@link Rounding}, as
 * {@code FloatFormat} computes them (circuits.md §1.4, §3.2, §3.3):
 *
 * <ul>
 *   <li>sums (two operands or n): for q up to {@link #FULL_ALIGNMENT_MAX_Q} every term aligned
 *       to the common exponent -2^q, so {@code A_i = |m_i| · 2^(e_i + 2^q)} is an exact integer of
 *       2^(q+1) + p bits; positive and negative terms added by iterated addition, the smaller
 *       total subtracted from the larger. Above, {@link WindowedSum}: a window of
 *       (n − 1)(2p + bitlength(n) + 5) + p bits below the largest exponent, polynomial in p, q, n;
 *   <li>product: the 2p-bit product of the significands, exponent e_1 + e_2;
 *   <li>iterated product: the significands' exact product by Chinese remaindering
 *       ({@code IteratedMultiplication}), the exponents by iterated addition, the sign the parity
 *       of the signs;
 *   <li>quotient: {@code (|m_1| · 2^(p+1)) / |m_2|} truncated plus a sticky bit for a non-zero
 *       remainder (the paper's {@code a // b}), exponent e_1 - e_2 - p - 2; the significand
 *       quotient from a reciprocal table and one correction ({@link SignificandDivision}) for
 *       p <= {@link #RECIPROCAL_MAX_P}, above it from a constant table and a geometric series
 *       by Chinese remaindering ({@link SeriesDivision}), polynomial in p.
 * </ul>
 * Every depth is bounded by a constant independent of the number of operands (the iterated
 * additions keep every stage, a product of two takes the general path); at p = 4, q = 3 it is one
 * number for 2 to 32 operands, in other formats it may differ by a level at small counts.
 */
public final class FpOps {
  private FpOps() {}

  public static FpWires negate(CircuitBuilder b, FpWires x) {
    return new FpWires(x.format(), b.and(b.not(x.sign()), x.nonZero()), x.m(), x.e());
  }

  public static FpWires add(CircuitBuilder b, FpWires x, FpWires y) {
    return sum(b, List.of(x, y));
  }

  public static FpWires subtract(CircuitBuilder b, FpWires x, FpWires y) {
    return sum(b, List.of(x, negate(b, y)));
  }

  /**
   * Up to this q a sum aligns every term to the exponent -2^q (2^(q+1) + p bits: no wider than the
   * window of {@link WindowedSum} there, without its exponent comparisons, and half its depth);
   * above it the window keeps the size polynomial in q.
   */
  public static final int FULL_ALIGNMENT_MAX_Q = 4;

  /** round_p(x_1 + ... + x_n), one rounding; the empty sum is zero. */
  public static FpWires sum(CircuitBuilder b, List<FpWires> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("an iterated sum needs at least one term");
    }
    FloatFormat f = xs.getFirst().format();
    if (xs.size() == 1 && !b.isLevelled()) {
      return xs.getFirst();
    }
    if (f.q() > FULL_ALIGNMENT_MAX_Q) {
      return WindowedSum.sum(b, xs);
    }
    int width = f.p() + (1 << (f.q() + 1));
    List<int[]> pos = new ArrayList<>();
    List<int[]> neg = new ArrayList<>();
    for (FpWires x : xs) {
      int[] aligned = Shifter.shiftLeft(b, x.m(), biased(b, x.e()), width);
      int[] p = new int[width];
      int[] n = new int[width];
      for (int i = 0; i < width; i++) {
        p[i] = b.and(aligned[i], b.not(x.sign()));
        n[i] = b.and(aligned[i], x.sign());
      }
      pos.add(p);
      neg.add(n);
    }
    // bit width − 1 of A_j is never set (|m| < 2^p, a shift below 2^(q+1)): left out of the
    // columns whichever wire the shifter returned, so that a verbatim build sums the columns a
    // simplifying one does (the addressed fp-sum family relies on it)
    boolean[] reached = new boolean[width];
    Arrays.fill(reached, 0, width - 1, true);
    List<boolean[]> present = Collections.nCopies(xs.size(), reached);
    int[] sp = IteratedAddition.sumUniform(b, pos, present);
    int[] sn = IteratedAddition.sumUniform(b, neg, present);
    int w = Math.max(sp.length, sn.length);
    sp = Bits.resize(sp, w);
    sn = Bits.resize(sn, w);
    int[] pMinusN = Adder.subtract(b, sp, sn); // bit w: sp >= sn
    int[] nMinusP = Adder.subtract(b, sn, sp);
    int positive = pMinusN[w];
    int[] magnitude = new int[w];
    for (int i = 0; i < w; i++) {
      magnitude[i] = b.mux(positive, pMinusN[i], nMinusP[i]);
    }
    return Rounding.round(b, f, b.not(positive), magnitude,
        Signed.constant(f.minExponent(), f.q() + 2));
  }

  /** round_p(x · y). */
  public static FpWires multiply(CircuitBuilder b, FpWires x, FpWires y) {
    FloatFormat f = x.format();
    int[] n = Multiplication.multiply(b, x.m(), y.m());
    int[] e = Signed.add(b, x.e(), y.e(), f.q() + 2);
    return Rounding.round(b, f, b.xor(x.sign(), y.sign()), n, e);
  }

  /** round_p(x_1 · ... · x_n), one rounding; the empty product is one. */
  public static FpWires product(CircuitBuilder b, List<FpWires> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("an iterated product needs at least one factor");
    }
    FloatFormat f = xs.getFirst().format();
    if (xs.size() == 1 && !b.isLevelled()) {
      return xs.getFirst();
    }
    int n = xs.size();
    List<int[]> ms = new ArrayList<>();
    List<int[]> es = new ArrayList<>();
    int[] signs = new int[n];
    for (int i = 0; i < n; i++) {
      ms.add(xs.get(i).m());
      es.add(biased(b, xs.get(i).e()));
      signs[i] = xs.get(i).sign();
    }
    int[] magnitude = IteratedMultiplication.product(b, ms);
    int[] e = exponentSum(b, f, es);
    int parity = WeightedSum.count(b, signs)[0];
    return Rounding.round(b, f, parity, magnitude, e);
  }

  /**
   * Up to this p the significand quotient uses a reciprocal table of 2^(p-1) entries
   * ({@link SignificandDivision}): fewer wires there than the series (29,136 against 56,864 at
   * p = 11, 51,643 against 86,174 at 12, about even at 13) and 66 levels instead of 105; above
   * it {@link SeriesDivision} (docs/circuits.md, "F_p division polynomial in p").
   */
  static final int RECIPROCAL_MAX_P = 12;

  /**
   * The table bits s of {@link SeriesDivision} (2^(s−1) entries, about (p + 3)/(s − 1) terms):
   * 12 has the fewest wires from p = 48 on (1.6·10^7 at p = 64 against 3.4·10^7 with 10 and
   * 6.2·10^7 with 8), more than 10 below p = 32 (45% at p = 16, 12% at 24).
   */
  static final int SERIES_TABLE_BITS = 12;

  /** round_p(x / y); a zero divisor gives an unspecified float (FloatFormat throws). */
  public static FpWires divide(CircuitBuilder b, FpWires x, FpWires y) {
    return divide(b, x, y, RECIPROCAL_MAX_P, SERIES_TABLE_BITS);
  }

  /** {@link #divide} with the table path up to {@code tableMaxP} (tests force the series). */
  static FpWires divide(CircuitBuilder b, FpWires x, FpWires y, int tableMaxP, int tableBits) {
    FloatFormat f = x.format();
    int p = f.p();
    int[] n = p <= tableMaxP ? SignificandDivision.quotientAndSticky(b, x.m(), y.m())
        : SeriesDivision.quotientAndSticky(b, x.m(), y.m(), tableBits);
    int width = f.q() + 3;
    int[] e = Signed.add(b, Signed.add(b, x.e(), negateSigned(b, y.e(), width), width),
        Signed.constant(-(p + 2), width), width);
    return Rounding.round(b, f, b.xor(x.sign(), y.sign()), n, e);
  }

  /** [x < y] (exact; the paper's comparison). */
  public static int lessThan(CircuitBuilder b, FpWires x, FpWires y) {
    int[] kx = key(b, x);
    int[] ky = key(b, y);
    int bothPositive = b.and(b.not(x.sign()), b.not(y.sign()));
    int bothNegative = b.and(x.sign(), y.sign());
    return b.or(b.and(x.sign(), b.not(y.sign())),
        b.and(bothPositive, Comparison.lessThan(b, kx, ky)),
        b.and(bothNegative, Comparison.greaterThan(b, kx, ky)));
  }

  /** [x = y]. */
  public static int equal(CircuitBuilder b, FpWires x, FpWires y) {
    return b.and(b.xnor(x.sign(), y.sign()), Comparison.equal(b, key(b, x), key(b, y)));
  }

  /** floor(x), exact: the integer part of the aligned |x|, one more for a negative fraction. */
  public static FpWires floor(CircuitBuilder b, FpWires x) {
    FloatFormat f = x.format();
    if (f.q() > FULL_ALIGNMENT_MAX_Q) {
      return floorWindowed(b, x);
    }
    int fraction = 1 << f.q();
    int width = f.p() + 2 * fraction;
    int[] aligned = Shifter.shiftLeft(b, x.m(), biased(b, x.e()), width);
    int[] integer = Bits.slice(aligned, fraction, width);
    int hasFraction = b.or(Bits.slice(aligned, 0, fraction));
    int[] magnitude = Adder.add(b, integer, new int[] {b.and(x.sign(), hasFraction)});
    return Rounding.round(b, f, x.sign(), magnitude, Signed.constant(0, 2));
  }

  /**
   * floor(x) in a window of 2p + 1 bits: x is an integer when e >= 0; otherwise |m| · 2^s with
   * s = max(0, e + p + 1) has the integer part of |x| above bit p and its fraction below (for
   * e < -p - 1, |x| < 1/2 and s = 0 keeps the fraction non-zero).
   */
  static FpWires floorWindowed(CircuitBuilder b, FpWires x) {
    FloatFormat f = x.format();
    int p = f.p();
    int sw = Signed.widthFor(f.minExponent() + p + 1, p + 1);
    int[] s = Signed.add(b, x.e(), Signed.constant(p + 1, sw), sw);
    int inWindow = b.not(s[sw - 1]);
    int[] at = Encoder.oneHot(b, s, p + 1);
    int[] shifted = new int[2 * p + 1];
    for (int k = 0; k < shifted.length; k++) {
      int[] terms = new int[p];
      int nt = 0;
      for (int i = 0; i < p; i++) {
        int v = k - i;
        if (v >= 0 && v <= p) {
          terms[nt++] = b.and(inWindow, at[v], x.m()[i]);
        }
      }
      shifted[k] = b.or(terms, nt);
    }
    // below the window (s < 0) the value is |m| · 2^0 / 2^(p+1) in the fraction bits
    for (int i = 0; i < p; i++) {
      shifted[i] = b.or(shifted[i], b.and(b.not(inWindow), x.m()[i]));
    }
    int[] integer = Bits.slice(shifted, p + 1, 2 * p + 1);
    int hasFraction = b.or(Bits.slice(shifted, 0, p + 1));
    int[] magnitude = Adder.add(b, integer, new int[] {b.and(x.sign(), hasFraction)});
    FpWires fraction = Rounding.round(b, f, x.sign(), magnitude, Signed.constant(0, 2));
    int isInteger = b.not(x.e()[f.q()]);
    int[] out = new int[FpWires.width(f)];
    int[] whole = x.bits();
    int[] part = fraction.bits();
    for (int i = 0; i < out.length; i++) {
      out[i] = b.mux(isInteger, whole[i], part[i]);
    }
    return FpWires.of(f, out);
  }

  /** e + 2^q as an unsigned bus: flipping the top bit of the two's complement exponent. */
  /**
   * Σ e_i in two's complement from the biased exponents e_i + 2^q ({@link #biased}): one iterated
   * addition of unsigned buses, minus n · 2^q, in a width that holds every sum of n exponents.
   */
  static int[] exponentSum(CircuitBuilder b, FloatFormat f, List<int[]> biasedExponents) {
    int[] biasedSum = IteratedAddition.sumUniform(b, biasedExponents);
    long shift = (long) biasedExponents.size() << f.q();
    int width = Signed.widthFor(-shift, shift) + 1;
    return Signed.add(b, Signed.unsigned(biasedSum, width), Signed.constant(-shift, width), width);
  }

  static int[] biased(CircuitBuilder b, int[] e) {
    int[] out = e.clone();
    out[out.length - 1] = b.not(e[e.length - 1]);
    return out;
  }

  private static int[] negateSigned(CircuitBuilder b, int[] x, int width) {
    return Signed.add(b, Bits.not(b, Signed.extend(x, width)), Signed.constant(0, width),
        CircuitBuilder.TRUE, width);
  }

  /** |x| as an integer key: (e + 2^q, |m|) for non-zero x, 0 for zero; monotone in |x|. */
  private static int[] key(CircuitBuilder b, FpWires x) {
    int[] eb = biased(b, x.e());
    int[] k = new int[x.m().length + eb.length];
    System.arraycopy(x.m(), 0, k, 0, x.m().length);
    for (int i = 0; i < eb.length; i++) {
      k[x.m().length + i] = b.and(eb[i], x.nonZero());
    }
    return k;
  }
}
