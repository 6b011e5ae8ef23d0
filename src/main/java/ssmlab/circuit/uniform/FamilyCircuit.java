package ssmlab.circuit.uniform;

import java.util.HashMap;
import java.util.Map;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.GateType;

/**
 * The circuit a family describes, built from its queries alone (no builder code of the
 * construction runs): every address in build order becomes one verbatim gate. The input gates,
 * listed operand by operand, form ports {@code x0, x1, ...} of {@code width} bits; the output port
 * is {@code s}. Tests evaluate it against exact integer arithmetic.
 */
public final class FamilyCircuit {
  private FamilyCircuit() {}

  public static CircuitBuilder build(AddressedFamily family, int width) {
    CircuitBuilder b = CircuitBuilder.verbatim();
    Map<Long, Integer> wire = new HashMap<>();
    int[] inputs = {0};
    int[][] port = {null};
    family.forEachAddress(address -> {
      Gate g = family.gate(address);
      int[] in = new int[g.fanIn()];
      for (int i = 0; i < in.length; i++) {
        in[i] = wire.get(g.input(i));
      }
      int w = switch (g.type()) {
        case CONST0 -> CircuitBuilder.FALSE;
        case CONST1 -> CircuitBuilder.TRUE;
        case INPUT -> {
          int k = inputs[0]++;
          if (k % width == 0) {
            port[0] = b.input("x" + k / width, width);
          }
          yield port[0][k % width];
        }
        case NOT -> b.not(in[0]);
        case AND -> b.and(in);
        case OR -> b.or(in);
        case THRESHOLD -> b.threshold(in, weights(g), g.threshold());
        case MAJ -> throw new IllegalStateException("MAJ in a family");
      };
      wire.put(address, w);
    });
    int[] out = new int[family.outputBits()];
    for (int i = 0; i < out.length; i++) {
      out[i] = wire.get(family.output(i));
    }
    b.output("s", out);
    return b;
  }

  private static int[] weights(Gate g) {
    int[] w = new int[g.fanIn()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.toIntExact(g.weight(i));
    }
    return w;
  }
}
