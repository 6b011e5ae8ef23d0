package ssmlab.circuit;

/**
 * The slow, obvious evaluator: one input vector, one boolean per gate, each gate by its
 * definition. The bit-parallel evaluator and the exports are tested against it.
 */
public final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  /**
   * The value of every gate.
   *
   * @param in input wire i's value at index i, inputs in port order. Not modified.
   */
  public static boolean[] evaluateAll(Circuit c, boolean[] in) {
    if (in.length != c.inputBits()) {
      throw new IllegalArgumentException("expected " + c.inputBits() + " input bits");
    }
    boolean[] val = new boolean[c.gateCount()];
    val[1] = true;
    System.arraycopy(in, 0, val, 2, in.length);
    for (int g = 2 + in.length; g < c.gateCount(); g++) {
      int k = c.fanIn(g);
      val[g] = switch (c.type(g)) {
        case NOT -> !val[c.fanInWire(g, 0)];
        case AND -> {
          boolean r = true;
          for (int i = 0; i < k; i++) {
            r &= val[c.fanInWire(g, i)];
          }
          yield r;
        }
        case OR -> {
          boolean r = false;
          for (int i = 0; i < k; i++) {
            r |= val[c.fanInWire(g, i)];
          }
          yield r;
        }
        case MAJ, THRESHOLD -> {
          long sum = 0;
          for (int i = 0; i < k; i++) {
            sum += val[c.fanInWire(g, i)] ? c.weight(g, i) : 0;
          }
          yield sum >= c.threshold(g);
        }
        default -> throw new IllegalStateException("unexpected gate " + c.type(g));
      };
    }
    return val;
  }

  /** The output bits, output ports in order, LSB first. Not modified. */
  public static boolean[] evaluate(Circuit c, boolean[] in) {
    boolean[] val = evaluateAll(c, in);
    boolean[] out = new boolean[c.outputBits()];
    int o = 0;
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        out[o++] = val[p.wire(b)];
      }
    }
    return out;
  }
}
