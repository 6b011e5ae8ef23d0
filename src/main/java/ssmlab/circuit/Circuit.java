package ssmlab.circuit;

import java.util.List;

/**
 * An immutable, levelised Boolean/threshold circuit in compressed sparse row form.
 *
 * <p>Gate ids are sorted by level: level 0 holds the constants (ids 0 and 1) and the input wires
 * (ids 2, 3, ... in port order), and level {@code l} is the id range {@code [levelStart(l),
 * levelStart(l+1))}. Gate {@code g}'s edge slots are {@code edges[start[g] .. start[g+1])}: its
 * inputs, followed for a weighted threshold gate by as many weights. One kind byte and one
 * threshold int per gate; no per-gate objects.
 */
public final class Circuit {
  final byte[] kind;
  final int[] start;
  final int[] edges;
  final int[] threshold;
  final int[] levelStart;
  private final List<Port> inputs;
  private final List<Port> outputs;
  private final int inputBits;

  Circuit(byte[] kind, int[] start, int[] edges, int[] threshold, int[] levelStart,
      List<Port> inputs, List<Port> outputs, int inputBits) {
    this.kind = kind;
    this.start = start;
    this.edges = edges;
    this.threshold = threshold;
    this.levelStart = levelStart;
    this.inputs = inputs;
    this.outputs = outputs;
    this.inputBits = inputBits;
  }

  /** All gates, constants and input wires included. */
  public int gateCount() {
    return kind.length;
  }

  /** Levels above the inputs (the depth with NOT gates counted). */
  public int depth() {
    return levelStart.length - 2;
  }

  public int levelStart(int level) {
    return levelStart[level];
  }

  public int levelEnd(int level) {
    return levelStart[level + 1];
  }

  public List<Port> inputs() {
    return inputs;
  }

  public List<Port> outputs() {
    return outputs;
  }

  /** The total width of the input ports: input wire {@code i} has gate id {@code 2 + i}. */
  public int inputBits() {
    return inputBits;
  }

  public int outputBits() {
    int n = 0;
    for (Port p : outputs) {
      n += p.width();
    }
    return n;
  }

  public Port input(String name) {
    return find(inputs, name);
  }

  public Port output(String name) {
    return find(outputs, name);
  }

  private static Port find(List<Port> ports, String name) {
    for (Port p : ports) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no port named " + name);
  }

  public GateType type(int g) {
    return GateType.of(kind[g]);
  }

  public int fanIn(int g) {
    return Levelizer.fanIn(kind[g], start[g], start[g + 1]);
  }

  /** The {@code i}-th input wire of gate {@code g}. */
  public int fanInWire(int g, int i) {
    return edges[start[g] + i];
  }

  /** The weight of the {@code i}-th input of a threshold or MAJ gate (1 unless weighted). */
  public int weight(int g, int i) {
    return kind[g] == GateType.K_TH ? edges[start[g] + fanIn(g) + i] : 1;
  }

  /** The threshold t of a THRESHOLD or MAJ gate [Σ w_i x_i ≥ t]; 0 for other gates. */
  public int threshold(int g) {
    return threshold[g];
  }

  /** Whether gate {@code g} stores explicit weights (a weighted THRESHOLD gate). */
  public boolean isWeighted(int g) {
    return kind[g] == GateType.K_TH;
  }

  /** Wires: the total fan-in over all gates. */
  public long wireCount() {
    long w = 0;
    for (int g = 0; g < kind.length; g++) {
      w += fanIn(g);
    }
    return w;
  }

  /** Heap bytes of the gate and edge arrays. */
  public long storageBytes() {
    return kind.length + 4L * (start.length + threshold.length + edges.length + levelStart.length);
  }

  public CircuitStats stats() {
    return CircuitStats.of(this);
  }
}
