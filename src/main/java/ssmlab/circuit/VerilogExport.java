package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;

/**
 * Structural Verilog-2001: one wire and one {@code assign} per gate; MAJ and THRESHOLD gates keep
 * their meaning as a sum of weighted bits compared with a constant (negative weights as
 * {@code |w|·~x} with the threshold raised), with explicit widths so nothing overflows. Icarus
 * Verilog, Verilator and Yosys read it.
 */
public final class VerilogExport {
  private VerilogExport() {}

  public static void write(Circuit c, String module, Writer w) throws IOException {
    Names n = new Names(c, false);
    w.write("// ssmlab circuit: " + c.stats().gates() + " gates, depth " + c.depth() + "\n");
    w.write("module " + Names.identifier(module) + "(");
    String sep = "";
    for (Port p : c.inputs()) {
      w.write(sep + "input [" + (p.width() - 1) + ":0] " + Names.identifier(p.name()));
      sep = ", ";
    }
    for (Port p : c.outputs()) {
      w.write(sep + "output [" + (p.width() - 1) + ":0] " + Names.identifier(p.name()));
      sep = ", ";
    }
    w.write(");\n");
    StringBuilder sb = new StringBuilder();
    for (int g = 2 + c.inputBits(); g < c.gateCount(); g++) {
      sb.setLength(0);
      sb.append("  wire g").append(g).append(" = ");
      expression(c, n, g, sb);
      sb.append(";\n");
      w.write(sb.toString());
    }
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        w.write("  assign " + Names.identifier(p.name()) + "[" + b + "] = "
            + net(n, p.wire(b)) + ";\n");
      }
    }
    w.write("endmodule\n");
  }

  private static String net(Names n, int g) {
    return g == 0 ? "1'b0" : g == 1 ? "1'b1" : n.of(g);
  }

  private static void expression(Circuit c, Names n, int g, StringBuilder sb) {
    int k = c.fanIn(g);
    switch (c.type(g)) {
      case NOT -> sb.append('~').append(net(n, c.fanInWire(g, 0)));
      case AND, OR -> {
        boolean and = c.type(g) == GateType.AND;
        if (k == 0) {
          // A verbatim builder keeps empty gates: AND() = 1, OR() = 0.
          sb.append(and ? "1'b1" : "1'b0");
          return;
        }
        String op = and ? " & " : " | ";
        for (int i = 0; i < k; i++) {
          sb.append(i == 0 ? "" : op).append(net(n, c.fanInWire(g, i)));
        }
      }
      case MAJ, THRESHOLD -> {
        long total = 0;
        long t = c.threshold(g);
        for (int i = 0; i < k; i++) {
          int wt = c.weight(g, i);
          total += Math.abs(wt);
          if (wt < 0) {
            t -= wt;
          }
        }
        // A threshold no input sum can reach (or none can miss) is a constant; writing it as a
        // comparison would truncate t to the sum's width.
        if (t <= 0 || t > total) {
          sb.append(t <= 0 ? "1'b1" : "1'b0");
          return;
        }
        int width = 64 - Long.numberOfLeadingZeros(total) + 1;
        sb.append('(');
        // Spaces around ? and : matter: '?' is a digit of based literals (1'b0?4'd1 is z).
        for (int i = 0; i < k; i++) {
          int wt = c.weight(g, i);
          sb.append(i == 0 ? "(" : "+(").append(wt < 0 ? "~" : "")
              .append(net(n, c.fanInWire(g, i))).append(" ? ").append(width).append("'d")
              .append(Math.abs(wt)).append(" : ").append(width).append("'d0)");
        }
        sb.append(") >= ").append(width).append("'d").append(t);
      }
      default -> throw new IllegalStateException("unexpected gate " + c.type(g));
    }
  }
}
