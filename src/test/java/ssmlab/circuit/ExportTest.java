package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the exports back with small interpreters and compares them with the evaluator. */
final class ExportTest {
  @TempDir Path dir;

  static final Circuit C = RandomCircuits.layered(9, 10, 3, 12, 4);

  static boolean[] randomInput(SplittableRandom rnd, int n) {
    boolean[] x = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextBoolean();
    }
    return x;
  }

  @Test
  void json_interpreted_matchesEvaluator() throws Exception {
    Path f = dir.resolve("c.json");
    ExportFormat.JSON.write(C, "c", f);
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(f));
    var rnd = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      boolean[] x = randomInput(rnd, C.inputBits());
      List<JsonNode> gates = root.get("gates").valueStream().toList();
      boolean[] val = new boolean[gates.size()];
      for (JsonNode g : gates) {
        int id = g.get("id").asInt();
        String type = g.get("type").asString();
        long sum = 0;
        boolean and = true;
        boolean or = false;
        JsonNode in = g.get("in");
        for (int i = 0; in != null && i < in.size(); i++) {
          boolean b = val[in.get(i).asInt()];
          and &= b;
          or |= b;
          sum += b && g.has("w") ? g.get("w").get(i).asLong() : 0;
        }
        val[id] = switch (type) {
          case "CONST0" -> false;
          case "CONST1" -> true;
          case "INPUT" -> x[id - 2];
          case "NOT" -> !val[in.get(0).asInt()];
          case "AND" -> and;
          case "OR" -> or;
          default -> sum >= g.get("t").asLong();
        };
      }
      boolean[] want = ReferenceEvaluator.evaluate(C, x);
      JsonNode wires = root.get("outputs").get(0).get("wires");
      for (int o = 0; o < want.length; o++) {
        assertThat(val[wires.get(o).asInt()]).as("trial %d output %d", trial, o)
            .isEqualTo(want[o]);
      }
    }
  }

  @Test
  void bench_interpreted_matchesEvaluator() throws Exception {
    Path f = dir.resolve("c.bench");
    ExportFormat.BENCH.write(C, "c", f);
    List<String> lines = Files.readAllLines(f);
    var rnd = new SplittableRandom(2);
    for (int trial = 0; trial < 50; trial++) {
      boolean[] x = randomInput(rnd, C.inputBits());
      Map<String, Boolean> net = new HashMap<>();
      for (int i = 0; i < x.length; i++) {
        net.put("x_" + i, x[i]);
      }
      for (String l : lines) {
        if (l.startsWith("#") || l.startsWith("INPUT") || l.startsWith("OUTPUT") || l.isBlank()) {
          continue;
        }
        String[] lhsRhs = l.split(" = ");
        String op = lhsRhs[1].substring(0, lhsRhs[1].indexOf('('));
        String[] args = lhsRhs[1].substring(op.length() + 1, lhsRhs[1].length() - 1)
            .split(", ");
        boolean and = true;
        boolean or = false;
        for (String a : args) {
          boolean b = net.get(a);
          and &= b;
          or |= b;
        }
        net.put(lhsRhs[0], switch (op) {
          case "AND" -> and;
          case "OR" -> or;
          case "NOT" -> !and;
          case "BUFF" -> and;
          default -> throw new AssertionError(op);
        });
      }
      boolean[] want = ReferenceEvaluator.evaluate(C, x);
      for (int o = 0; o < want.length; o++) {
        assertThat(net.get("y_" + o)).as("trial %d output %d", trial, o).isEqualTo(want[o]);
      }
    }
  }

  @Test
  void blifAndDot_smallCircuit_wellFormed() throws Exception {
    var sw = new StringWriter();
    BlifExport.write(Lowering.toAndOr(C), "c", sw);
    assertThat(sw.toString()).startsWith(".model c\n.inputs x_0").contains(".outputs y_0")
        .endsWith(".end\n");
    sw = new StringWriter();
    DotExport.write(C, sw);
    assertThat(sw.toString()).startsWith("digraph circuit {").contains("rank=same");
  }

  @Test
  void blif_thresholdGates_refused() {
    assertThatThrownBy(() -> BlifExport.write(C, "c", new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower");
  }
}
