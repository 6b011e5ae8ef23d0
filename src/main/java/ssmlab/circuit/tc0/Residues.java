package ssmlab.circuit.tc0;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import ssmlab.circuit.CircuitBuilder;

/**
 * Chinese remainder circuits: residues modulo small primes as one-hot buses, and the
 * reconstruction of a binary number from its one-hot residues, in constant depth (P-uniform: the
 * builder precomputes primes, inverses and tables).
 *
 * <p>Residue (depth 3): {@code S = Σ_b x_b·(2^b mod q) ≤ m(q−1)} one-hot ({@link WeightedSum}),
 * then {@code [x ≡ ρ] = OR_{v ≡ ρ} [S = v]}.
 *
 * <p>Reconstruction (Beame–Cook–Hoover; reference §2.7): with {@code M = Π q_j},
 * {@code A_j = r_j·(M/q_j)^{−1} mod q_j}, {@code X = Σ_j A_j·M/q_j − t·M} where
 * {@code t = ⌊Σ_j A_j/q_j⌋}. The fractions {@code A_j/q_j} are looked up truncated to
 * {@code P = ⌈log₂ k⌉ + 3} bits; because {@code X < M/2} and the truncation loses less than 1/4,
 * {@code t = ⌊Ŝ + 1/4⌋}. Both sums are iterated additions, t·M is a table lookup on the one-hot
 * of t, and one subtraction finishes.
 */
public final class Residues {
  private Residues() {}

