package ssmlab.circuit.uniform;

import java.math.BigInteger;

/**
 * The number theory of the Chinese-remainder families, on demand: powers, inverses, the smallest
 * generator and discrete logarithms modulo a prime q &lt; 2^31 (numbers of O(log n) bits), and
 * whether a multiple of a big constant has a given bit. Nothing is tabulated.
 *
 * <p>Costs in word operations: {@link #pow} and {@link #inverse} O(log q); {@link #generator}
 * factors q − 1 by trial division, O(√q); {@link #log} is baby-step giant-step, O(√q) time and
 * memory. No polylog-time algorithm is known for the last two (discrete logarithm is the
 * classic hard problem); both are polylog only in q's value, which is poly(n).
 */
final class Crt {
  private Crt() {}

  /** g^e mod q. */
  static long pow(long g, long e, long q) {
    long r = 1 % q;
    long x = g % q;
    for (long k = e; k > 0; k >>= 1) {
      if ((k & 1) != 0) {
        r = r * x % q;
      }
      x = x * x % q;
    }
    return r;
  }

  /** x^{−1} mod the prime q (x ≢ 0), by Fermat. */
  static long inverse(long x, long q) {
    return pow(Math.floorMod(x, q), q - 2, q);
  }

  /** The smallest g whose powers run through all of (ℤ/q)^*: as {@code Residues.generator}. */
  static long generator(long q) {
    if (q == 2) {
      return 1;
    }
    long[] f = new long[64];
    int nf = 0;
    long r = q - 1;
    for (long d = 2; d * d <= r; d++) {
      if (r % d == 0) {
        f[nf++] = d;
        while (r % d == 0) {
          r /= d;
        }
      }
    }
    if (r > 1) {
      f[nf++] = r;
    }
    for (long g = 2; ; g++) {
      boolean gen = true;
      for (int i = 0; gen && i < nf; i++) {
        gen = pow(g, (q - 1) / f[i], q) != 1;
      }
      if (gen) {
        return g;
      }
    }
  }

  /** The L in 0..q−2 with g^L ≡ x (mod q), x ≢ 0: baby steps g^i, giant steps x·g^{−s·j}. */
  static long log(long x, long g, long q) {
    int s = (int) Math.ceil(Math.sqrt(q - 1.0));
    int cap = Integer.highestOneBit(Math.max(4, 4 * s));
    long[] keys = new long[cap];
    int[] vals = new int[cap];
    java.util.Arrays.fill(keys, -1);
    long gi = 1;
    for (int i = 0; i < s; i++) { // baby steps: g^i → i, the first i kept
      int h = (int) (gi * 0x9E3779B97F4A7C15L >>> 40) & (cap - 1);
      while (keys[h] != -1 && keys[h] != gi) {
        h = (h + 1) & (cap - 1);
      }
      if (keys[h] == -1) {
        keys[h] = gi;
        vals[h] = i;
      }
      gi = gi * g % q;
    }
    long step = inverse(pow(g, s, q), q);
    long y = Math.floorMod(x, q);
    for (long j = 0; j <= s; j++) {
      int h = (int) (y * 0x9E3779B97F4A7C15L >>> 40) & (cap - 1);
      while (keys[h] != -1) {
        if (keys[h] == y) {
          return (j * s + vals[h]) % (q - 1);
        }
        h = (h + 1) & (cap - 1);
      }
      y = y * step % q;
    }
    throw new IllegalArgumentException(x + " has no discrete logarithm to " + g + " mod " + q);
  }

  /**
   * Whether bit c of A·x is 1 for some 0 ≤ A ≤ maxA: exactly when maxA·(x mod 2^{c+1}) ≥ 2^c.
   * (With X = x mod 2^{c+1}, bit c of A·x is bit c of A·X; if X ≥ 2^c, A = 1 has it; otherwise
   * the first A with A·X ≥ 2^c has A·X &lt; 2^c + X &lt; 2^{c+1}.)
   */
  static boolean someMultipleHasBit(BigInteger x, long maxA, int c) {
    BigInteger low = x.testBit(c) ? null : x.and(BigInteger.ONE.shiftLeft(c + 1).subtract(
        BigInteger.ONE));
    return low == null || low.multiply(BigInteger.valueOf(maxA)).bitLength() > c;
  }
}
