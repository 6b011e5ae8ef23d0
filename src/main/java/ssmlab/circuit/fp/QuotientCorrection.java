package ssmlab.circuit.fp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Comparison;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.circuit.tc0.Multiplication;

/**
 * The last step of both significand divisions: from an estimate Q' with Q − slack ≤ Q' ≤ Q of
 * Q = ⌊a 2^(p+1) / c⌋, the exact N = 2Q + [remainder ≠ 0] by remainder checks. The remainder
 * r = a 2^(p+1) − c Q' lies in [0, (slack + 1) c); Q = Q' + #{j ≤ slack : r ≥ j c}, and the
 * sticky bit is r ∉ {0, c, .., slack·c}.
 */
final class QuotientCorrection {
  private QuotientCorrection() {}

  /**
   * Slack 1, the remainder by a multiplication and a subtraction: the reciprocal table's step,
   * kept gate for gate so that compiled models at p ≤ {@link FpOps#RECIPROCAL_MAX_P} keep their
   * circuits.
   */
  static int[] afterTable(CircuitBuilder b, int[] a, int[] c, int[] estimate) {
    int p = a.length;
    int[] num = Bits.shiftLeft(a, p + 1);
    int[] cq = Multiplication.multiply(b, c, estimate);
    int w = num.length + 1;
    int[] rem = Bits.slice(Adder.subtract(b, Bits.resize(num, w), Bits.resize(cq, w)), 0, w);
    return finish(b, c, estimate, rem, 1);
  }

  /** Slack 2, the remainder by one iterated addition ({@link #remainder}: six levels fewer). */
  static int[] afterSeries(CircuitBuilder b, int[] a, int[] c, int[] estimate) {
    return finish(b, c, estimate, remainder(b, a, c, estimate, 2 * a.length + 2), 2);
  }

  /** N (bit 0 the sticky bit, bits 1..p+2 Q) from the remainder r of the estimate. */
  private static int[] finish(CircuitBuilder b, int[] c, int[] estimate, int[] rem, int slack) {
    int p = c.length;
    int w = rem.length;
    int[] cw = Bits.resize(c, w);
    int ge = Comparison.greaterOrEqual(b, rem, cw);
    int sticky = b.and(b.or(rem), b.not(Comparison.equal(b, rem, cw)));
    int[] q;
    if (slack == 1) {
      q = Adder.add(b, estimate, Bits.constant(0, 1), ge);
    } else {
      int[] c2 = Bits.resize(Bits.shiftLeft(c, 1), w);
      sticky = b.and(sticky, b.not(Comparison.equal(b, rem, c2)));
      // r ≥ 2c implies r ≥ c: the two flags add as a one-bit number and a carry
      q = Adder.add(b, estimate, new int[] {Comparison.greaterOrEqual(b, rem, c2)}, ge);
    }
    q = Bits.slice(q, 0, p + 2);
    int[] out = new int[p + 3];
    out[0] = sticky;
    System.arraycopy(q, 0, out, 1, p + 2);
    return out;
  }

  /**
   * r = a 2^(p+1) − c Q' mod 2^w in one iterated addition: with rows P_j = c_j Q' 2^j,
   * −P_j ≡ ¬P_j + 1 (mod 2^w), where ¬P_j is NAND(c_j, Q'_i) at bits j + i and ones elsewhere;
   * the ones and the p added ones sum to one constant row.
   */
  private static int[] remainder(CircuitBuilder b, int[] a, int[] c, int[] q, int w) {
    BigInteger mod = BigInteger.ONE.shiftLeft(w);
    BigInteger span = BigInteger.ONE.shiftLeft(q.length).subtract(BigInteger.ONE);
    BigInteger ones = BigInteger.valueOf(c.length);
    List<int[]> rows = new ArrayList<>();
    rows.add(Bits.shiftLeft(a, a.length + 1));
    for (int j = 0; j < c.length; j++) {
      int[] row = new int[j + q.length];
      for (int i = 0; i < q.length; i++) {
        row[j + i] = b.threshold(new int[] {c[j], q[i]}, new int[] {-1, -1}, -1);
      }
      rows.add(row);
      ones = ones.add(mod.subtract(BigInteger.ONE).subtract(span.shiftLeft(j)));
    }
    rows.add(Bits.constant(ones.mod(mod), w));
    return Bits.slice(IteratedAddition.sum(b, rows), 0, w);
  }
}
