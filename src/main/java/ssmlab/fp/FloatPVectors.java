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
 *   <li>+ and − for p <= 26 and p = 53 in doubles (below), for the other p <= 60 the scalar
 *       path's sum with g = 62 − p guard bits, without branches.
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
   * z = x ± y, x here the operand of larger exponent and d its lead.
   *
   * <p>In doubles (p <= 26 and p = 53): x's significand plus y's scaled by 2^−min(d, p + 3) (an
   * exponent-field subtraction). Beyond p + 3 the scaled y is below 1/8 of x's last place
   * whatever d is, so clamping d changes no rounding (the argument of LongArith.add). The double
   * sum of two p-bit floats rounded again to p <= 26 bits is round_p of the exact sum
   * (53 >= 2p + 1, Figueroa); at p = 53 it is round_p itself.
   *
   * <p>In integers (other p <= 60): with ux·2^d ± uy the exact sum, the first min(d, g) bits of
   * the shift go to ux; the rest shift uy right, its lost bits a sticky bit, which in a
   * difference also takes one more unit off (the true value then lies strictly above).
   */
  static void add(FloatFormat f, long[] x, long[] y, boolean subtract, long[] z) {
    int n = z.length >> 1;
    int p = f.p();
    boolean inDoubles = multipliesInLanes(f);
    int drop = 53 - p;
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
      LongVector d = ex.sub(eb.blend(ea, swap));
      LongVector m;
      LongVector e;
      VectorMask<Long> zeroSum;
      if (inDoubles) {
        DoubleVector dy = ((DoubleVector) my.convert(L2D, 0)).viewAsIntegralLanes()
            .sub(d.min(p + 3).lanewise(LSHL, 52)).viewAsFloatingLanes();
        DoubleVector sum = ((DoubleVector) mx.convert(L2D, 0)).add(dy);
        LongVector bits = roundToP(sum.viewAsIntegralLanes(), drop);
        m = significand(bits, drop);
        e = ex.add(exponent(bits, drop));
        zeroSum = sum.viewAsIntegralLanes().and(Long.MAX_VALUE).eq(0);
      } else {
        LongVector gd = d.min(g);
        LongVector t = d.sub(gd).min(63);
        LongVector ux = mx.abs();
        LongVector uy = my.abs();
        LongVector sign = mx.lanewise(XOR, my).lanewise(ASHR, 63); // -1: signs differ
        LongVector lost = uy.and(LongVector.broadcast(L, -1).lanewise(LSHL, t).not());
        LongVector sticky = lost.or(lost.neg()).lanewise(LSHR, 63); // 1 when any bit was lost
        LongVector b = uy.lanewise(LSHR, t);
        LongVector sum = ux.lanewise(LSHL, gd).add(b.lanewise(XOR, sign).sub(sign))
            .sub(sticky.and(sign));
        LongVector sumSign = sum.lanewise(ASHR, 63);
        LongVector mag = sum.lanewise(XOR, sumSign).sub(sumSign);
        LongVector neg = mx.lanewise(ASHR, 63).lanewise(XOR, sumSign);
        LongVector s = mag.lanewise(LEADING_ZEROS_COUNT).neg().add(64 - p); // bits to drop
        LongVector half = LongVector.broadcast(L, 1).lanewise(LSHL, s.sub(1));
        LongVector lsbOrSticky = mag.lanewise(LSHR, s).and(1).or(sticky);
        LongVector kept = mag.add(half).sub(1).add(lsbOrSticky).lanewise(LSHR, s)
            .blend(mag.lanewise(LSHL, s.neg()), s.lt(1)); // a cancelled sum is exact
        LongVector carry = kept.lanewise(LSHR, p);
        kept = kept.lanewise(LSHR, carry);
        e = ex.sub(gd).add(s).add(carry);
        m = kept.lanewise(XOR, neg).sub(neg);
        zeroSum = mag.eq(0);
      }
      VectorMask<Long> special = outOfRange(f, e).or(zeroSum).or(mx.eq(0)).or(my.eq(0));
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
      int drop = 53 - p;
      LongVector bits = roundToP((divide ? da.div(db) : da.mul(db)).viewAsIntegralLanes(), drop);
      LongVector m = significand(bits, drop);
      LongVector e = (divide ? ea.sub(eb) : ea.add(eb)).add(exponent(bits, drop));
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

  /**
   * The bits of normal doubles rounded half to even to 53 − drop significant bits, by integer
   * addition on the magnitude bits: a carry out of the fraction walks into the exponent field.
   */
  private static LongVector roundToP(LongVector bits, int drop) {
    if (drop == 0) {
      return bits;
    }
    return bits.add((1L << (drop - 1)) - 1).add(bits.lanewise(LSHR, drop).and(1));
  }

  /** The signed p-bit significand of a rounded double. */
  private static LongVector significand(LongVector rounded, int drop) {
    LongVector kept = rounded.and(FRACTION).or(IMPLICIT).lanewise(LSHR, drop);
    LongVector neg = rounded.lanewise(ASHR, 63);
    return kept.lanewise(XOR, neg).sub(neg);
  }

  /** The exponent of that significand: double = significand · 2^exponent. */
  private static LongVector exponent(LongVector rounded, int drop) {
    return rounded.lanewise(LSHR, 52).and(0x7FF).add(drop - 1075);
  }

  private static VectorMask<Long> outOfRange(FloatFormat f, LongVector e) {
    return e.lt(f.minExponent()).or(e.compare(GT, f.maxExponent()));
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
