package ssmlab.circuit.fp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.IteratedMultiplication;
import ssmlab.circuit.tc0.Multiplication;
import ssmlab.circuit.tc0.WeightedSum;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * round_f(x_1 · ... · x_n), one rounding, as {@link FpOps#product}, with the constant factors
 * multiplied out at build time: c = ±C · 2^E (C the product of their significands, E the sum of
 * their exponents), so the circuit forms round_f(±C · Π m_v · 2^(E + Σ e_v)) over the k variable
 * factors v only. For k ≤ 2 the significands go through schoolbook multiplication (a product with
 * the constant C is a sum of shifted copies, one per 1 bit of C); for k ≥ 3 through Chinese
 * remaindering with C as one more factor. Every case is a fixed number of levels, and the exact
 * value rounded is the same as {@code FpOps.product}'s, so the bits are too.
 */
final class FoldedProduct {
  private FoldedProduct() {}

  static FpWires product(CircuitBuilder b, List<FpWires> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("an iterated product needs at least one factor");
    }
    FloatFormat f = xs.getFirst().format();
    List<FpWires> variable = new ArrayList<>();
    BigInteger c = BigInteger.ONE;
    long cExponent = 0;
    boolean cNegative = false;
    for (FpWires x : xs) {
      FloatP value = constantValue(x);
      if (value == null) {
        variable.add(x);
      } else if (value.isZero()) {
        return FpWires.constant(f.zero());
      } else {
        c = c.multiply(value.significand().abs());
        cExponent += value.exponent();
        cNegative ^= value.signum() < 0;
      }
    }
    int k = variable.size();
    if (k == 0) {
      return FpWires.constant(f.round(cNegative ? c.negate() : c, cExponent));
    }
    boolean unit = c.equals(BigInteger.ONE) && cExponent == 0 && !cNegative;
    if (k == 1 && unit && !b.isLevelled()) {
      return variable.getFirst();
    }
    int[] sign = new int[k];
    List<int[]> ms = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      sign[i] = variable.get(i).sign();
      ms.add(variable.get(i).m());
    }
    int[] magnitude = k <= 2 ? schoolbook(b, ms, c) : chineseRemainders(b, ms, c);
    int s = cNegative ? b.not(parity(b, sign)) : parity(b, sign);
    return Rounding.round(b, f, s, magnitude, exponent(b, f, variable, cExponent));
  }

  /** The value of a float bus whose every wire is a constant; null otherwise. */
  private static FloatP constantValue(FpWires x) {
    int[] bits = x.bits();
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] == CircuitBuilder.TRUE) {
        v = v.setBit(i);
      } else if (bits[i] != CircuitBuilder.FALSE) {
        return null;
      }
    }
    return FpWires.decode(x.format(), v);
  }

  private static int[] schoolbook(CircuitBuilder b, List<int[]> ms, BigInteger c) {
    int[] n = ms.size() == 1 ? ms.getFirst() : Multiplication.multiply(b, ms.get(0), ms.get(1));
    return c.equals(BigInteger.ONE) ? n
        : Multiplication.multiply(b, n, Bits.constant(c, c.bitLength()));
  }

  private static int[] chineseRemainders(CircuitBuilder b, List<int[]> ms, BigInteger c) {
    List<int[]> factors = new ArrayList<>(ms);
    if (!c.equals(BigInteger.ONE)) {
      factors.add(Bits.constant(c, c.bitLength()));
    }
    return IteratedMultiplication.product(b, factors);
  }

  private static int parity(CircuitBuilder b, int[] signs) {
    return switch (signs.length) {
      case 1 -> signs[0];
      case 2 -> b.xor(signs[0], signs[1]);
      default -> WeightedSum.count(b, signs)[0];
    };
  }

  /** E + Σ e_v in two's complement, wide enough for every value: each e_v is in [−2^q, 2^q). */
  private static int[] exponent(CircuitBuilder b, FloatFormat f, List<FpWires> xs, long cExponent) {
    int k = xs.size();
    long reach = (long) k << f.q();
    int width = Signed.widthFor(cExponent - reach, cExponent + reach) + 1;
    int[] sum;
    if (k == 1) {
      sum = xs.getFirst().e();
    } else if (k == 2) {
      sum = Signed.add(b, xs.get(0).e(), xs.get(1).e(), width);
    } else {
      List<int[]> biased = new ArrayList<>();
      for (FpWires x : xs) {
        biased.add(FpOps.biased(b, x.e()));
      }
      sum = FpOps.exponentSum(b, f, biased);
    }
    return cExponent == 0 ? sum : Signed.add(b, sum, Signed.constant(cExponent, width), width);
  }
}
