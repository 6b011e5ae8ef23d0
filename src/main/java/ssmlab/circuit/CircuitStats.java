package ssmlab.circuit;

import java.util.EnumMap;
import java.util.Map;

/**
 * Size and depth figures of a circuit.
 *
 * @param gates logic gates: NOT, AND, OR, MAJ and THRESHOLD (inputs and constants not counted)
 * @param size logic gates without NOT (the usual circuit-complexity size)
 * @param wires total fan-in of the logic gates
 * @param depth longest input-to-output path, NOT gates counted
 * @param depthWithoutNot the same with NOT gates counted as depth 0
 * @param maxFanIn the largest fan-in
 * @param maxWeight the largest |weight| of a threshold gate (1 when all are unit weights)
 * @param inputs input wires
 * @param outputs output wires
 * @param counts gates by type
 * @param storageBytes heap bytes of the circuit's arrays
 */
public record CircuitStats(long gates, long size, long wires, int depth, int depthWithoutNot,
    int maxFanIn, long maxWeight, int inputs, int outputs, Map<GateType, Long> counts,
    long storageBytes) {

  static CircuitStats of(Circuit c) {
    int n = c.gateCount();
    long[] byType = new long[GateType.values().length];
    long wires = 0;
    int maxFanIn = 0;
    long maxWeight = 0;
    int[] depthNoNot = new int[n];
    int dn = 0;
    for (int g = 0; g < n; g++) {
      GateType t = c.type(g);
      byType[t.ordinal()]++;
      if (t == GateType.INPUT || t == GateType.CONST0 || t == GateType.CONST1) {
        continue;
      }
      int k = c.fanIn(g);
      wires += k;
      maxFanIn = Math.max(maxFanIn, k);
      int d = 0;
      for (int i = 0; i < k; i++) {
        d = Math.max(d, depthNoNot[c.fanInWire(g, i)]);
        if (t == GateType.THRESHOLD || t == GateType.MAJ) {
          maxWeight = Math.max(maxWeight, Math.abs((long) c.weight(g, i)));
        }
      }
      depthNoNot[g] = t == GateType.NOT ? d : d + 1;
      dn = Math.max(dn, depthNoNot[g]);
    }
    Map<GateType, Long> counts = new EnumMap<>(GateType.class);
    for (GateType t : GateType.values()) {
      if (t != GateType.CONST0 && t != GateType.CONST1 && t != GateType.INPUT) {
        counts.put(t, byType[t.ordinal()]);
      }
    }
    long gates = n - byType[GateType.INPUT.ordinal()] - 2;
    long size = gates - byType[GateType.NOT.ordinal()];
    return new CircuitStats(gates, size, wires, c.depth(), dn, maxFanIn, maxWeight,
        c.inputBits(), c.outputBits(), counts, c.storageBytes());
  }
}
