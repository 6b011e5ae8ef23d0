package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.ExternalTool;
import ssmlab.circuit.tc0.IteratedAddition;
import ssmlab.circuit.tc0.Multiplication;

/** External oracle: the exported Verilog simulated by Icarus Verilog agrees with ssmlab. */
final class VerilogSimulationTest {
  @TempDir Path dir;

  /** Simulates {@code c} on random vectors in Icarus and compares every output bit. */
  void checkWithIcarus(Circuit c, long seed, int vectors) throws Exception {
    assumeTrue(ExternalTool.has("iverilog", "-V"),
        "iverilog is not installed (Debian package iverilog): Verilog simulation check skipped");
    var rnd = new SplittableRandom(seed);
    Map<String, BigInteger[]> in = new LinkedHashMap<>();
    for (Port p : c.inputs()) {
      BigInteger[] xs = new BigInteger[vectors];
      for (int v = 0; v < vectors; v++) {
        byte[] bytes = new byte[p.width() / 8 + 1];
        rnd.nextBytes(bytes);
        xs[v] = new BigInteger(1, bytes).mod(BigInteger.ONE.shiftLeft(p.width()));
      }
      in.put(p.name(), xs);
    }
    var sw = new StringWriter();
    VerilogExport.write(c, "dut", sw);
    Files.writeString(dir.resolve("dut.v"), sw.toString());
    StringBuilder tb = new StringBuilder("module tb;\n");
    List<String> conns = new ArrayList<>();
    for (Port p : c.inputs()) {
      tb.append("  reg [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
      conns.add("." + p.name() + "(" + p.name() + ")");
    }
    for (Port p : c.outputs()) {
      tb.append("  wire [").append(p.width() - 1).append(":0] ").append(p.name()).append(";\n");
      conns.add("." + p.name() + "(" + p.name() + ")");
    }
    tb.append("  dut u(").append(String.join(", ", conns)).append(");\n  initial begin\n");
    for (int v = 0; v < vectors; v++) {
      for (Port p : c.inputs()) {
        tb.append("    ").append(p.name()).append(" = ").append(p.width()).append("'h")
            .append(in.get(p.name())[v].toString(16)).append(";\n");
      }
      tb.append("    #1 $display(\"");
      tb.append("%b ".repeat(c.outputs().size()).strip()).append("\"");
      for (Port p : c.outputs()) {
        tb.append(", ").append(p.name());
      }
      tb.append(");\n");
    }
    tb.append("    $finish;\n  end\nendmodule\n");
    Files.writeString(dir.resolve("tb.v"), tb.toString());
    ExternalTool.run(dir, "iverilog", "-o", "sim", "tb.v", "dut.v");
    List<String> lines = ExternalTool.run(dir, "vvp", "-n", "sim").lines()
        .filter(l -> l.matches("[01 ]+")).toList();
    assertThat(lines).hasSize(vectors);
    Map<String, BigInteger[]> want = Simulation.run(c, in, vectors);
    for (int v = 0; v < vectors; v++) {
      String[] got = lines.get(v).split(" ");
      int o = 0;
      for (Port p : c.outputs()) {
        assertThat(new BigInteger(got[o++], 2)).as("seed=%d vector=%d port=%s", seed, v, p.name())
            .isEqualTo(want.get(p.name())[v]);
      }
    }
  }

  @Test
  void randomThresholdCircuit_icarus_agreesWithEvaluator() throws Exception {
    checkWithIcarus(RandomCircuits.layered(3, 16, 4, 24, 5), 3, 200);
  }

  @Test
  void iteratedAdditionAndMultiplier_icarus_agreeWithEvaluator() throws Exception {
    var b = new CircuitBuilder();
    List<int[]> xs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      xs.add(b.input("x" + i, 5));
    }
    b.output("s", IteratedAddition.sum(b, xs));
    b.output("p", Multiplication.multiply(b, xs.get(0), xs.get(1)));
    checkWithIcarus(b.build(), 5, 200);
  }

  /**
   * A verbatim circuit keeps what a simplifying builder folds: empty AND/OR gates, thresholds no
   * sum can reach or miss, constant inputs. Each must export as valid Verilog of the same value.
   */
  @Test
  void verbatimConstantGates_icarus_agreeWithEvaluator() throws Exception {
    var b = CircuitBuilder.verbatim();
    int[] x = b.input("x", 3);
    int emptyAnd = b.and(new int[0]);
    int emptyOr = b.or(new int[0]);
    // Σ ≤ 1 fits 2 bits, where 2'd5 would be 1.
    int never = b.threshold(new int[] {x[0]}, new int[] {1}, 5);
    int always = b.threshold(new int[] {x[0], x[2]}, new int[] {-1, 1}, -1);
    int none = b.threshold(new int[0], new int[0], 1);
    int atZero = b.threshold(new int[0], new int[0], 0);
    int tight = b.threshold(new int[] {x[0], x[1], CircuitBuilder.TRUE}, new int[] {1, 1, 1}, 3);
    b.output("y", emptyAnd, emptyOr, never, always, none, atZero, tight,
        b.and(emptyAnd, x[2]), b.or(emptyOr, x[1]));
    Circuit c = b.build();
    checkWithIcarus(c, 6, 16);
    Map<String, BigInteger[]> in = Map.of("x", new BigInteger[] {BigInteger.valueOf(3)});
    // x = 011: 1, 0, 0, 1, 0, 1, x0 ∧ x1, x2, x1.
    assertThat(Simulation.run(c, in, 1).get("y")[0].intValue()).isEqualTo(0b101101001);
  }

  @Test
  void majorityLowering_icarus_agreesWithEvaluator() throws Exception {
    checkWithIcarus(Lowering.toMajority(RandomCircuits.layered(4, 12, 3, 16, 4)), 4, 100);
  }
}
