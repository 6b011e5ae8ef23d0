package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;

/** Graphviz DOT for small circuits: one node per gate, ranked by level, weights on edges. */
public final class DotExport {
  /** Larger circuits are refused: the drawing would be unreadable. */
  public static final int MAX_GATES = 5000;

  private DotExport() {}

  public static void write(Circuit c, Writer w) throws IOException {
    if (c.gateCount() > MAX_GATES) {
      throw new IllegalArgumentException("DOT export is for small circuits (at most " + MAX_GATES
          + " gates; this one has " + c.gateCount() + ")");
    }
    Names n = new Names(c, true);
    w.write("digraph circuit {\n  rankdir=BT;\n  node [shape=box, fontsize=10];\n");
    for (int l = 0; l <= c.depth(); l++) {
      w.write("  { rank=same;");
      for (int g = c.levelStart(l); g < c.levelEnd(l); g++) {
        w.write(" n" + g);
      }
      w.write(" }\n");
    }
    for (int g = 0; g < c.gateCount(); g++) {
      String label = switch (c.type(g)) {
        case CONST0 -> "0";
        case CONST1 -> "1";
        case INPUT -> n.of(g);
        case THRESHOLD, MAJ -> c.type(g) + " ≥" + c.threshold(g);
        default -> c.type(g).toString();
      };
      w.write("  n" + g + " [label=\"" + label + "\"];\n");
      for (int i = 0; i < c.fanIn(g); i++) {
        w.write("  n" + c.fanInWire(g, i) + " -> n" + g
            + (c.isWeighted(g) ? " [label=\"" + c.weight(g, i) + "\"]" : "") + ";\n");
      }
    }
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        String o = Names.bit(Names.identifier(p.name()), b, true);
        w.write("  " + o + " [shape=plaintext];\n  n" + p.wire(b) + " -> " + o + ";\n");
      }
    }
    w.write("}\n");
  }
}
