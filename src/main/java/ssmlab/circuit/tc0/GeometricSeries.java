package ssmlab.circuit.tc0;

import java.math.BigInteger;

import ssmlab.circuit.CircuitBuilder;

/**
 * A truncated geometric series in residue form: the one-hot of
 * {@code S mod q, S = Σ_{i<T} U^i 2^{shift·(T−1−i)}}, from the one-hot of the discrete logarithm
 * of U to the smallest generator g of (ℤ/q)^*. {@code U^i ≡ g^{i·dlog U}}, so each term's residue
 * is a table lookup on that one-hot (one OR level), and the residues add in one weighted sum
 * (depth 2) reduced mod q. When {@code U ≡ 0} no dlog wire is true and only the term i = 0 counts,
 * as it should.
 */
public final class GeometricSeries {
  private GeometricSeries() {}

  /**
   * One-hot of S mod q.
   *
   * @param dlogOneHot dlogOneHot[l] = [U ≡ g^l (mod q)], l = 0..q−2
   */
  public static int[] residue(CircuitBuilder b, int[] dlogOneHot, int terms, long shift, int q) {
    int g = Residues.generator(q);
    BigInteger bq = BigInteger.valueOf(q);
    int vBits = Bits.bitLength(q - 1);
    int[] in = new int[(terms - 1) * vBits + 1];
    int[] w = new int[in.length];
    BigInteger[] table = new BigInteger[q - 1];
    int m = 0;
    for (int i = 0; i < terms; i++) {
      long c = BigInteger.TWO.modPow(BigInteger.valueOf(shift * (terms - 1 - i)), bq).longValue();
      if (i == 0) { // U^0 = 1
        in[m] = CircuitBuilder.TRUE;
        w[m++] = (int) c;
        continue;
      }
      long step = BigInteger.valueOf(g).modPow(BigInteger.valueOf(i), bq).longValue(); // g^i
      long v = c;
      for (int l = 0; l < q - 1; l++) { // c·(g^i)^l
        table[l] = BigInteger.valueOf(v);
        v = v * step % q;
      }
      int[] bits = Encoder.lookup(b, dlogOneHot, table, vBits);
      for (int t = 0; t < vBits; t++) {
        in[m] = bits[t];
        w[m++] = 1 << t;
      }
    }
    return Residues.reduce(b, WeightedSum.oneHot(b, in, w), q);
  }

  /** dlogOneHot[l] = [x ≡ g^l (mod q)] from the one-hot residue of x: a rewiring. */
  public static int[] dlogOneHot(int[] residueOneHot, int q) {
    int g = Residues.generator(q);
    int[] d = new int[q - 1];
    long gl = 1;
    for (int l = 0; l < q - 1; l++) {
      d[l] = residueOneHot[(int) gl];
      gl = gl * g % q;
    }
    return d;
  }
}
