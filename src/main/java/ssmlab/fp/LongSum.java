package ssmlab.fp;

import java.util.ArrayList;
import java.util.List;

/**
 * The iterated sum of {@link IteratedOps#sum} (the exact sum rounded once) on terms held in a
 * {@code long[]} (p <= 62), without allocating in the common case.
 */
final class LongSum {
  private LongSum() {}

  /*
   * Let n be the number of non-zero terms, b = bitlength(n) and emax their largest exponent.
   * With W = 60 - p - b and low = emax - W, every term of exponent >= low is an exact integer
   * number of units 2^low below 2^(p + W), and n of them sum to below 2^60: one long holds the
   * sum S exactly. A term of exponent <= low - p - b is below 2^(low - b), so all of them
   * together ("rest") stay below one unit. When there are none, round_p(S * 2^low) is the
   * answer. When there are some, all of one sign s, and S has at least p + 3 bits, every
   * rounding breakpoint within a unit of S is S itself (the grid there is at least 2 units),
   * so S + rest rounds as 2S + s does at exponent low - 1 (IteratedOps' argument). Every other case (a term between the two zones,
   * a rest of mixed signs, a small S) goes to IteratedOps.
   */

  /**
   * Stores round_p(t[0] + ... + t[k-1]) in out[mAt], out[eAt]; term i has significand
   * {@code t[i]} and exponent {@code t[cap + i]}.
   */
  static void sum(FloatFormat f, long[] t, int cap, int k, long[] out, int mAt, int eAt) {
    int p = f.p();
    int nonZero = 0;
    int last = -1;
    long emax = Long.MIN_VALUE;
    for (int i = 0; i < k; i++) {
      if (t[i] != 0) {
        nonZero++;
        last = i;
        emax = Math.max(emax, t[cap + i]);
      }
    }
    if (nonZero <= 1) {
      out[mAt] = nonZero == 0 ? 0 : t[last];
      out[eAt] = nonZero == 0 ? 0 : t[cap + last];
      return;
    }
    int b = 32 - Integer.numberOfLeadingZeros(nonZero);
    long w = 60 - p - b;
    if (w < 0) {
      general(f, t, cap, k, out, mAt, eAt);
      return;
    }
    long low = emax - w;
    long tinyTop = low - p - b;
    long acc = 0;
    int restSign = 0;
    for (int i = 0; i < k; i++) {
      long m = t[i];
      if (m == 0) {
        continue;
      }
      long e = t[cap + i];
      if (e >= low) {
        acc += m << (e - low);
      } else if (e <= tinyTop) {
        int s = m < 0 ? -1 : 1;
        if (restSign == -s) {
          general(f, t, cap, k, out, mAt, eAt);
          return;
        }
        restSign = s;
      } else {
        general(f, t, cap, k, out, mAt, eAt);
        return;
      }
    }
    if (restSign == 0) {
      if (acc == 0) {
        out[mAt] = 0;
        out[eAt] = 0;
        return;
      }
      Rounder.bits(f, acc < 0, Math.abs(acc), false, low, out, mAt, eAt);
      return;
    }
    long mag = Math.abs(acc);
    if (64 - Long.numberOfLeadingZeros(mag) < p + 3) {
      general(f, t, cap, k, out, mAt, eAt);
      return;
    }
    long twice = 2 * acc + restSign;
    Rounder.bits(f, twice < 0, Math.abs(twice), false, low - 1, out, mAt, eAt);
  }

  /** The same through {@link IteratedOps#sum}, for the cases the fast path leaves. */
  private static void general(FloatFormat f, long[] t, int cap, int k, long[] out, int mAt,
      int eAt) {
    List<FloatP> xs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      xs.add(t[i] == 0 ? f.zero() : new FloatP(f, t[i], null, t[cap + i]));
    }
    FloatP s = IteratedOps.sum(f, xs);
    out[mAt] = s.m;
    out[eAt] = s.e;
  }
}
