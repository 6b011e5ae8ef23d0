package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_AND;
import static ssmlab.circuit.GateType.K_CONST0;
import static ssmlab.circuit.GateType.K_CONST1;
import static ssmlab.circuit.GateType.K_INPUT;
import static ssmlab.circuit.GateType.K_NOT;
import static ssmlab.circuit.GateType.K_OR;
import static ssmlab.circuit.GateType.K_TH;

import java.util.Arrays;

/**
 * Simplification as a separate pass: replays a builder's gates, in the order they were built,
 * through a fresh simplifying builder (constant folding, canonical forms, hash-consing).
 *
 * <p>A construction that never branches on which wire a call returned makes the same sequence of
 * NOT/AND/OR/threshold calls whether its builder is verbatim or simplifying, so replaying its
 * verbatim build gives, call for call, the builder it would have built directly: the two
 * circuits are identical gate for gate ({@link #firstDifference}).
 */
public final class Replay {
  private Replay() {}

  /** The simplified copy of {@code from}: same ports, every gate replayed in build order. */
  public static CircuitBuilder simplify(CircuitBuilder from) {
    CircuitBuilder to = new CircuitBuilder();
    int[] map = new int[from.count];
    map[1] = CircuitBuilder.TRUE;
    int port = 0;
    for (int g = 2; g < from.count; g++) {
      byte kd = from.kind[g];
      if (kd == K_INPUT) {
        if (map[g] == 0) {
          Port p = from.inputs.get(port++);
          int[] w = to.input(p.name(), p.width());
          for (int i = 0; i < w.length; i++) {
            map[p.wire(i)] = w[i];
          }
        }
        continue;
      }
      int s = from.start[g];
      int k = Levelizer.fanIn(kd, s, from.start[g + 1]);
      int[] in = new int[k];
      for (int i = 0; i < k; i++) {
        in[i] = map[from.edges[s + i]];
      }
      map[g] = switch (kd) {
        case K_CONST0, K_CONST1 -> throw new IllegalStateException("constant gate " + g);
        case K_NOT -> to.not(in[0]);
        case K_AND -> to.and(in);
        case K_OR -> to.or(in);
        case K_TH -> to.threshold(in, Arrays.copyOfRange(from.edges, s + k, s + 2 * k),
            from.threshold[g]);
        default -> to.atLeast(in, from.threshold[g]); // MAJ and unit-weight thresholds
      };
    }
    for (Port p : from.outputs) {
      int[] w = new int[p.width()];
      for (int i = 0; i < w.length; i++) {
        w[i] = map[p.wire(i)];
      }
      to.output(p.name(), w);
    }
    return to;
  }

  /**
   * Where two circuits first differ (gate count, a gate's kind, inputs, weights or threshold, a
   * port), in words; null when they are identical.
   */
  public static String firstDifference(Circuit a, Circuit b) {
    if (a.gateCount() != b.gateCount()) {
      return "gate counts " + a.gateCount() + " and " + b.gateCount();
    }
    if (!Arrays.equals(a.levelStart, b.levelStart)) {
      return "levels differ";
    }
    for (int g = 0; g < a.gateCount(); g++) {
      if (a.kind[g] != b.kind[g] || a.threshold[g] != b.threshold[g]
          || !Arrays.equals(a.edges, a.start[g], a.start[g + 1], b.edges, b.start[g],
              b.start[g + 1])) {
        return "gate " + g + ": " + a.type(g) + " and " + b.type(g);
      }
    }
    if (!a.inputs().equals(b.inputs()) || !a.outputs().equals(b.outputs())) {
      return "ports differ";
    }
    return null;
  }
}
