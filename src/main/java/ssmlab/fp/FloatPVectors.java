package ssmlab.fp;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LEADING_ZEROS_COUNT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatPArray}'s operations several elements at a time (Vector API), for the formats where
 * a fixed sequence of lane operations rounds exactly as the scalar long path does.
 *
 * <ul>
 *   <li>+ and − for p <= 60: the scalar path's sum with g = 62 − p guard bits, without branches.
 *   <li>× and ÷ for p <= 26 and p = 53, in doubles on the significands alone: a p-bit product is
 *       exact in a double for p <= 26, and IEEE's quotient rounded once more to p <= 26 bits is
 *       round_p of the true quotient (53 >= 2p: Figueroa's double-rounding condition); at
 *       p = 53 IEEE's product and quotient are round_p themselves.
 * </ul>
 *
 * A chunk with a lane whose result leaves the exponent range, or a zero divisor, is redone by the
 * scalar path, as are the last elements that do not fill a vector (and, for + and −, a chunk with
 * a zero operand or result).
 */
final class FloatPVectors {
  private FloatPVectors() {}

  private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final long FRACTION = (1L << 52) - 1;
  private static final long IMPLICIT = 1L << 52;

  static boolean addsInLanes(FloatFormat f) {
    return L.length() > 1 && f.p() <= 60;
  }

  static boolean multipliesInLanes(FloatFormat f) {
    return L.length() > 1 && L.length() == D.length() && (f.p() <= 26 || f.p() == 53);
  }

  /**
   * z = x ± y. With ua·2^d ± ub the exact sum (ua the operand of larger exponent), the first
   * min(d, g) bits of the shift go to ua; the rest shift ub right, its lost bits a sticky bit,
   * which in a difference also takes one more unit off (the true value then lies strictly above).
   */
  static void add(FloatFormat f, long[] x, long[] y, boolean subtract, long[] z) {
    int n = z.length >> 1;
    int p = f.p();
    long g = 62 - p;
    int i = 0;
    for (; i < L.loopBound(n); i += L.length()) {
      LongVector ma = LongVector.fromArray(L, x, i);
      LongVector mb = LongVector.fromArray(L, y, i);
      LongVector ea = LongVector.fromArray(L, x, n + i);
      LongVector eb = LongVector.fromArray(L, y, n + i);
      if (subtract) {
        mb = mb.neg();
      }
      VectorMask<Long> swap = ea.lt(eb);
      LongVector mx = ma.blend(mb, swap);
      LongVector my = mb.blend(ma, swap);
      LongVector ex = ea.blend(eb, swap);
      LongVector ey = eb.blend(ea, swap);
      LongVector d = ex.sub(ey);
      LongVector gd = d.min(g);
      LongVector t = d.sub(gd).min(63);
      LongVector ua = mx.abs();
      LongVector ub = my.abs();
      LongVector sign = mx.lanewise(XOR, my).lanewise(ASHR, 63); // -1: signs differ
      LongVector lost = ub.and(LongVector.broadcast(L, -1).lanewise(LSHL, t).not());
      LongVector sticky = lost.or(lost.neg()).lanewise(LSHR, 63); // 1 when any bit was lost
      LongVector b = ub.lanewise(LSHR, t);
      LongVector sum = ua.lanewise(LSHL, gd).add(b.lanewise(XOR, sign).sub(sign))
          .sub(sticky.and(sign));
      LongVector sumSign = sum.lanewise(ASHR, 63);
      LongVector mag = sum.lanewise(XOR, sumSign).sub(sumSign);
      LongVector neg = mx.lanewise(ASHR, 63).lanewise(XOR, sumSign);
      LongVector s = mag.lanewise(LEADING_ZEROS_COUNT).neg().add(64 - p); // bits to drop
      LongVector half = LongVector.broadcast(L, 1).lanewise(LSHL, s.sub(1));
      LongVector lsbOrSticky = mag.lanewise(LSHR, s).and(1).or(sticky);
      LongVector kept = mag.add(half).sub(1).add(lsbOrSticky).lanewise(LSHR, s)
          .blend(mag.lanewise(LSHL, s.neg()), s.lt(1)); // a cancelled sum is exact: no rounding
      LongVector carry = kept.lanewise(LSHR, p);
      kept = kept.lanewise(LSHR, carry);
      LongVector e = ex.sub(gd).add(s).add(carry);
      LongVector m = kept.lanewise(XOR, neg).sub(neg);
      VectorMask<Long> special = outOfRange(f, e).or(mag.eq(0)).or(mx.eq(0)).or(my.eq(0));
      if (special.anyTrue()) {
        scalarAdd(f, x, y, subtract, z, i, i + L.length());
      } else {
        m.intoArray(z, i);
        e.intoArray(z, n + i);
      }
    }
    scalarAdd(f, x, y, subtract, z, i, n);
  }

  /** z = x × y, or z = x ÷ y when {@code divide}; throws ArithmeticException on a zero divisor. */
  static void multiply(FloatFormat f, long[] x, long[] y, boolean divide, long[] z) {
    int n = z.length >> 1;
    int p = f.p();
    int i = 0;
    for (; i < L.loopBound(n); i += L.length()) {
      LongVector ma = LongVector.fromArray(L, x, i);
      LongVector mb = LongVector.fromArray(L, y, i);
      LongVector ea = LongVector.fromArray(L, x, n + i);
      LongVector eb = LongVector.fromArray(L, y, n + i);
      DoubleVector da = (DoubleVector) ma.convert(L2D, 0);
      DoubleVector db = (DoubleVector) mb.convert(L2D, 0);
      LongVector bits = (divide ? da.div(db) : da.mul(db)).viewAsIntegralLanes();
      int drop = 53 - p;
      if (drop > 0) {
        // Round the magnitude bits half to even at bit `drop`; a carry walks into the exponent.
        bits = bits.add((1L << (drop - 1)) - 1).add(bits.lanewise(LSHR, drop).and(1));
      }
      LongVector biased = bits.lanewise(LSHR, 52).and(0x7FF);
      LongVector kept = bits.and(FRACTION).or(IMPLICIT).lanewise(LSHR, drop);
      LongVector neg = bits.lanewise(ASHR, 63);
      LongVector m = kept.lanewise(XOR, neg).sub(neg);
      LongVector e = (divide ? ea.sub(eb) : ea.add(eb)).add(biased).add(drop - 1075);
      VectorMask<Long> zero = divide ? ma.eq(0) : ma.eq(0).or(mb.eq(0));
      m = m.blend(0, zero);
      e = e.blend(0, zero);
      VectorMask<Long> special = outOfRange(f, e).andNot(zero);
      if (divide) {
        special = special.or(mb.eq(0));
      }
      if (special.anyTrue()) {
        scalarMultiply(f, x, y, divide, z, i, i + L.length());
      } else {
        m.intoArray(z, i);
        e.intoArray(z, n + i);
      }
    }
    scalarMultiply(f, x, y, divide, z, i, n);
  }

  private static VectorMask<Long> outOfRange(FloatFormat f, LongVector e) {
    return e.lt(f.minExponent()).or(e.compare(GT,
        f.maxExponent()));
  }

  private static void scalarAdd(FloatFormat f, long[] x, long[] y, boolean subtract, long[] z,
      int from, int to) {
    int n = z.length >> 1;
    for (int j = from; j < to; j++) {
      LongArith.add(f, x[j], x[n + j], subtract ? -y[j] : y[j], y[n + j], z, j, n + j);
    }
  }

  private static void scalarMultiply(FloatFormat f, long[] x, long[] y, boolean divide, long[] z,
      int from, int to) {
    int n = z.length >> 1;
    for (int j = from; j < to; j++) {
      if (divide) {
        LongArith.divide(f, x[j], x[n + j], y[j], y[n + j], z, j, n + j);
      } else {
        LongArith.multiply(f, x[j], x[n + j], y[j], y[n + j], z, j, n + j);
      }
    }
  }
}
