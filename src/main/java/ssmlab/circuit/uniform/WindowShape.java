package ssmlab.circuit.uniform;

/**
 * The sizes of {@code WindowedSum} over n terms of p-bit significands and q-bit exponents, as
 * {@code ExponentClusters} and {@code WindowedSum} compute them.
 *
 * @param gap G = 2p + bitlength(n) + 5, a shrunk gap
 * @param span min((n − 1)·G, 2^(q+1) − 1), the highest window position
 * @param posBits the bits of a window position, max(1, bitlength(span))
 * @param diffBits the two's complement width of e_k − e_t − G
 * @param ew the width of a cluster's unit exponent, diffBits + bitlength(n) + posBits + 2
 * @param width the window, span + p + bitlength(n) + 1 bits (the sum and N of the rounding)
 */
record WindowShape(int n, int p, int q, long gap, int span, int posBits, int diffBits, int ew,
    int width) {

  static WindowShape of(int n, int p, int q) {
    int bn = Stage.bitLength(n);
    long gap = 2L * p + bn + 5;
    long range = 1L << (q + 1);
    long span = Math.min((n - 1) * gap, range - 1);
    if (span + p + bn + 1 > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("a window of " + (span + p + bn + 1) + " bits");
    }
    int posBits = Math.max(1, Stage.bitLength(span));
    int diffBits = RoundingPart.signedWidth(-range - gap, range);
    return new WindowShape(n, p, q, gap, (int) span, posBits, diffBits,
        diffBits + bn + posBits + 2, (int) span + p + bn + 1);
  }

  int bn() {
    return Stage.bitLength(n);
  }

  /** p + bitlength(n): a cluster topped at position s sums to less than 2^(s + headroom). */
  int headroom() {
    return p + bn();
  }

  /** The smallest exponent, −2^q. */
  long minExponent() {
    return -(1L << q);
  }
}
