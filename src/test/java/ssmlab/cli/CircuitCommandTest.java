package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

final class CircuitCommandTest {
  @TempDir Path dir;

  @Test
  void op_intAdd_printsStatisticsJson() {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "int-add", "--precision", "8");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("op").asString()).isEqualTo("int-add");
    assertThat(j.get("depthWithoutNot").asInt()).isEqualTo(5);
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

  @Test
  void op_fpOp_notYetAvailableExitTwo() {
    MainTest.Result r = MainTest.run("circuit", "op", "--op", "fp-add", "--precision", "8",
        "--exponent-bits", "4");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("not yet available");
  }

  @Test
  void op_badInput_oneLineExitTwo() {
    for (String[] args : new String[][] {
        {"circuit", "op", "--op", "int-nope"},
        {"circuit", "op", "--op", "int-add", "--precision", "0"},
        {"circuit", "op", "--op", "int-add", "--export", "png", "x.png"},
        {"circuit", "op", "--op", "int-prod", "--precision", "64", "--arity", "64"}}) {
      MainTest.Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).hasSize(1);
    }
  }
}
