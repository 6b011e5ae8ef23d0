package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_AND;
import static ssmlab.circuit.GateType.K_CONST0;
import static ssmlab.circuit.GateType.K_CONST1;
import static ssmlab.circuit.GateType.K_INPUT;
import static ssmlab.circuit.GateType.K_MAJ;
import static ssmlab.circuit.GateType.K_NOT;
import static ssmlab.circuit.GateType.K_OR;
import static ssmlab.circuit.GateType.K_TH;
import static ssmlab.circuit.GateType.K_TH_UNIT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a circuit gate by gate: every call returns an int wire id, equal gates get equal ids
 * (structural hashing) and gates with constant or redundant inputs are folded.
 *
 * <p>Canonical forms, so that equal functions written differently share a gate as often as is
 * cheap: AND/OR inputs are sorted and deduplicated, {@code x ∧ ¬x = 0}; a threshold gate folds its
 * constant inputs into the threshold, merges repeated inputs (and {@code x, ¬x} pairs) into one
 * weight, divides the weights by their gcd, and becomes a constant, a wire, a NOT, an AND, an OR or
 * a MAJ when it computes one.
 *
 * <p>A <em>levelled</em> builder ({@link #levelled()}) keeps the depth of a construction: where a
 * gate over variable wires would collapse into one of its inputs (a threshold or AND/OR left with
 * one input, or one input that alone decides), it becomes a one-input AND, a buffer, instead.
 * Constants still propagate and equal gates are still shared. Compiled models use it to measure
 * the depth of the circuit family as constructed, which local simplification of small instances
 * would otherwise shorten.
 *
 * <p>A <em>verbatim</em> builder ({@link #verbatim()}) simplifies nothing: every NOT, AND, OR and
 * threshold call appends one new gate with its inputs in the order given, constants and repeats
 * included (a threshold call always stores its weights). It builds a construction as written, the
 * circuit an addressed family (package {@code ssmlab.circuit.uniform}) describes gate by gate;
 * {@link Replay} turns it into the simplified circuit.
 *
 * <p>Storage is struct-of-arrays (a kind byte, an edge offset, a threshold and a hash per gate, one
 * int per edge, one more per weight of a weighted threshold gate) with an open-addressing hash
 * table on int arrays, so 10^8 wires fit in a few GiB. Not thread-safe.
 */
public final class CircuitBuilder {
  /** The constant false wire. */
  public static final int FALSE = 0;
  /** The constant true wire. */
  public static final int TRUE = 1;

  byte[] kind = new byte[1024];
  int[] start = new int[1025];
  int[] threshold = new int[1024];
  private int[] hash = new int[1024];
  int count;
  int[] edges = new int[4096];
  int edgeCount;

  private int[] table = new int[2048];
  final List<Port> inputs = new ArrayList<>();
  final List<Port> outputs = new ArrayList<>();
  private final Set<String> portNames = new HashSet<>();
  private int inputBits;

  private int[] bufIn = new int[64];
  private int[] bufW = new int[64];
  private long[] bufPairs = new long[64];

  private final boolean levelled;
  private final boolean verbatim;

  public CircuitBuilder() {
    this(false, false);
  }

  private CircuitBuilder(boolean levelled, boolean verbatim) {
    this.levelled = levelled;
    this.verbatim = verbatim;
    append(K_CONST0, 0, 0);
    append(K_CONST1, 0, 0);
  }

  /** A builder that appends every gate as asked, simplifying and sharing nothing. */
  public static CircuitBuilder verbatim() {
    return new CircuitBuilder(false, true);
  }

  public boolean isVerbatim() {
    return verbatim;
  }

  /** A builder that keeps buffers where simplification would shorten a path (class Javadoc). */
  public static CircuitBuilder levelled() {
    return new CircuitBuilder(true, false);
  }

  public boolean isLevelled() {
    return levelled;
  }

  /** In a levelled builder a one-input AND of a variable wire; otherwise the wire itself. */
  private int collapsed(int a) {
    if (!levelled || a == FALSE || a == TRUE) {
      return a;
    }
    bufIn[0] = a;
    return intern(K_AND, 0, bufIn, null, 1);
  }

  /** The constant wire for {@code value}. */
  public static int constant(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Declares an input bus of {@code width} fresh input wires, LSB first. */
  public int[] input(String name, int width) {
    claimName(name);
    int[] w = new int[width];
    for (int i = 0; i < width; i++) {
      w[i] = append(K_INPUT, 0, 0);
    }
    inputBits += width;
    inputs.add(new Port(name, w));
    return w;
  }

  /** Declares an output bus. */
  public void output(String name, int... wires) {
    claimName(name);
    for (int w : wires) {
      checkWire(w);
    }
    outputs.add(new Port(name, wires));
  }

  /** Declares a one-bit output. */
  public void output(String name, int wire) {
    output(name, new int[] {wire});
  }

  private void claimName(String name) {
    if (!portNames.add(name)) {
      throw new IllegalArgumentException("port name used twice: " + name);
    }
  }

  /** The number of gates so far, constants and inputs included. */
  public int gateCount() {
    return count;
  }

  public GateType type(int wire) {
    checkWire(wire);
    return GateType.of(kind[wire]);
  }

  /** The number of inputs of the gate that drives {@code wire}. */
  public int fanIn(int wire) {
    checkWire(wire);
    return Levelizer.fanIn(kind[wire], start[wire], start[wire + 1]);
  }

  /** The {@code i}-th input wire of the gate that drives {@code wire}. */
  public int fanInWire(int wire, int i) {
    return edges[start[wire] + i];
  }

  /** The weight of its {@code i}-th input (1 unless the gate stores weights). */
  public int weight(int wire, int i) {
    return kind[wire] == K_TH ? edges[start[wire] + fanIn(wire) + i] : 1;
  }

  /** The threshold t of a THRESHOLD or MAJ gate; 0 for other gates. */
  public int threshold(int wire) {
    checkWire(wire);
    return threshold[wire];
  }

  public int not(int a) {
    checkWire(a);
    if (verbatim) {
      return appendGate(K_NOT, 0, new int[] {a}, null, 1);
    }
    return switch (kind[a]) {
      case K_CONST0 -> TRUE;
      case K_CONST1 -> FALSE;
      case K_NOT -> edges[start[a]];
      default -> {
        bufIn[0] = a;
        yield intern(K_NOT, 0, bufIn, null, 1);
      }
    };
  }

  public int and(int a, int b) {
    return and(new int[] {a, b});
  }

  public int or(int a, int b) {
    return or(new int[] {a, b});
  }

  /** AND of any number of wires; AND of none is true. Not modified. */
  public int and(int... in) {
    return andOr(in, in.length, true);
  }

  /** OR of any number of wires; OR of none is false. Not modified. */
  public int or(int... in) {
    return andOr(in, in.length, false);
  }

  /** AND of the first {@code n} wires of {@code in}. Not modified. */
  public int and(int[] in, int n) {
    return andOr(in, n, true);
  }

  /** OR of the first {@code n} wires of {@code in}. Not modified. */
  public int or(int[] in, int n) {
    return andOr(in, n, false);
  }

  public int xor(int a, int b) {
    return or(and(a, not(b)), and(not(a), b));
  }

  public int xnor(int a, int b) {
    return or(and(a, b), and(not(a), not(b)));
  }

  /** {@code s ? a : b}. */
  public int mux(int s, int a, int b) {
    return or(and(s, a), and(not(s), b));
  }

  /** MAJ: [Σ x_i ≥ ⌈k/2⌉], canonicalised like any threshold gate. Not modified. */
  public int majority(int... in) {
    return atLeast(in, (in.length + 1) / 2);
  }

  /** [Σ x_i ≥ t] with unit weights. Not modified. */
  public int atLeast(int[] in, int t) {
    int[] w = new int[in.length];
    Arrays.fill(w, 1);
    return threshold(in, w, t);
  }

  /**
   * A MAJ gate stored as given (inputs sorted, repeats and constants kept): the target of the
   * weighted-threshold-to-MAJ lowering. Not modified.
   */
  public int majorityVerbatim(int[] in) {
    if (in.length == 0) {
      return TRUE;
    }
    for (int w : in) {
      checkWire(w);
    }
    ensureBuf(in.length);
    System.arraycopy(in, 0, bufIn, 0, in.length);
    Arrays.sort(bufIn, 0, in.length);
    return intern(K_MAJ, (in.length + 1) / 2, bufIn, null, in.length);
  }

  /**
   * The threshold gate [Σ w_i x_i ≥ t]. Weights are integers of either sign; Σ|w_i| and |t| must
   * stay below 2^31. Not modified.
   */
  public int threshold(int[] in, int[] w, long t) {
    if (in.length != w.length) {
      throw new IllegalArgumentException("threshold gate: " + in.length + " inputs but "
          + w.length + " weights");
    }
    int n = in.length;
    if (verbatim) {
      for (int x : in) {
        checkWire(x);
      }
      return appendGate(K_TH, (int) t, in, w, n);
    }
    ensureBuf(n);
    // Pack (input, weight) pairs in longs so one sort orders them by input.
    long[] pairs = bufPairs;
    int k = 0;
    for (int i = 0; i < n; i++) {
      checkWire(in[i]);
      if (w[i] == 0 || in[i] == FALSE) {
        continue;
      }
      if (in[i] == TRUE) {
        t -= w[i];
        continue;
      }
      pairs[k++] = ((long) in[i] << 32) | (w[i] & 0xffffffffL);
    }
    Arrays.sort(pairs, 0, k);
    int[] ins = bufIn;
    long[] ws = new long[k];
    int m = 0;
    for (int i = 0; i < k; i++) {
      int x = (int) (pairs[i] >>> 32);
      int wi = (int) pairs[i];
      if (m > 0 && ins[m - 1] == x) {
        ws[m - 1] += wi;
      } else {
        ins[m] = x;
        ws[m++] = wi;
      }
    }
    // w_x·¬y + w_y·y = w_x + (w_y − w_x)·y, where x = ¬y.
    for (int i = 0; i < m; i++) {
      if (kind[ins[i]] == K_NOT && ws[i] != 0) {
        int j = Arrays.binarySearch(ins, 0, m, edges[start[ins[i]]]);
        if (j >= 0) {
          t -= ws[i];
          ws[j] -= ws[i];
          ws[i] = 0;
        }
      }
    }
    long min = 0;
    long max = 0;
    long gcd = 0;
    int nz = 0;
    for (int i = 0; i < m; i++) {
      if (ws[i] == 0) {
        continue;
      }
      ins[nz] = ins[i];
      ws[nz++] = ws[i];
      if (ws[i] < 0) {
        min += ws[i];
      } else {
        max += ws[i];
      }
      gcd = gcd(gcd, Math.abs(ws[i]));
    }
    m = nz;
    if (t <= min) {
      return TRUE;
    }
    if (t > max) {
      return FALSE;
    }
    if (max - min > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("threshold gate weights too large: sum of |w| = "
          + (max - min));
    }
    if (gcd > 1) {
      for (int i = 0; i < m; i++) {
        ws[i] /= gcd;
      }
      t = Math.ceilDiv(t, gcd);
      min /= gcd;
      max /= gcd;
    }
    if (m == 1) {
      return ws[0] > 0 ? collapsed(ins[0]) : not(ins[0]);
    }
    boolean allPositive = min == 0;
    long minW = Long.MAX_VALUE;
    boolean unit = true;
    for (int i = 0; i < m; i++) {
      minW = Math.min(minW, ws[i]);
      unit &= ws[i] == 1;
    }
    if (allPositive && t > max - minW) {
      return andOr(ins.clone(), m, true);
    }
    if (allPositive && t <= minW) {
      return andOr(ins.clone(), m, false);
    }
    for (int i = 0; allPositive && i < m; i++) {
      if (ws[i] >= t && max - ws[i] < t) {
        return collapsed(ins[i]); // x_i alone decides
      }
    }
    if (unit) {
      byte kd = t == (m + 1) / 2 ? K_MAJ : K_TH_UNIT;
      return intern(kd, (int) t, ins, null, m);
    }
    int[] wi = bufW;
    for (int i = 0; i < m; i++) {
      wi[i] = (int) ws[i];
    }
    return intern(K_TH, (int) t, ins, wi, m);
  }

  private int andOr(int[] in, int n, boolean isAnd) {
    if (verbatim) {
      for (int i = 0; i < n; i++) {
        checkWire(in[i]);
      }
      return appendGate(isAnd ? K_AND : K_OR, 0, in, null, n);
    }
    int absorbing = isAnd ? FALSE : TRUE;
    int neutral = isAnd ? TRUE : FALSE;
    ensureBuf(n);
    int[] b = bufIn;
    int k = 0;
    for (int i = 0; i < n; i++) {
      int x = in[i];
      checkWire(x);
      if (x == absorbing) {
        return absorbing;
      }
      if (x != neutral) {
        b[k++] = x;
      }
    }
    Arrays.sort(b, 0, k);
    int m = 0;
    for (int i = 0; i < k; i++) {
      if (m == 0 || b[m - 1] != b[i]) {
        b[m++] = b[i];
      }
    }
    if (m == 0) {
      return neutral;
    }
    if (m == 1) {
      return collapsed(b[0]);
    }
    for (int i = 0; i < m; i++) {
      if (kind[b[i]] == K_NOT && Arrays.binarySearch(b, 0, m, edges[start[b[i]]]) >= 0) {
        return absorbing;
      }
    }
    return intern(isAnd ? K_AND : K_OR, 0, b, null, m);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  private void checkWire(int w) {
    if (w < 0 || w >= count) {
      throw new IllegalArgumentException("no such wire: " + w);
    }
  }

  private void ensureBuf(int n) {
    if (bufIn.length < n) {
      int c = Math.max(n, bufIn.length * 2);
      bufIn = new int[c];
      bufW = new int[c];
      bufPairs = new long[c];
    }
  }

  /** Returns the gate with these fields, creating it if it is new. */
  private int intern(byte kd, int t, int[] in, int[] w, int k) {
    int h = hashOf(kd, t, in, w, k);
    int mask = table.length - 1;
    int idx = h & mask;
    for (int g; (g = table[idx]) != 0; idx = (idx + 1) & mask) {
      if (hash[g] == h && kind[g] == kd && threshold[g] == t && sameEdges(g, in, w, k)) {
        return g;
      }
    }
    int g = appendGate(kd, t, in, w, k);
    hash[g] = h;
    table[idx] = g;
    if (2L * count > table.length) {
      rehash();
    }
    return g;
  }

  /** Appends a gate with these fields, shared with no other. */
  private int appendGate(byte kd, int t, int[] in, int[] w, int k) {
    int g = append(kd, t, k * (w == null ? 1 : 2));
    int s = start[g];
    System.arraycopy(in, 0, edges, s, k);
    if (w != null) {
      System.arraycopy(w, 0, edges, s + k, k);
    }
    return g;
  }

  private boolean sameEdges(int g, int[] in, int[] w, int k) {
    int s = start[g];
    int len = start[g + 1] - s;
    if (len != k * (w == null ? 1 : 2)) {
      return false;
    }
    if (!Arrays.equals(edges, s, s + k, in, 0, k)) {
      return false;
    }
    return w == null || Arrays.equals(edges, s + k, s + 2 * k, w, 0, k);
  }

  private static int hashOf(byte kd, int t, int[] in, int[] w, int k) {
    long h = kd * 0x9E3779B97F4A7C15L + t;
    for (int i = 0; i < k; i++) {
      h = (h ^ in[i]) * 0xBF58476D1CE4E5B9L;
      if (w != null) {
        h = (h ^ w[i]) * 0x94D049BB133111EBL;
      }
    }
    h ^= h >>> 31;
    int r = (int) (h ^ (h >>> 32));
    return r == 0 ? 1 : r;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int g = 2; g < count; g++) {
      if (kind[g] == K_INPUT) {
        continue;
      }
      int idx = hash[g] & mask;
      while (t[idx] != 0) {
        idx = (idx + 1) & mask;
      }
      t[idx] = g;
    }
    table = t;
  }

  private int append(byte kd, int t, int edgeSlots) {
    if (count == kind.length) {
      int c = grow(kind.length);
      kind = Arrays.copyOf(kind, c);
      start = Arrays.copyOf(start, c + 1);
      threshold = Arrays.copyOf(threshold, c);
      hash = Arrays.copyOf(hash, c);
    }
    if ((long) edgeCount + edgeSlots > edges.length) {
      long need = (long) edgeCount + edgeSlots;
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("circuit too large: more than 2^31 edge slots");
      }
      edges = Arrays.copyOf(edges, (int) Math.max(need, grow(edges.length)));
    }
    int g = count++;
    kind[g] = kd;
    threshold[g] = t;
    start[g] = edgeCount;
    edgeCount += edgeSlots;
    start[g + 1] = edgeCount;
    return g;
  }

  private static int grow(int n) {
    return (int) Math.min(Integer.MAX_VALUE - 16, n + (n >> 1) + 16);
  }

  /** The immutable, levelised circuit: only gates an output depends on are kept. */
  public Circuit build() {
    return Levelizer.build(this, List.copyOf(inputs), List.copyOf(outputs), inputBits);
  }
}
