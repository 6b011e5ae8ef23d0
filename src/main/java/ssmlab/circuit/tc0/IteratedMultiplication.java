package ssmlab.circuit.tc0;

import java.util.ArrayList;
import java.util.List;

import ssmlab.circuit.CircuitBuilder;

/**
 * Iterated multiplication of N numbers in constant depth by Chinese remaindering over small
 * primes q (P-uniform; Beame–Cook–Hoover, Reif–Tate):
 * <ol>
 *   <li>one-hot residues {@code x_i mod q} ({@link Residues}, depth 3);
 *   <li>discrete logarithms to a generator of (ℤ/q)^*: the one-hot of dlog is a rewiring, its
 *       binary digits one OR level;
 *   <li>{@code Λ = Σ_i dlog(x_i) ≤ N(q−2)} in binary by iterated addition, decoded to a one-hot
 *       (one AND level), then {@code Λ mod (q−1)} by OR grouping; the product's residue is
 *       {@code g^Λ}, again a rewiring, or 0 when some {@code x_i ≡ 0}. (A one-hot of Λ straight
 *       from threshold gates would be two levels shallower but needs N²·q·log q wires per prime,
 *       which dominates for the hundreds of products of a compiled model.)
 *   <li>CRT reconstruction to binary ({@link Residues#reconstruct}).
 * </ol>
 * The depth is the same for every N and width (about 25 without NOT); the size is polynomial and
 * dominated by the residue and dlog-sum threshold gates.
 */
public final class IteratedMultiplication {
  private IteratedMultiplication() {}

  /**
   * About how many wires {@link #product} needs for n numbers of m bits: per prime q, the residue
   * thresholds (n·m·m·(q−1)) and the decoder of the dlog sum (n·(q−2)·⌈log₂(n·q)⌉).
   */
  public static long estimateWires(int n, int m) {
    long w = 0;
    for (int q : Residues.primesFor(n * m)) {
      long sumBits = Bits.bitLength((long) n * q);
      w += (long) n * m * m * (q - 1) + (long) n * (q - 2) * sumBits;
    }
    return w;
  }

  /** Π x_i, Σ|x_i| bits. */
  public static int[] product(CircuitBuilder b, List<int[]> xs) {
    int bits = 0;
    for (int[] x : xs) {
      bits += x.length;
    }
    if (xs.size() == 1 && !b.isLevelled()) {
      return xs.get(0).clone();
    }
    int[] primes = Residues.primesFor(bits);
    int[][] oneHots = new int[primes.length][];
    for (int j = 0; j < primes.length; j++) {
      oneHots[j] = productResidue(b, xs, primes[j]);
    }
    return Residues.reconstruct(b, primes, oneHots, bits, true);
  }

  /** P[r] = [Π x_i ≡ r (mod q)]. */
  static int[] productResidue(CircuitBuilder b, List<int[]> xs, int q) {
    int g = Residues.generator(q);
    int[] dl = Residues.discreteLogs(q, g);
    int dlBits = Math.max(1, Bits.bitLength(q - 2));
    java.math.BigInteger[] dlTable = new java.math.BigInteger[q];
    dlTable[0] = java.math.BigInteger.ZERO;
    for (int r = 1; r < q; r++) {
      dlTable[r] = java.math.BigInteger.valueOf(dl[r]);
    }
    int n = xs.size();
    int[] zero = new int[n];
    List<int[]> logs = new ArrayList<>(n);
    List<boolean[]> present = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] res = Residues.residueOneHot(b, xs.get(i), q);
      zero[i] = res[0];
      // Residues above the largest weighted sum Σ_e (2^e mod q) never occur (their wire is
      // false): the table leaves them out, so which dlog bits exist is the table's choice.
      long reach = Residues.reach(xs.get(i).length, q);
      java.math.BigInteger[] table = dlTable;
      if (reach < q - 1) {
        table = dlTable.clone();
        java.util.Arrays.fill(table, (int) reach + 1, q, java.math.BigInteger.ZERO);
      }
      logs.add(Encoder.lookup(b, res, table, dlBits));
      present.add(Encoder.present(table, dlBits));
    }
    int[] sum = IteratedAddition.sumUniform(b, logs, present);
    int[] lambda = Residues.reduce(b, Encoder.oneHot(b, sum, n * (q - 2) + 1), q - 1);
    int anyZero = b.or(zero);
    int nonZero = b.not(anyZero);
    int[] p = new int[q];
    p[0] = anyZero;
    for (int r = 1; r < q; r++) {
      p[r] = b.and(nonZero, lambda[dl[r]]);
    }
    return p;
  }
}
