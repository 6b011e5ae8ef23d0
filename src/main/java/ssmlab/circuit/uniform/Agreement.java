package ssmlab.circuit.uniform;

import java.util.HashMap;
import java.util.Map;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.GateType;

/**
 * The check that a family describes a built circuit: the family's addresses, enumerated in build
 * order, are the builder's gate numbers 0, 1, 2, ... (the mapping between the two), and every
 * gate agrees in type, fan-in, threshold, weights and inputs (input addresses mapped to gate
 * numbers), as do the output bits.
 *
 * @param gatesChecked gates compared before the first difference (all of them when it agrees)
 * @param firstDifference the first difference in words; null when every gate agrees
 */
public record Agreement(long gatesChecked, String firstDifference) {

  public boolean agrees() {
    return firstDifference == null;
  }

  /**
   * Compares {@code family} with the gates of {@code built} (a verbatim builder, so that nothing
   * was simplified away) and its output bus {@code outputs}.
   */
  public static Agreement check(AddressedFamily family, CircuitBuilder built, int[] outputs) {
    Map<Long, Integer> idOf = new HashMap<>();
    long[] checked = {0};
    String[] diff = {null};
    family.forEachAddress(address -> {
      if (diff[0] != null) {
        return;
      }
      int id = (int) checked[0];
      if (id >= built.gateCount()) {
        diff[0] = "the builder made " + built.gateCount() + " gates; the family has more";
        return;
      }
      diff[0] = compare(family, address, built, id, idOf);
      if (diff[0] == null) {
        idOf.put(address, id);
        checked[0]++;
      }
    });
    if (diff[0] == null && checked[0] != built.gateCount()) {
      diff[0] = "the builder made " + built.gateCount() + " gates; the family has " + checked[0];
    }
    for (int i = 0; diff[0] == null && i < Math.max(outputs.length, family.outputBits()); i++) {
      Integer id = i < family.outputBits() ? idOf.get(family.output(i)) : null;
      if (i >= outputs.length || id == null || id != outputs[i]) {
        diff[0] = "output bit " + i + ": gate " + (i < outputs.length ? outputs[i] : "none")
            + " in the builder, " + (id == null ? "none" : "gate " + id) + " by the query";
      }
    }
    return new Agreement(checked[0], diff[0]);
  }

  private static String compare(AddressedFamily family, long address, CircuitBuilder built,
      int id, Map<Long, Integer> idOf) {
    String at = "gate " + id + " (address " + address + "): ";
    Gate g;
    try {
      g = family.gate(address);
    } catch (IllegalArgumentException e) {
      return at + e.getMessage();
    }
    GateType t = built.type(id);
    if (t != g.type()) {
      return at + "type " + t + " in the builder, " + g.type() + " by the query";
    }
    if (built.fanIn(id) != g.fanIn()) {
      return at + "fan-in " + built.fanIn(id) + " in the builder, " + g.fanIn() + " by the query";
    }
    if (t == GateType.THRESHOLD && built.threshold(id) != g.threshold()) {
      return at + "threshold " + built.threshold(id) + " in the builder, " + g.threshold()
          + " by the query";
    }
    for (int i = 0; i < g.fanIn(); i++) {
      Integer in = idOf.get(g.input(i));
      if (in == null || in != built.fanInWire(id, i)) {
        return at + "input " + i + " is gate " + built.fanInWire(id, i) + " in the builder, "
            + (in == null ? "address " + g.input(i) + " (not an earlier gate)" : "gate " + in)
            + " by the query";
      }
      if (built.weight(id, i) != g.weight(i)) {
        return at + "weight " + i + " is " + built.weight(id, i) + " in the builder, "
            + g.weight(i) + " by the query";
      }
    }
    return null;
  }
}
