package ssmlab.circuit.fp;

import java.math.BigInteger;
import ssmlab.circuit.tc0.Residues;

/**
 * The constants of {@link SeriesDivision} at one precision p, chosen at build time so that its
 * error bound holds (checked here in exact integer arithmetic).
 *
 * @param tableBits s: the table reads the top s bits of the divisor (s ≤ p)
 * @param fraction L = p + 4: the fraction bits of y' and of the truncated series
 * @param scale K = L + s: the reciprocals are r0 ≈ 2^K / c
 * @param terms T ≥ 2: the series' terms, the smallest that meet the bound
 * @param reciprocals r0 for h = 2^(s−1) + index, ⌊2^K / ((h + 1) 2^(p−s))⌋
 * @param yBits the width of Y = ⌊(e − 1) / 2^(K−L)⌋, from the largest e of the table
 * @param seriesBits the width of S = Σ_{i<T} Y^i 2^(L(T−1−i)) at the largest Y
 */
record SeriesPlan(int p, int tableBits, int fraction, int scale, int terms,
    BigInteger[] reciprocals, int yBits, int seriesBits) {

  /** The plan for p-bit significands with a table over the top min(s, p) bits. */
  static SeriesPlan of(int p, int s) {
    if (s < 1) {
      throw new IllegalArgumentException("table bits must be at least 1, got " + s);
    }
    int tb = Math.min(s, p);
    int t = p - tb;
    int l = p + 4;
    int k = l + tb;
    BigInteger d = BigInteger.ONE.shiftLeft(k);
    BigInteger[] r0 = new BigInteger[1 << (tb - 1)];
    BigInteger eMax = BigInteger.ZERO; // the largest e = 2^K − c r0, at c = h 2^t
    for (int i = 0; i < r0.length; i++) {
      BigInteger h = BigInteger.valueOf((1L << (tb - 1)) + i);
      r0[i] = d.divide(h.add(BigInteger.ONE).shiftLeft(t));
      eMax = eMax.max(d.subtract(h.shiftLeft(t).multiply(r0[i])));
    }
    int terms = 2;
    while (!meetsBound(p, l, d, eMax, terms)) {
      terms++;
    }
    BigInteger yMax = eMax.subtract(BigInteger.ONE).shiftRight(k - l);
    BigInteger sMax = BigInteger.ZERO;
    for (int i = 0; i < terms; i++) {
      sMax = sMax.add(yMax.pow(i).shiftLeft(l * (terms - 1 - i)));
    }
    return new SeriesPlan(p, tb, l, k, terms, r0, yMax.bitLength(), sMax.bitLength());
  }

  /**
   * 2^(p+2) (ε^T + 2^(−L) + ν/(1−ε)²) ≤ 2 with ε = E/D, D = 2^K, ν = 2^(−L) + 2^(−K): the
   * estimate then errs by less than 2 (SeriesDivision). Both sides times D^(T+1) (D − E)².
   */
  private static boolean meetsBound(int p, int l, BigInteger d, BigInteger e, int terms) {
    BigInteger dt = d.pow(terms);
    BigInteger gap2 = d.subtract(e).pow(2);
    int kl = d.bitLength() - 1 - l; // K − L
    BigInteger nu = BigInteger.ONE.shiftLeft(kl).add(BigInteger.ONE); // ν D
    BigInteger lhs = e.pow(terms).multiply(gap2).multiply(d)
        .add(dt.multiply(gap2.shiftLeft(kl).add(nu.multiply(d).multiply(d))))
        .shiftLeft(p + 2);
    return lhs.compareTo(dt.multiply(d).multiply(gap2).shiftLeft(1)) <= 0;
  }

  /** The primes of the series' Chinese remaindering. */
  int[] primes() {
    return Residues.primesFor(seriesBits);
  }
}
