package ssmlab.circuit.fp;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Comparison;

/** Two's complement buses (exponents): widening, addition modulo 2^width, comparison. */
final class Signed {
  private Signed() {}

  /** x sign-extended (or truncated) to {@code width} bits. */
  static int[] extend(int[] x, int width) {
    int[] out = new int[width];
    for (int i = 0; i < width; i++) {
      out[i] = i < x.length ? x[i] : x[x.length - 1];
    }
    return out;
  }

  /** An unsigned bus read as a non-negative two's complement number of {@code width} bits. */
  static int[] unsigned(int[] x, int width) {
    return Bits.resize(x, width);
  }

  /** The constant v in {@code width} bits. */
  static int[] constant(long v, int width) {
    return Bits.constant(v & (width >= 64 ? -1L : (1L << width) - 1), width);
  }

  /** (x + y) mod 2^width, both sign-extended to {@code width} first. */
  static int[] add(CircuitBuilder b, int[] x, int[] y, int width) {
    return Bits.slice(Adder.add(b, extend(x, width), extend(y, width)), 0, width);
  }

  /** (x + y + carry) mod 2^width. */
  static int[] add(CircuitBuilder b, int[] x, int[] y, int carry, int width) {
    return Bits.slice(Adder.add(b, extend(x, width), extend(y, width), carry), 0, width);
  }

  /** x > y for buses of equal width: flipping the top bit turns two's complement into offset. */
  static int greaterThan(CircuitBuilder b, int[] x, int[] y) {
    return Comparison.greaterThan(b, offset(b, x), offset(b, y));
  }

  /** x = y. */
  static int equal(CircuitBuilder b, int[] x, int[] y) {
    return Comparison.equal(b, x, y);
  }

  private static int[] offset(CircuitBuilder b, int[] x) {
    int[] out = x.clone();
    out[out.length - 1] = b.not(x[x.length - 1]);
    return out;
  }

  /** The number of bits a two's complement bus needs for every value in [lo, hi]. */
  static int widthFor(long lo, long hi) {
    int w = 1;
    while (lo < -(1L << (w - 1)) || hi > (1L << (w - 1)) - 1) {
      w++;
    }
    return w;
  }
}
