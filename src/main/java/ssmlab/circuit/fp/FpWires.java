package ssmlab.circuit.fp;

import java.math.BigInteger;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * A p-bit float of a {@link FloatFormat} as circuit wires: the sign, the significand's magnitude
 * |m| (p wires, LSB first; its top wire is 1 exactly when the number is not zero) and the exponent
 * e (q + 1 wires, two's complement). Zero is sign 0, |m| = 0, e = 0, as {@code FloatP} has it.
 *
 * <p>As one bus ({@link #bits}, {@link #encode}): bits 0..p-1 |m|, p..p+q e, p+q+1 the sign.
 */
public record FpWires(FloatFormat format, int sign, int[] m, int[] e) {

  public FpWires {
    if (m.length != format.p() || e.length != format.q() + 1) {
      throw new IllegalArgumentException("an F_p bus of " + format + " needs " + format.p()
          + " significand and " + (format.q() + 1) + " exponent wires");
    }
  }

  /** The width of one float as a bus: p + q + 2. */
  public static int width(FloatFormat f) {
    return f.p() + f.q() + 2;
  }

  /** The wire that is 1 exactly when the number is not zero. */
  public int nonZero() {
    return m[m.length - 1];
  }

  /** The float as one bus. */
  public int[] bits() {
    int[] out = new int[width(format)];
    System.arraycopy(m, 0, out, 0, m.length);
    System.arraycopy(e, 0, out, m.length, e.length);
    out[out.length - 1] = sign;
    return out;
  }

  /** The float held by a bus laid out as {@link #bits}. */
  public static FpWires of(FloatFormat f, int[] bits) {
    int p = f.p();
    int[] m = new int[p];
    int[] e = new int[f.q() + 1];
    System.arraycopy(bits, 0, m, 0, p);
    System.arraycopy(bits, p, e, 0, e.length);
    return new FpWires(f, bits[bits.length - 1], m, e);
  }

  /** A fresh input bus named {@code name}. */
  public static FpWires input(CircuitBuilder b, String name, FloatFormat f) {
    return of(f, b.input(name, width(f)));
  }

  /** Constant wires holding x. */
  public static FpWires constant(FloatP x) {
    return of(x.format(), Bits.constant(encode(x), width(x.format())));
  }

  /** x as the unsigned integer its bus holds. */
  public static BigInteger encode(FloatP x) {
    FloatFormat f = x.format();
    BigInteger m = x.significand().abs();
    BigInteger e = BigInteger.valueOf(x.exponent()).and(BigInteger.ONE.shiftLeft(f.q() + 1)
        .subtract(BigInteger.ONE));
    BigInteger bits = m.or(e.shiftLeft(f.p()));
    return x.signum() < 0 ? bits.setBit(f.p() + f.q() + 1) : bits;
  }

  /** The float whose bus holds {@code bits}; fails on a bus that holds no float of f. */
  public static FloatP decode(FloatFormat f, BigInteger bits) {
    int p = f.p();
    int q = f.q();
    BigInteger m = bits.and(BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE));
    long e = bits.shiftRight(p).and(BigInteger.ONE.shiftLeft(q + 1).subtract(BigInteger.ONE))
        .longValue();
    if (e >= 1L << q) {
      e -= 1L << (q + 1);
    }
    boolean negative = bits.testBit(p + q + 1);
    if (m.signum() == 0) {
      if (e != 0 || negative) {
        throw new IllegalStateException("a zero with exponent " + e + " or a sign: " + bits);
      }
      return f.zero();
    }
    return f.of(negative ? m.negate() : m, e);
  }
}
