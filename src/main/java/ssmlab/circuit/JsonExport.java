package ssmlab.circuit;

import java.io.IOException;
import java.io.Writer;

/**
 * The whole circuit as JSON, streamed: ports with their wire ids, then one object per gate in id
 * order ({@code id}, {@code type}, {@code in}; weights {@code w} and threshold {@code t} for MAJ
 * and THRESHOLD gates). Gate ids are levelised: every input id is smaller than the gate's.
 */
public final class JsonExport {
  private JsonExport() {}

  public static void write(Circuit c, Writer w) throws IOException {
    w.write("{\"format\":\"ssmlab-circuit-1\",\"inputs\":");
    ports(c.inputs(), w);
    w.write(",\"outputs\":");
    ports(c.outputs(), w);
    w.write(",\"gates\":[\n");
    StringBuilder sb = new StringBuilder();
    for (int g = 0; g < c.gateCount(); g++) {
      sb.setLength(0);
      sb.append(g == 0 ? "" : ",\n").append("{\"id\":").append(g).append(",\"type\":\"")
          .append(c.type(g)).append('"');
      int k = c.fanIn(g);
      if (k > 0) {
        sb.append(",\"in\":[");
        for (int i = 0; i < k; i++) {
          sb.append(i == 0 ? "" : ",").append(c.fanInWire(g, i));
        }
        sb.append(']');
      }
      GateType t = c.type(g);
      if (t == GateType.THRESHOLD || t == GateType.MAJ) {
        sb.append(",\"w\":[");
        for (int i = 0; i < k; i++) {
          sb.append(i == 0 ? "" : ",").append(c.weight(g, i));
        }
        sb.append("],\"t\":").append(c.threshold(g));
      }
      w.write(sb.append('}').toString());
    }
    w.write("\n]}\n");
  }

  private static void ports(java.util.List<Port> ports, Writer w) throws IOException {
    w.write('[');
    for (int i = 0; i < ports.size(); i++) {
      Port p = ports.get(i);
      w.write((i == 0 ? "" : ",") + "{\"name\":\"" + escape(p.name()) + "\",\"wires\":[");
      for (int b = 0; b < p.width(); b++) {
        w.write((b == 0 ? "" : ",") + p.wire(b));
      }
      w.write("]}");
    }
    w.write(']');
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
