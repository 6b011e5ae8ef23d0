package ssmlab.circuit.tc0;

import ssmlab.circuit.CircuitBuilder;

/**
 * The bits, or the one-hot value, of a small weighted sum {@code S = Σ w_i x_i} (weights ≥ 0,
 * {@code Smax = Σ w_i} polynomial) in depth 2: the workhorse of the TC0 constructions.
 *
 * <p>Level 1: {@code T_v = [S ≥ v]} for v = 1..Smax. Level 2: bit t of S is
 * {@code [Σ_{r=1}^{⌊Smax/2^t⌋} (−1)^{r+1} T_{r·2^t} ≥ 1]} (the alternating sum of
 * q = ⌊S/2^t⌋ leading ones is q mod 2); the one-hot {@code [S = v] = [T_v − T_{v+1} ≥ 1]}.
 */
public final class WeightedSum {
  private WeightedSum() {}

  /** T[v] = [S ≥ v] for v = 0..Smax (T[0] is true). Not modified. */
  public static int[] atLeast(CircuitBuilder b, int[] x, int[] w) {
    long smax = 0;
    for (int wi : w) {
      if (wi < 0) {
        throw new IllegalArgumentException("weighted sum needs weights >= 0");
      }
      smax += wi;
    }
    if (smax > 1 << 24) {
      throw new IllegalArgumentException("weighted sum too large for a unary circuit: " + smax);
    }
    int[] t = new int[(int) smax + 1];
    t[0] = CircuitBuilder.TRUE;
    for (int v = 1; v <= smax; v++) {
      t[v] = b.threshold(x, w, v);
    }
    return t;
  }

  /** The binary value of S, ⌊log₂ Smax⌋ + 1 bits. Not modified. */
  public static int[] binary(CircuitBuilder b, int[] x, int[] w) {
    return binaryOf(b, atLeast(b, x, w));
  }

  /** The binary value of S from its thresholds T[0..Smax]. */
  static int[] binaryOf(CircuitBuilder b, int[] t) {
    int smax = t.length - 1;
    int width = Bits.bitLength(smax);
    int[] bits = new int[width];
    for (int k = 0; k < width; k++) {
      int step = 1 << k;
      int terms = smax / step;
      int[] in = new int[terms];
      int[] sign = new int[terms];
      for (int r = 1; r <= terms; r++) {
        in[r - 1] = t[r * step];
        sign[r - 1] = (r & 1) == 1 ? 1 : -1;
      }
      bits[k] = b.threshold(in, sign, 1);
    }
    return bits;
  }

  /** E[v] = [S = v] for v = 0..Smax. Not modified. */
  public static int[] oneHot(CircuitBuilder b, int[] x, int[] w) {
    return oneHotOf(b, atLeast(b, x, w));
  }

  static int[] oneHotOf(CircuitBuilder b, int[] t) {
    int smax = t.length - 1;
    int[] e = new int[smax + 1];
    for (int v = 0; v < smax; v++) {
      e[v] = b.threshold(new int[] {t[v], t[v + 1]}, new int[] {1, -1}, 1);
    }
    e[smax] = t[smax];
    return e;
  }

  /** Unit weights: the count of true wires. */
  public static int[] count(CircuitBuilder b, int[] x) {
    int[] w = new int[x.length];
    java.util.Arrays.fill(w, 1);
    return binary(b, x, w);
  }
}