  /** The smallest odd primes whose product M is at least 2^(bits + 1), so X < 2^bits ≤ M/2. */
  public static int[] primesFor(int bits) {
    List<Integer> ps = new ArrayList<>();
    BigInteger m = BigInteger.ONE;
    BigInteger need = BigInteger.ONE.shiftLeft(bits + 1);
    for (int q = 3; m.compareTo(need) < 0; q += 2) {
      if (BigInteger.valueOf(q).isProbablePrime(40)) {
        ps.add(q);
        m = m.multiply(BigInteger.valueOf(q));
      }
    }
    return ps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The smallest generator of the multiplicative group mod the prime q. */
  public static int generator(int q) {
    for (int g = 2; g < q; g++) {
      int order = 1;
      long x = g;
      while (x != 1) {
        x = x * g % q;
        order++;
      }
      if (order == q - 1) {
        return g;
      }
    }
    return 1; // q = 2
  }

  /** dlog[r] = L with g^L ≡ r (mod q), for r = 1..q−1 (dlog[0] unused). */
  public static int[] discreteLogs(int q, int g) {
    int[] dl = new int[q];
    long x = 1;
    for (int l = 0; l < q - 1; l++) {
      dl[(int) x] = l;
      x = x * g % q;
    }
    return dl;
  }

  /** The largest weighted sum Σ_{e<width} (2^e mod q) of {@link #residueOneHot}'s first level. */
  public static long reach(int width, int q) {
    long s = 0;
    long p = 1 % q;
    for (int e = 0; e < width; e++) {
      s += p;
      p = p * 2 % q;
    }
    return s;
  }

  /** R[ρ] = [x ≡ ρ (mod q)], ρ = 0..q−1. */
  public static int[] residueOneHot(CircuitBuilder b, int[] x, int q) {
    int[] w = new int[x.length];
    long p = 1 % q;
    for (int i = 0; i < x.length; i++) {
      w[i] = (int) p;
      p = p * 2 % q;
    }
    return reduce(b, WeightedSum.oneHot(b, x, w), q);
  }

  /** [v mod q = ρ] from the one-hot of v: OR over v ≡ ρ. */
  static int[] reduce(CircuitBuilder b, int[] oneHot, int q) {
    int[] r = new int[q];
    int[] terms = new int[oneHot.length / q + 1];
    for (int rho = 0; rho < q; rho++) {
      int n = 0;
      for (int v = rho; v < oneHot.length; v += q) {
        terms[n++] = oneHot[v];
      }
      r[rho] = b.or(terms, n);
    }
    return r;
  }

  /**
   * The binary number X from its one-hot residues modulo {@code primes} (X < M/2 required).
   *
   * @param oneHots oneHots[j][r] = [X ≡ r (mod primes[j])]. Not modified.
   * @return the low {@code width} bits of X
   */
  public static int[] reconstruct(CircuitBuilder b, int[] primes, int[][] oneHots, int width) {
    return reconstruct(b, primes, oneHots, width, false);
  }

  /**
   * {@link #reconstruct}; with {@code byTables} the two sums take their columns from the tables
   * ({@link Encoder#present}) rather than dropping the looked-up wires that folded to false, so
   * a verbatim build has the shape of a simplified one (int-prod's addressed family). The two
   * differ only where a looked-up bit folds to false although its table has it (int-prod at
   * p = 1; division at some widths, which therefore keeps the default).
   */
  public static int[] reconstruct(CircuitBuilder b, int[] primes, int[][] oneHots, int width,
      boolean byTables) {
    return reconstruct(b, primes, oneHots, width, byTables, false);
  }

  /**
   * {@link #reconstruct} for wide X: the sum of the {@code A_j M/q_j} and the subtraction of t·M
   * by {@link BlockAdder}, about width² wires each instead of width³/6, up to eight levels deeper.
   */
  public static int[] reconstructWide(CircuitBuilder b, int[] primes, int[][] oneHots,
      int width) {
    return reconstruct(b, primes, oneHots, width, false, true);
  }

  private static int[] reconstruct(CircuitBuilder b, int[] primes, int[][] oneHots, int width,
      boolean byTables, boolean wide) {
    int k = primes.length;
    BigInteger m = BigInteger.ONE;
    for (int q : primes) {
      m = m.multiply(BigInteger.valueOf(q));
    }
    int frac = Bits.bitLength(k) + 3;
    int mBits = m.bitLength();
    List<int[]> gammas = new ArrayList<>(k);
    List<int[]> fracs = new ArrayList<>(k + 1);
    List<boolean[]> gammaBits = new ArrayList<>(k);
    List<boolean[]> fracBits = new ArrayList<>(k + 1);
    for (int j = 0; j < k; j++) {
      int q = primes[j];
      BigInteger bq = BigInteger.valueOf(q);
      BigInteger mj = m.divide(bq);
      long u = mj.modInverse(bq).longValue();
      BigInteger[] gamma = new BigInteger[q];
      BigInteger[] a = new BigInteger[q];
      for (int r = 0; r < q; r++) {
        long aj = r * u % q;
        gamma[r] = mj.multiply(BigInteger.valueOf(aj));
        a[r] = BigInteger.valueOf(aj).shiftLeft(frac).divide(bq);
      }
      gammas.add(Encoder.lookup(b, oneHots[j], gamma, mBits));
      gammaBits.add(Encoder.present(gamma, mBits));
      fracs.add(Encoder.lookup(b, oneHots[j], a, frac));
      fracBits.add(Encoder.present(a, frac));
    }
    fracs.add(Bits.constant(1L << (frac - 2), frac)); // + 1/4
    fracBits.add(Encoder.present(new BigInteger[] {BigInteger.ONE.shiftLeft(frac - 2)}, frac));
    // Columns by the tables (Encoder.present), not by which wires folded to false.
    int[] sHat = byTables ? IteratedAddition.sumUniform(b, fracs, fracBits)
        : IteratedAddition.sumUniform(b, fracs);
    int[] t = Bits.slice(sHat, frac, sHat.length);
    int[] tOneHot = Encoder.oneHot(b, t, k + 1);
    BigInteger[] tm = new BigInteger[k + 1];
    for (int v = 0; v <= k; v++) {
      tm[v] = m.multiply(BigInteger.valueOf(v));
    }
    int[] sum = wide ? IteratedAddition.sumWide(b, gammas)
        : byTables ? IteratedAddition.sumUniform(b, gammas, gammaBits)
        : IteratedAddition.sumUniform(b, gammas);
    int[] tM = Encoder.lookup(b, tOneHot, tm, sum.length);
    // Bit sum.length of the difference is subtract's x >= y flag, not a bit of X: keep it out
    // when the sum's bus is narrower than width (constant operands shrink its bound).
    int[] difference = wide ? BlockAdder.add(b, sum, Bits.not(b, tM), CircuitBuilder.TRUE)
        : Adder.subtract(b, sum, tM);
    return Bits.resize(Bits.slice(difference, 0, sum.length), width);
  }
}
