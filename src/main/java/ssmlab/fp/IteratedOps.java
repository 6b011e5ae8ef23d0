package ssmlab.fp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Iterated addition and multiplication (Lemma 3.12, items 2 and 3): the exact sum or product of
 * n floats, rounded once. A chain of binary operations rounds n - 1 times and can differ.
 */
final class IteratedOps {
  private IteratedOps() {}

  /*
   * Sum. Aligning every term to the smallest exponent needs up to 2^(q+1) + p bits, too many for
   * q = p. So the terms are sorted by exponent and cut into clusters wherever consecutive
   * exponents differ by more than D = 2p + bitlength(n) + 4 (circuits.md section 1.4). A cluster
   * with smallest exponent e_low sums exactly to S * 2^e_low, and |S| >= 1 if S != 0. All lower
   * clusters together are below n * 2^(p + e_low - D - 1) < 2^(e_low - p - 4), while every
   * rounding breakpoint near S * 2^e_low is a multiple of 2^(e_low - p - 1). So the rest may be
   * replaced by sign(rest) * 2^(e_low - p - 3), and sign(rest) is the sign of the next non-zero
   * cluster (by the same bound, recursively).
   */
  private static final Comparator<FloatP> BY_EXPONENT_DESCENDING =
      (a, b) -> Long.compare(b.e, a.e);

  static FloatP sum(FloatFormat f, List<FloatP> xs) {
    List<FloatP> terms = new ArrayList<>(xs.size());
    for (FloatP x : xs) {
      if (!x.isZero()) {
        terms.add(x);
      }
    }
    if (terms.isEmpty()) {
      return f.zero();
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    terms.sort(BY_EXPONENT_DESCENDING);
    long gap = 2L * f.p() + (32 - Integer.numberOfLeadingZeros(terms.size())) + 4;
    BigInteger head = null;
    long headExp = 0;
    int i = 0;
    while (i < terms.size()) {
      int j = i + 1;
      while (j < terms.size() && terms.get(j - 1).e - terms.get(j).e <= gap) {
        j++;
      }
      long low = terms.get(j - 1).e;
      BigInteger s = clusterSum(terms, i, j, low, f.p());
      i = j;
      if (s.signum() == 0) {
        continue;
      }
      if (head == null) {
        head = s;
        headExp = low;
      } else {
        BigInteger rest = BigInteger.valueOf(s.signum());
        return Rounder.big(f, head.shiftLeft(f.p() + 3).add(rest), headExp - f.p() - 3);
      }
    }
    return head == null ? f.zero() : Rounder.big(f, head, headExp);
  }

  /**
   * The exact sum of {@code terms[i..j)} in units of {@code 2^low}. In a {@code long} when it
   * fits: each term is below {@code 2^(span + p)} in magnitude, so {@code n} of them below
   * {@code 2^(span + p + bits(n))}, which 62 bits hold; else in a BigInteger.
   */
  private static BigInteger clusterSum(List<FloatP> terms, int i, int j, long low, int p) {
    long span = terms.get(i).e - low;
    if (terms.get(i).big == null
        && span + p + (32 - Integer.numberOfLeadingZeros(j - i)) <= 62) {
      long acc = 0;
      for (int t = i; t < j; t++) {
        FloatP x = terms.get(t);
        acc += x.m << (x.e - low);
      }
      return BigInteger.valueOf(acc);
    }
    BigInteger s = BigInteger.ZERO;
    for (int t = i; t < j; t++) {
      FloatP x = terms.get(t);
      s = s.add(x.significand().shiftLeft((int) (x.e - low)));
    }
    return s;
  }

  /** Product: the exact product of the significands (a balanced tree), exponents summed. */
  static FloatP product(FloatFormat f, List<FloatP> xs) {
    if (xs.isEmpty()) {
      return f.valueOf(1);
    }
    List<BigInteger> level = new ArrayList<>(xs.size());
    long exp = 0;
    boolean exact = true;
    BigInteger wideExp = BigInteger.ZERO;
    for (FloatP x : xs) {
      if (x.isZero()) {
        return f.zero();
      }
      level.add(x.significand());
      if (exact) {
        try {
          exp = Math.addExact(exp, x.e);
        } catch (ArithmeticException overflow) {
          exact = false;
        }
      }
      wideExp = wideExp.add(BigInteger.valueOf(x.e));
    }
    if (!exact) {
      // Far outside any format's range; clamping keeps the over- or underflow.
      BigInteger limit = BigInteger.ONE.shiftLeft(62);
      exp = wideExp.max(limit.negate()).min(limit).longValue();
    }
    while (level.size() > 1) {
      List<BigInteger> next = new ArrayList<>((level.size() + 1) / 2);
      for (int k = 0; k + 1 < level.size(); k += 2) {
        next.add(level.get(k).multiply(level.get(k + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return Rounder.big(f, level.get(0), exp);
  }
}
