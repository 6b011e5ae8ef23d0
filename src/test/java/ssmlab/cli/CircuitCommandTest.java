package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.ExternalTool;
import tools.jackson.databind.JsonNode;

final class CircuitCommandTest {
  @TempDir Path dir;

  @Test
  void op_intAdd_printsStatisticsJson() {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "int-add", "--precision", "8");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("op").asString()).isEqualTo("int-add");
    assertThat(j.get("depth_without_not").asInt()).isEqualTo(5);
    assertThat(j.get("inputs").asInt()).isEqualTo(16);
    assertThat(j.get("outputs").asInt()).isEqualTo(9);
  }

  @Test
  void op_intSumWithExport_writesVerilogAndBlif() throws Exception {
    Path v = dir.resolve("sum.v");
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "int-sum", "--precision", "4",
        "--arity", "8", "--export", "verilog", v.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("arity").asInt()).isEqualTo(8);
    assertThat(Files.readString(v)).contains("module int_sum(").contains(">=")
        .contains("endmodule");
    Path blif = dir.resolve("sum.blif");
    assertThat(MainTest.run("circuit", "op", "--op", "int-sum", "--precision", "4", "--arity",
        "8", "--export", "blif", blif.toString()).code()).isZero();
    assertThat(Files.readString(blif)).startsWith(".model int_sum").contains(".end");
  }

  /** One F_p option group everywhere: -p/-q short names, q = p when only p is given. */
  @Test
  void op_formatOptions_areTheSameAsEverywhere() throws Exception {
    JsonNode shortNames = Json.MAPPER.readTree(MainTest.run("circuit", "op", "--op", "fp-mul",
        "-p", "5", "-q", "3").out());
    assertThat(shortNames.get("precision").asInt()).isEqualTo(5);
    assertThat(shortNames.get("exponent_bits").asInt()).isEqualTo(3);
    JsonNode qFromP = Json.MAPPER.readTree(MainTest.run("circuit", "op", "--op", "fp-mul",
        "--precision", "5").out());
    assertThat(qFromP.get("exponent_bits").asInt()).isEqualTo(5);
  }

  @Test
  void op_fpOps_statisticsWithConstantDepthInTheArity() throws Exception {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "fp-add", "--precision", "8",
        "--exponent-bits", "4");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode add = Json.MAPPER.readTree(r.out());
    assertThat(add.get("exponent_bits").asInt()).isEqualTo(4);
    assertThat(add.get("inputs").asInt()).isEqualTo(2 * (8 + 4 + 2));
    int[] depth = new int[2];
    for (int i = 0; i < 2; i++) {
      MainTest.Result s = MainTest.run("circuit", "op", "--op", "fp-sum", "--precision", "4",
          "--exponent-bits", "3", "--arity", i == 0 ? "4" : "16");
      assertThat(s.code()).as(s.err()).isZero();
      depth[i] = Json.MAPPER.readTree(s.out()).get("depth").asInt();
    }
    assertThat(depth[1]).isEqualTo(depth[0]);
    MainTest.Result bad = MainTest.run("circuit", "op", "--op", "fp-exp", "--precision", "16",
        "--exponent-bits", "8");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).singleElement().asString().contains("2^25 entries");
  }

  @Test
  void op_paperFunctions_buildWhereTablesAreRefused() throws Exception {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "fp-exp", "--precision", "8",
        "--exponent-bits", "8", "--functions", "paper");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode exp = Json.MAPPER.readTree(r.out());
    assertThat(exp.get("functions").asString()).isEqualTo("paper");
    assertThat(exp.get("wires").asLong()).isLessThan(10_000_000L);
    MainTest.Result table = MainTest.run("circuit", "op", "--op", "fp-exp", "--precision", "12",
        "--exponent-bits", "12");
    assertThat(table.code()).isEqualTo(2);
    MainTest.Result bad = MainTest.run("circuit", "op", "--op", "fp-exp", "--functions", "taylor");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).singleElement().asString()
        .contains("--functions must be table or paper");
  }

  @Test
  void op_fpAddAtWideExponents_isPolynomialInQ() throws Exception {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "fp-add", "--precision", "8",
        "--exponent-bits", "24");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("wires").asLong()).isLessThan(100_000L);
  }

  @Test
  void op_vectors_writesVectorsAndTestbench_icarusPasses() throws Exception {
    Path v = dir.resolve("add.v");
    Path vec = dir.resolve("add.vec");
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "int-add", "--precision", "6",
        "--export", "verilog", v.toString(), "--vectors", "40", vec.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out()).get("vectors");
    assertThat(j.get("count").asInt()).isEqualTo(40);
    assertThat(j.get("testbench").asString()).isEqualTo(dir.resolve("add_tb.v").toString());
    assertThat(Files.readAllLines(vec)).hasSize(43).last().asString()
        .matches("[01]{6}_[01]{6}_[01]{7}");
    assertThat(Files.readString(dir.resolve("add_tb.v"))).contains("module int_add_tb;")
        .contains("$readmemb");
    assumeTrue(ExternalTool.has("iverilog", "-V"),
        "iverilog is not installed (Debian package iverilog): testbench run skipped");
    ExternalTool.run(dir, "iverilog", "-o", "add", "add.v", "add_tb.v");
    assertThat(ExternalTool.run(dir, "vvp", "-n", "add")).contains("PASS: 40 vectors");
  }

  @Test
  void op_badInput_oneLineExitTwo() {
    for (String[] args : new String[][] {
        {"circuit", "op", "--op", "int-nope"},
        {"circuit", "op", "--op", "int-add", "--precision", "0"},
        {"circuit", "op", "--op", "int-add", "--export", "png", "x.png"},
        {"circuit", "op", "--op", "int-add", "--vectors", "0", "x.vec"},
        {"circuit", "op", "--op", "int-add", "--vectors", "many", "x.vec"},
        {"circuit", "op", "--op", "int-prod", "--precision", "64", "--arity", "64"}}) {
      MainTest.Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).hasSize(1);
    }
  }
}
