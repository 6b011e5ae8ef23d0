package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;

/**
 * BLIF for AND/OR/NOT circuits of fan-in at most {@link #MAX_INPUTS} (lower threshold gates and
 * split wide gates first with {@link Lowering#toAndOr(Circuit, int)}): one {@code .names} cover
 * per gate; an OR is written by its off-set ({@code 00…0 0}).
 */
public final class BlifExport {
  /** The most inputs of one cover: Yosys's {@code read_blif} refuses wider ones. */
  public static final int MAX_INPUTS = 12;

  private BlifExport() {}

  public static void write(Circuit c, String model, Writer w) throws IOException {
    Names n = new Names(c, true);
    w.write(".model " + Names.identifier(model) + "\n.inputs");
    for (int i = 0; i < c.inputBits(); i++) {
      w.write(" " + n.of(2 + i));
    }
    w.write("\n.outputs");
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        w.write(" " + Names.bit(Names.identifier(p.name()), b, true));
      }
    }
    w.write("\n.names c0\n.names c1\n1\n");
    for (int g = 2 + c.inputBits(); g < c.gateCount(); g++) {
      int k = c.fanIn(g);
      if (k > MAX_INPUTS) {
        throw new IllegalArgumentException("BLIF covers have at most " + MAX_INPUTS
            + " inputs: split wide gates first (Lowering.toAndOr(c, " + MAX_INPUTS + "))");
      }
      StringBuilder sb = new StringBuilder(".names");
      for (int i = 0; i < k; i++) {
        sb.append(' ').append(net(n, c.fanInWire(g, i)));
      }
      sb.append(" g").append(g).append('\n');
      switch (c.type(g)) {
        case NOT -> sb.append("0 1\n");
        case AND -> sb.append("1".repeat(k)).append(" 1\n");
        case OR -> sb.append("0".repeat(k)).append(" 0\n");
        default -> throw new IllegalArgumentException(
            "BLIF needs AND/OR/NOT gates: lower threshold gates first");
      }
      w.write(sb.toString());
    }
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        w.write(".names " + net(n, p.wire(b)) + " "
            + Names.bit(Names.identifier(p.name()), b, true) + "\n1 1\n");
      }
    }
    w.write(".end\n");
  }

  private static String net(Names n, int g) {
    return g == 0 ? "c0" : g == 1 ? "c1" : n.of(g);
  }
}
