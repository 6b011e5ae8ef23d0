package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;

/**
 * ISCAS BENCH for AND/OR/NOT circuits (lower threshold gates first with
 * {@link Lowering#toAndOr}): {@code INPUT(x)}, {@code OUTPUT(y)}, {@code g = AND(a, b, …)}. The
 * constants are made from the first input ({@code c0 = AND(x, NOT x)}).
 */
public final class BenchExport {
  private BenchExport() {}

  public static void write(Circuit c, Writer w) throws IOException {
    Names n = new Names(c, true);
    w.write("# ssmlab circuit\n");
    for (int i = 0; i < c.inputBits(); i++) {
      w.write("INPUT(" + n.of(2 + i) + ")\n");
    }
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        w.write("OUTPUT(" + Names.bit(Names.identifier(p.name()), b, true) + ")\n");
      }
    }
    if (c.inputBits() > 0) {
      String x = n.of(2);
      w.write("cn = NOT(" + x + ")\nc0 = AND(" + x + ", cn)\nc1 = NOT(c0)\n");
    } else {
      throw new IllegalArgumentException("BENCH export needs at least one input");
    }
    for (int g = 2 + c.inputBits(); g < c.gateCount(); g++) {
      String op = switch (c.type(g)) {
        case NOT -> "NOT";
        case AND -> "AND";
        case OR -> "OR";
        default -> throw new IllegalArgumentException(
            "BENCH needs AND/OR/NOT gates: lower threshold gates first");
      };
      StringBuilder sb = new StringBuilder("g").append(g).append(" = ").append(op).append('(');
      for (int i = 0; i < c.fanIn(g); i++) {
        sb.append(i == 0 ? "" : ", ").append(net(n, c.fanInWire(g, i)));
      }
      w.write(sb.append(")\n").toString());
    }
    for (Port p : c.outputs()) {
      for (int b = 0; b < p.width(); b++) {
        w.write(Names.bit(Names.identifier(p.name()), b, true) + " = BUFF("
            + net(n, p.wire(b)) + ")\n");
      }
    }
  }

  private static String net(Names n, int g) {
    return g == 0 ? "c0" : g == 1 ? "c1" : n.of(g);
  }
}
