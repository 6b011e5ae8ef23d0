package ssmlab.compile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.GateType;

/**
 * One block of a verbatim build (the gates one call appended) stored position-independently:
 * each gate's type, threshold and weights, its inputs as codes (an offset in the block, a
 * constant, or bit j of operand i), and the result bus in the same codes. A block is a constant
 * of the compiled model (independent of n), what {@link MambaFamily} hard-wires.
 *
 * @param types the gates' types
 * @param thresholds their thresholds
 * @param inputs their inputs' codes
 * @param weights their weights (null for unweighted gates)
 * @param result the result bus's codes
 */
record GateBlock(GateType[] types, int[] thresholds, long[][] inputs, int[][] weights,
    long[] result) {
  /** The code of constant false. */
  static final long FALSE = -1;
  /** The code of constant true. */
  static final long TRUE = -2;

  /** The code of bit j of operand i of a block whose operands are {@code width} bits wide. */
  static long operandBit(int i, int j, int width) {
    return -(3 + (long) i * width + j);
  }

  /** Operand i of a code below {@link #TRUE}. */
  static int operand(long code, int width) {
    return (int) ((-code - 3) / width);
  }

  /** Bit j of a code below {@link #TRUE}. */
  static int bit(long code, int width) {
    return (int) ((-code - 3) % width);
  }

  int size() {
    return types.length;
  }

  /**
   * The block of gates first .. first + gates − 1 of {@code b}, whose inputs outside the block
   * must be constants or the bits of {@code operands} (buses of one width).
   *
   * @throws IllegalStateException when a gate reads anything else
   */
  static GateBlock of(CircuitBuilder b, int first, int gates, int[][] operands, int[] result) {
    Map<Integer, Long> codes = new HashMap<>();
    for (int i = 0; i < operands.length; i++) {
      for (int j = 0; j < operands[i].length; j++) {
        codes.putIfAbsent(operands[i][j], operandBit(i, j, operands[0].length));
      }
    }
    GateType[] types = new GateType[gates];
    int[] thresholds = new int[gates];
    long[][] inputs = new long[gates][];
    int[][] weights = new int[gates][];
    for (int g = 0; g < gates; g++) {
      int id = first + g;
      types[g] = b.type(id);
      thresholds[g] = b.threshold(id);
      int fanIn = b.fanIn(id);
      inputs[g] = new long[fanIn];
      for (int i = 0; i < fanIn; i++) {
        inputs[g][i] = code(b.fanInWire(id, i), first, gates, codes);
      }
      if (types[g] == GateType.THRESHOLD) {
        weights[g] = new int[fanIn];
        for (int i = 0; i < fanIn; i++) {
          weights[g][i] = b.weight(id, i);
        }
      }
    }
    long[] out = Arrays.stream(result).mapToLong(w -> code(w, first, gates, codes)).toArray();
    return new GateBlock(types, thresholds, inputs, weights, out);
  }

  private static long code(int wire, int first, int gates, Map<Integer, Long> codes) {
    if (wire == CircuitBuilder.FALSE) {
      return FALSE;
    }
    if (wire == CircuitBuilder.TRUE) {
      return TRUE;
    }
    if (wire >= first && wire < first + gates) {
      return wire - first;
    }
    Long c = codes.get(wire);
    if (c == null) {
      throw new IllegalStateException("gate " + wire + " read by the block at " + first
          + " is neither in it, a constant, nor an operand's bit");
    }
    return c;
  }

  /** A hash of the contents, consistent with {@link #sameAs}. */
  int contentHash() {
    return Arrays.hashCode(new int[] {Arrays.hashCode(types), Arrays.hashCode(thresholds),
        Arrays.deepHashCode(inputs), Arrays.deepHashCode(weights), Arrays.hashCode(result)});
  }

  /** Whether two blocks are the same gates with the same codes. */
  boolean sameAs(GateBlock o) {
    return Arrays.equals(types, o.types) && Arrays.equals(thresholds, o.thresholds)
        && Arrays.deepEquals(inputs, o.inputs) && Arrays.deepEquals(weights, o.weights)
        && Arrays.equals(result, o.result);
  }
}
