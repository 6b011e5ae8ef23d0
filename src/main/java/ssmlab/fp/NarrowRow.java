package ssmlab.fp;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One entry of {@link FloatPIterated#matVec} for p <= 31 in one pass over the row: the rounded
 * products summed exactly in a long accumulator, first without a branch per term (and in
 * vector lanes where the row fills them), then, for a row that leaves that case, term by term.
 */
final class NarrowRow {
  private NarrowRow() {}

  /*
   * One pass per row for p <= 31: each product |m_ij| |x_j| is exact in a long and
   * rounds to p bits by integer addition, as in LongArith.multiplyNarrow; the rounded value is
   * kept * 2^e with kept <= 2^p. Instead of first finding the largest exponent (LongSum), the
   * first non-zero product fixes the unit 2^low of a long accumulator, low = e_first - below: with
   * b = bitlength(cols + 1) and room = 61 - b - p, a term of shift e - low in [0, room] is below
   * 2^(p + room + 1) = 2^(62 - b), so fewer than 2^b of them sum exactly in a long. A term of
   * e <= low - p - b - 1 is at most 2^(low - b - 1): all of them together stay below one unit
   * ("tiny"), and LongSum's argument applies: with none, the answer is round_p(S * 2^low); with
   * tiny terms of one sign s and |S| >= 2^(p + 2), S + tiny rounds as 2S + s at 2^(low - 1).
   * Anything else (a term above the window or between the zones, tiny terms of both signs, a
   * small S, a product outside the exponent range) leaves the row to the two-pass path, which
   * gives the same bits. Terms sum exactly in any order, so where the window sits changes only
   * how often that happens, never a result.
   */

  private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

  /** Room above the first term: a third of the window, the rest below it. */
  private static final int ABOVE_DIVISOR = 3;

  /**
   * round_p(sum_j round_p(m[row + j] x[j]) + bias[i]) into z, or false if the row needs the
   * two-pass LongSum.
   */
  static boolean sum(FloatFormat f, long[] a, int mn, int row, long[] v, int cols, long[] c,
      int rows, int i, long[] z) {
    return windowRow(f, a, mn, row, v, cols, c, rows, i, z)
        || narrowRow(f, a, mn, row, v, cols, c, rows, i, z);
  }

  /**
   * narrowRow's common case without a branch per term, the terms a vector of lanes at a time:
   * every non-zero term inside the window and the window inside the exponent range, else false.
   */
  private static boolean windowRow(FloatFormat f, long[] a, int mn, int row, long[] v, int cols,
      long[] c, int rows, int i, long[] z) {
    int p = f.p();
    long mb = c == null ? 0 : c[i];
    if (cols == 0) {
      return false;
    }
    int b = 32 - Integer.numberOfLeadingZeros(cols + 1);
    int room = 61 - b - p;
    // Anchored on the first product's exponent (any anchor gives the same bits; a zero's 0 too).
    long low = a[mn + row] + v[cols] + p - (room - room / ABOVE_DIVISOR);
    if (low < f.minExponent() || low + room >= f.maxExponent()) {
      return false;
    }
    long acc = 0;
    long outside = 0;
    if (mb != 0) {
      long sh = c[rows + i] - low;
      outside = (sh | (room - sh)) >> 63;
      acc = mb << sh;
    }
    int top = 2 * p - 1;
    int j = 0;
    if (L.length() > 1 && cols >= L.length()) {
      LongVector vacc = LongVector.zero(L);
      LongVector vout = LongVector.zero(L);
      LongVector vroom = LongVector.broadcast(L, room);
      for (; j < L.loopBound(cols); j += L.length()) {
        LongVector prod = LongVector.fromArray(L, a, row + j).mul(LongVector.fromArray(L, v, j));
        LongVector sgn = prod.lanewise(VectorOperators.ASHR, 63);
        LongVector mag = prod.lanewise(VectorOperators.XOR, sgn).sub(sgn);
        LongVector sv = mag.lanewise(VectorOperators.LSHR, top).add(p - 1);
        LongVector half = LongVector.broadcast(L, 1).lanewise(VectorOperators.LSHL, sv.sub(1));
        LongVector kept = mag.add(half).sub(1)
            .add(mag.lanewise(VectorOperators.LSHR, sv).and(1))
            .lanewise(VectorOperators.LSHR, sv);
        LongVector sh = LongVector.fromArray(L, a, mn + row + j)
            .add(LongVector.fromArray(L, v, cols + j)).add(sv).sub(low);
        vout = vout.or(sh.or(vroom.sub(sh)).lanewise(VectorOperators.ASHR, 63).and(kept));
        vacc = vacc.add(kept.lanewise(VectorOperators.XOR, sgn).sub(sgn)
            .lanewise(VectorOperators.LSHL, sh));
      }
      acc += vacc.reduceLanes(VectorOperators.ADD);
      outside |= vout.reduceLanes(VectorOperators.OR);
    }
    for (; j < cols; j++) {
      long prod = a[row + j] * v[j];
      long sgn = prod >> 63;
      long mag = (prod ^ sgn) - sgn;
      int s = p - 1 + (int) (mag >>> top);
      long kept = (mag + (1L << (s - 1)) - 1 + ((mag >>> s) & 1)) >>> s;
      long sh = a[mn + row + j] + v[cols + j] + s - low;
      outside |= ((sh | (room - sh)) >> 63) & kept;
      acc += ((kept ^ sgn) - sgn) << sh;
    }
    if (outside != 0) {
      return false;
    }
    Rounder.bits(f, acc < 0, Math.abs(acc), false, low, z, i, rows + i); // 0 for acc = 0
    return true;
  }

  /** The same with every case of the window argument above, or false if the row needs LongSum. */
  private static boolean narrowRow(FloatFormat f, long[] a, int mn, int row, long[] v, int cols,
      long[] c, int rows, int i, long[] z) {
    int p = f.p();
    int j0 = 0;
    while (j0 < cols && (a[row + j0] == 0 || v[j0] == 0)) {
      j0++;
    }
    boolean biased = c != null && c[i] != 0;
    if (j0 == cols && !biased) {
      z[i] = 0;
      z[rows + i] = 0;
      return true;
    }
    int b = 32 - Integer.numberOfLeadingZeros(cols + 1);
    int room = 61 - b - p;
    // The anchor: the first product's exponent (its significand has p or p + 1 bits).
    long first = j0 < cols ? a[mn + row + j0] + v[cols + j0] + p : c[rows + i];
    long low = first - (room - room / ABOVE_DIVISOR);
    long tinyMax = low - (p + b + 1L);
    long minE = f.minExponent();
    long span = f.maxExponent() - minE;
    // Whether every in-window exponent lies in [emin, emax): then only the others are checked.
    boolean windowInRange = low >= minE && low + room < f.maxExponent();
    long acc = 0;
    long restSign = 0;
    if (biased) {
      long sh = c[rows + i] - low;
      if (Long.compareUnsigned(sh, room) <= 0) {
        acc = c[i] << sh;
      } else if (c[rows + i] <= tinyMax) {
        restSign = c[i] < 0 ? -1 : 1;
      } else {
        return false;
      }
    }
    int top = 2 * p - 1;
    for (int j = j0; j < cols; j++) {
      long prod = a[row + j] * v[j];
      if (prod == 0) {
        continue;
      }
      long sgn = prod >> 63;
      long mag = (prod ^ sgn) - sgn;
      // |prod| has 2p - 1 or 2p bits: s = p - 1 or p of them go.
      int s = p - 1 + (int) (mag >>> top);
      long kept = (mag + (1L << (s - 1)) - 1 + ((mag >>> s) & 1)) >>> s;
      long e = a[mn + row + j] + v[cols + j] + s;
      long sh = e - low;
      if (windowInRange && Long.compareUnsigned(sh, room) <= 0) {
        acc += ((kept ^ sgn) - sgn) << sh;
      } else if (Long.compareUnsigned(e - minE, span) >= 0) {
        return false; // e < emin or e >= emax: underflow or saturation possible
      } else if (Long.compareUnsigned(sh, room) <= 0) {
        acc += ((kept ^ sgn) - sgn) << sh;
      } else if (e <= tinyMax) {
        long sign = sgn | 1;
        if (restSign == -sign) {
          return false;
        }
        restSign = sign;
      } else {
        return false;
      }
    }
    if (restSign == 0) {
      if (acc == 0) {
        z[i] = 0;
        z[rows + i] = 0;
      } else {
        Rounder.bits(f, acc < 0, Math.abs(acc), false, low, z, i, rows + i);
      }
      return true;
    }
    if (64 - Long.numberOfLeadingZeros(Math.abs(acc)) < p + 3) {
      return false;
    }
    long twice = 2 * acc + restSign;
    Rounder.bits(f, twice < 0, Math.abs(twice), false, low - 1, z, i, rows + i);
    return true;
  }
}
