package ssmlab.circuit.fp;

import java.math.BigInteger;
import java.util.function.UnaryOperator;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * A function of one F_p number (exp, log, sqrt, sigmoid, softplus, SiLU) as a table circuit of
 * depth 3: the input's sign, exponent and significand bits below the leading one index a one-hot
 * decoder (one AND per float), and each output bit is the OR of the entries where it is 1. The
 * table is {@code FloatFormat}'s own correctly rounded function, so the circuit agrees with it bit
 * for bit by construction; what the tests check is the decoding. Its size is about
 * 2^(p + q + 1) · (p + q) wires: constant in the sequence length, exponential in the format, so
 * meant for the small formats of compiled models (p + q up to about 14). The paper's Lemma 3.14
 * builds exp from iterated products of a Taylor series instead: polynomial in p, not bit-exact.
 * Inputs outside the function's domain (log of x <= 0, sqrt of x < 0) give zero.
 */
public final class UnaryTable {
  /** The largest p + q the table accepts (2^21 entries). */
  public static final int MAX_INDEX_BITS = 21;

  private final FloatFormat f;
  private final BigInteger[] table;
  private final BigInteger atZero;

  private UnaryTable(FloatFormat f, BigInteger[] table, BigInteger atZero) {
    this.f = f;
    this.table = table;
    this.atZero = atZero;
  }

  /** The table of fn over every float of format f (computed once, used for any number of x). */
  public static UnaryTable of(FloatFormat f, UnaryOperator<FloatP> fn) {
    int p = f.p();
    int q1 = f.q() + 1;
    int indexBits = indexBits(f);
    if (indexBits > MAX_INDEX_BITS) {
      throw new IllegalArgumentException("a table circuit for p = " + p + ", q = " + f.q()
          + " would have 2^" + indexBits + " entries; use p + q <= " + (MAX_INDEX_BITS - 1));
    }
    int count = 1 << indexBits;
    BigInteger[] table = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      long low = i & ((1L << (p - 1)) - 1);
      long e = (i >>> (p - 1)) & ((1L << q1) - 1);
      if (e >= 1L << f.q()) {
        e -= 1L << q1;
      }
      boolean negative = (i >>> (indexBits - 1)) != 0;
      BigInteger m = BigInteger.valueOf((1L << (p - 1)) | low);
      table[i] = value(fn, f.of(negative ? m.negate() : m, e));
    }
    return new UnaryTable(f, table, value(fn, f.zero()));
  }

  private static int indexBits(FloatFormat f) {
    return (f.p() - 1) + (f.q() + 1) + 1;
  }

  /** fn(x) as gates. */
  public FpWires apply(CircuitBuilder b, FpWires x) {
    if (!x.format().equals(f)) {
      throw new IllegalArgumentException("a table of " + f + " applied to " + x.format());
    }
    int p = f.p();
    int q1 = f.q() + 1;
    // index = significand below its top bit, exponent, sign
    int[] index = new int[indexBits(f)];
    System.arraycopy(x.m(), 0, index, 0, p - 1);
    System.arraycopy(x.e(), 0, index, p - 1, q1);
    index[index.length - 1] = x.sign();
    int width = FpWires.width(f);
    int[] hit = Encoder.lookup(b, Encoder.oneHot(b, index, table.length), table, width);
    int[] zero = Bits.constant(atZero, width);
    int[] out = new int[width];
    for (int i = 0; i < width; i++) {
      out[i] = b.mux(x.nonZero(), hit[i], zero[i]);
    }
    return FpWires.of(f, out);
  }

  private static BigInteger value(UnaryOperator<FloatP> fn, FloatP x) {
    try {
      return FpWires.encode(fn.apply(x));
    } catch (ArithmeticException outsideTheDomain) {
      return BigInteger.ZERO;
    }
  }
}
