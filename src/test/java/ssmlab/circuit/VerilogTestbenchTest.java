package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.ExternalTool;

import ssmlab.circuit.tc0.IntOps;

/** The vectors file and the generated testbench, run by Icarus against the Verilog export. */
final class VerilogTestbenchTest {
  @TempDir Path dir;

  static String text(TestVectors v) throws Exception {
    var sw = new StringWriter();
    v.write(sw);
    return sw.toString();
  }

  @Test
  void vectors_headerAndOneLinePerVector_portsMsbFirst() throws Exception {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    b.output("y", b.and(x[0], x[1]), x[2]);
    Circuit c = b.build();
    var in = new LinkedHashMap<String, BigInteger[]>();
    in.put("x", new BigInteger[] {BigInteger.valueOf(0b011),
        BigInteger.valueOf(0b100)});
    List<String> lines = text(TestVectors.of(c, in, 2)).lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).isEqualTo("// inputs: x[2:0]");
    assertThat(lines.get(2)).isEqualTo("// outputs: y[1:0]");
    assertThat(lines.subList(3, 5)).containsExactly("011_01", "100_10");
  }

  @Test
  void beside_replacesTheExtension() {
    assertThat(VerilogTestbench.beside(Path.of("out/mamba.vec")))
        .isEqualTo(Path.of("out/mamba_tb.v"));
    assertThat(VerilogTestbench.beside(Path.of("vectors"))).isEqualTo(Path.of("vectors_tb.v"));
  }

  /** Writes module, vectors and testbench, runs Icarus and returns vvp's output. */
  String icarus(Circuit c, TestVectors v, boolean breakOneBit) throws Exception {
    assumeTrue(ExternalTool.has("iverilog", "-V"),
        "iverilog is not installed (Debian package iverilog): testbench check skipped");
    var sw = new StringWriter();
    VerilogExport.write(c, "dut", sw);
    Files.writeString(dir.resolve("dut.v"), sw.toString());
    String vec = text(v);
    if (breakOneBit) {
      int end = vec.length() - 2;
      vec = vec.substring(0, end) + (vec.charAt(end) == '0' ? '1' : '0') + "\n";
    }
    Files.writeString(dir.resolve("dut.vec"), vec);
    sw = new StringWriter();
    VerilogTestbench.write(v, "dut", "dut.vec", sw);
    Files.writeString(dir.resolve("dut_tb.v"), sw.toString());
    ExternalTool.run(dir, "iverilog", "-o", "sim", "dut.v", "dut_tb.v");
    return ExternalTool.run(dir, "vvp", "-n", "sim");
  }

  @Test
  void randomThresholdCircuit_icarusTestbench_passes() throws Exception {
    Circuit c = RandomCircuits.layered(7, 16, 3, 20, 5);
    assertThat(icarus(c, TestVectors.random(c, 300, 7), false)).contains("PASS: 300 vectors")
        .doesNotContain("FAIL");
  }

  @Test
  void multiplier_icarusTestbench_passes_andCatchesAWrongBit() throws Exception {
    Circuit c = IntOps.get("int-mul").maker().make(8, 2);
    TestVectors v = TestVectors.random(c, 64, 3);
    assertThat(icarus(c, v, false)).contains("PASS: 64 vectors");
    assertThat(icarus(c, v, true)).contains("FAIL vector 63").contains("FAIL: 1 of 64 vectors");
  }
}
