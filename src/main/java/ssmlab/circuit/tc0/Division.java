package ssmlab.circuit.tc0;

import java.math.BigInteger;

import ssmlab.circuit.CircuitBuilder;

/**
 * Integer division in constant depth: reciprocal by a power series computed in residue form
 * (powering mod small primes is a rewiring of discrete logarithms), then one exact correction.
 *
 * <p>Normalise {@code b' = b·2^s ∈ [2^{n−1}, 2^n)} (leading one, s = n−1−k), let
 * {@code U = 2^n − b'} so {@code u = U/2^n ∈ (0, 1/2]} and {@code 1/b' = 2^{−n} Σ_i u^i}. With
 * T = n + 1 terms, {@code R = Σ_{i<T} U^i 2^{n(T−1−i)}} is computed modulo each prime q as
 * {@code Σ_i (2^{n(T−1−i)} mod q)·g^{i·dlog U} mod q} (a one-hot weighted sum) and rebuilt by CRT.
 * Then {@code q̃ = ⌊a·2^s·R / 2^{nT}⌋} satisfies {@code q − 1 ≤ q̃ ≤ q} (the truncated series
 * errs by at most {@code 2^{n−T} = 1/2}), and one comparison of {@code a − q̃·b} with b fixes it.
 * Division by zero gives quotient 2^n − 1 and remainder a.
 */
public final class Division {
  private Division() {}

  /**
   * About how many wires {@link #divide} needs at width n: per prime q, the residue thresholds
   * (n·n·(q−1)) and the series-sum thresholds ((n+1)·⌈log₂q⌉·(n+1)·(q−1)).
   */
  public static long estimateWires(int n) {
    long w = 0;
    for (int q : Residues.primesFor(n * n + 1)) {
      long vb = Bits.bitLength(q - 1);
      w += (long) n * n * (q - 1) + (n + 1L) * vb * (n + 1L) * (q - 1);
    }
    return w;
  }

  /** {quotient, remainder} of a / b, each n = max(|a|, |b|) bits. */
  public static int[][] divide(CircuitBuilder bld, int[] x, int[] y) {
    int n = Math.max(x.length, y.length);
    int[] a = Bits.resize(x, n);
    int[] b = Bits.resize(y, n);
    int[] f = LeadingOne.oneHot(bld, b);
    int[] bNorm = new int[n];
    int[] terms = new int[n];
    for (int i = 0; i < n; i++) {
      int nt = 0;
      for (int k = 0; k < n; k++) {
        int src = i - (n - 1 - k);
        if (src >= 0) {
          terms[nt++] = bld.and(f[k], b[src]);
        }
      }
      bNorm[i] = bld.or(terms, nt);
    }
    int tTerms = n + 1;
    int rBits = n * (tTerms - 1) + 1;
    int[] primes = Residues.primesFor(rBits);
    int[][] oneHots = new int[primes.length][];
    for (int j = 0; j < primes.length; j++) {
      oneHots[j] = seriesResidue(bld, bNorm, n, tTerms, primes[j]);
    }
    int[] r = Residues.reconstruct(bld, primes, oneHots, rBits);
    int[] aR = Multiplication.multiply(bld, a, r);
    int[] qt = new int[n];
    for (int i = 0; i < n; i++) {
      int nt = 0;
      for (int k = 0; k < n; k++) {
        int src = i + n * tTerms - (n - 1 - k);
        if (src < aR.length) {
          terms[nt++] = bld.and(f[k], aR[src]);
        }
      }
      qt[i] = bld.or(terms, nt);
    }
    int[] qb = Bits.resize(Multiplication.multiply(bld, qt, b), n + 1);
    int[] rt = Bits.resize(Adder.subtract(bld, Bits.resize(a, n + 1), qb), n + 1);
    int fix = Comparison.greaterOrEqual(bld, rt, b);
    int[] q = Bits.resize(Adder.add(bld, qt, new int[] {fix}), n);
    int[] rem = Multiplexer.select(bld, fix,
        Bits.resize(Adder.subtract(bld, rt, b), n), Bits.resize(rt, n));
    int byZero = bld.not(bld.or(b));
    for (int i = 0; i < n; i++) {
      q[i] = bld.or(q[i], byZero);
      rem[i] = bld.mux(byZero, a[i], rem[i]);
    }
    return new int[][] {q, rem};
  }

  /** One-hot of R mod q, R = Σ_{i<T} U^i 2^{n(T−1−i)}, U = 2^n − b'. */
  private static int[] seriesResidue(CircuitBuilder bld, int[] bNorm, int n, int tTerms, int q) {
    int[] resB = Residues.residueOneHot(bld, bNorm, q);
    int g = Residues.generator(q);
    long twoN = BigInteger.TWO.modPow(BigInteger.valueOf(n), BigInteger.valueOf(q)).longValue();
    // dlogOneHot[L] = [U ≡ g^L], U ≡ 2^n − b' (mod q)
    int[] dlogOneHot = new int[q - 1];
    long gl = 1;
    for (int l = 0; l < q - 1; l++) {
      dlogOneHot[l] = resB[(int) Math.floorMod(twoN - gl, q)];
      gl = gl * g % q;
    }
    return GeometricSeries.residue(bld, dlogOneHot, tTerms, n, q);
  }
}
