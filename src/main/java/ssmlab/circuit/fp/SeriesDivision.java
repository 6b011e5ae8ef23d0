package ssmlab.circuit.fp;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Encoder;
import ssmlab.circuit.tc0.GeometricSeries;
import ssmlab.circuit.tc0.Multiplication;
import ssmlab.circuit.tc0.Residues;

/**
 * The significand quotient of a float division, N = 2Q + [remainder ≠ 0] with
 * Q = ⌊a 2^(p+1) / c⌋ for p-bit a and c ≥ 2^(p−1), in constant depth and size polynomial in p:
 * a constant table, a geometric series in residue form, two remainder checks.
 *
 * <p>With the constants of {@link SeriesPlan} (s table bits, t = p − s, L = p + 4, K = L + s):
 * <ol>
 *   <li>h = ⌊c / 2^t⌋ ∈ [2^(s−1), 2^s) selects r0 = ⌊2^K / ((h+1) 2^t)⌋ from a table of
 *       2^(s−1) entries, so that e = 2^K − c r0 ∈ (0, 2^K) and y = e / 2^K ≤ ε ≈ 2^(1−s)
 *       (ε the largest e of the table over 2^K). Then 1/c = (r0 / 2^K) / (1 − y).
 *   <li>Y = ⌊(e − 1) / 2^(K−L)⌋ (the complement of bits K−L..K−1 of c r0: no subtraction),
 *       y' = Y / 2^L ∈ (y − ν, y] with ν = 2^(−L) + 2^(−K). The series
 *       S = Σ_{i<T} Y^i 2^(L(T−1−i)) = 2^(L(T−1)) σ, σ = Σ_{i<T} y'^i, is built modulo small
 *       primes from the discrete logarithm of Y ({@link GeometricSeries}: every power a rewiring,
 *       whatever T) and rebuilt by one CRT reconstruction; S' = ⌊S / 2^(L(T−2))⌋, so
 *       σ' = S' / 2^L ∈ (σ − 2^(−L), σ].
 *   <li>Q' = ⌊a r0 S' / 2^(K+L−p−1)⌋ = ⌊X (1 − y) σ'⌋ with X = a 2^(p+1) / c &lt; 2^(p+2).
 * </ol>
 * Error bound. (1 − y) σ' ≤ (1 − y) Σ_{i<T} y^i = 1 − y^T ≤ 1, so Q' ≤ Q. And
 * δ = 1 − (1 − y) σ' = y^T + (1 − y) Σ_{i<T} (y^i − y'^i) + (1 − y)(σ − σ'), where
 * y^i − y'^i ≤ i ε^(i−1) ν and Σ_i i ε^(i−1) ≤ 1/(1 − ε)²: δ &lt; ε^T + 2^(−L) + ν/(1−ε)².
 * T is the smallest with 2^(p+2) (ε^T + 2^(−L) + ν/(1−ε)²) ≤ 2 (about (p + 3)/(s − 1)), so
 * X − X(1 − y)σ' = X δ &lt; 2 and Q − 2 ≤ Q' ≤ Q: two parallel remainder checks finish
 * ({@link QuotientCorrection}).
 *
 * <p>The series has about L (T − 1) ≈ p²/(s − 1) bits: O(p²/s) primes below O(p²/s), each with a
 * residue of the (p + 5 − s)-bit Y, so the size is polynomial (about p^6 / (s − 1)^2 threshold
 * wires up to logarithms) and the depth a constant.
 */
final class SeriesDivision {
  private SeriesDivision() {}

  /** N = 2Q + sticky (bit 0 the sticky bit, bits 1..p+2 Q); garbage when c &lt; 2^(p−1). */
  static int[] quotientAndSticky(CircuitBuilder b, int[] a, int[] c, int tableBits) {
    int p = a.length;
    SeriesPlan plan = SeriesPlan.of(p, tableBits);
    int s = plan.tableBits();
    int k = plan.scale();
    int l = plan.fraction();
    int rBits = plan.reciprocals()[0].bitLength();
    int[] r0 = s == 1 ? Bits.constant(plan.reciprocals()[0], rBits)
        : Encoder.lookup(b, Encoder.oneHot(b, Bits.slice(c, p - s, p - 1), 1 << (s - 1)),
            plan.reciprocals(), rBits);
    int[] ar0 = Multiplication.multiply(b, a, r0);
    // c r0 < 2^K: the complement of its bits K−L..K−1 is ⌊(2^K − 1 − c r0) / 2^(K−L)⌋
    int[] cr0 = Multiplication.multiply(b, c, r0);
    int[] y = Bits.not(b, Bits.slice(cr0, k - l, k - l + plan.yBits()));
    int[] primes = plan.primes();
    int[][] oneHots = new int[primes.length][];
    for (int j = 0; j < primes.length; j++) {
      int[] dlog = GeometricSeries.dlogOneHot(Residues.residueOneHot(b, y, primes[j]), primes[j]);
      oneHots[j] = GeometricSeries.residue(b, dlog, plan.terms(), l, primes[j]);
    }
    int[] series = Residues.reconstructWide(b, primes, oneHots, plan.seriesBits());
    int[] top = Bits.slice(series, l * (plan.terms() - 2), plan.seriesBits());
    int[] product = Multiplication.multiply(b, ar0, top);
    int shift = k + l - p - 1;
    int[] estimate = Bits.slice(product, shift, shift + p + 2);
    return QuotientCorrection.afterSeries(b, a, c, estimate);
  }
}
