package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.ExternalTool;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

final class CircuitModelCommandTest {
  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyMamba() {
    run = TinyMamba.train(dir);
  }

  @Test
  void model_verifiesBitForBitAndExports() throws Exception {
    Path v = dir.resolve("mamba.v");
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "3",
        "--precision", "4", "--exponent-bits", "4", "--form", "unrolled", "--verify", "16",
        "--export", "verilog", v.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("verified").asInt()).isEqualTo(16);
    assertThat(json.get("gates").asLong()).isPositive();
    assertThat(json.get("by_type").get("AND").asLong()).isPositive();
    assertThat(Files.readString(v)).contains("module mamba").contains("endmodule");
  }

  @Test
  void model_tokenTables_paperFunctions_verifiesAndSaysSo() throws Exception {
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "3",
        "--precision", "4", "--exponent-bits", "4", "--functions", "paper", "--levelled",
        "--token-tables", "--verify", "8", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("token_tables").asBoolean()).isTrue();
    assertThat(json.get("verified").asInt()).isEqualTo(8);
  }

  @Test
  void model_vectors_oneLinePerVectorWithTheTokenPorts() throws Exception {
    Path vec = dir.resolve("m2.vec");
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "2",
        "--precision", "3", "--exponent-bits", "3", "--vectors", "12", vec.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("vectors").get("count").asInt()).isEqualTo(12);
    assertThat(Files.readAllLines(vec)).hasSize(15).element(1).asString()
        .matches("// inputs: t0\\[\\d+:0] t1\\[\\d+:0]");
    assertThat(Files.readString(dir.resolve("m2_tb.v"))).contains("module mamba_tb;");
  }

  // Icarus needs about 4 minutes for the 400,000-gate module on the shared machine.
  @Test
  @Tag("slow")
  void model_vectors_icarusTestbenchPasses() throws Exception {
    assumeTrue(ExternalTool.has("iverilog", "-V"),
        "iverilog is not installed (Debian package iverilog): testbench run skipped");
    Path v = dir.resolve("m3.v");
    Path vec = dir.resolve("m3.vec");
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "2",
        "--precision", "3", "--exponent-bits", "3", "--export", "verilog", v.toString(),
        "--vectors", "12", vec.toString());
    assertThat(r.code()).as(r.err()).isZero();
    ExternalTool.run(dir, "iverilog", "-o", "m3", "m3.v", "m3_tb.v");
    assertThat(ExternalTool.run(dir, "vvp", "-n", "m3")).contains("PASS: 12 vectors");
  }

  @Test
  void scale_tableWithFittedExponent_unrolledDepthFlat() {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths",
        "6,8", "--forms", "unrolled,sequential", "--precision", "4", "--exponent-bits", "4");
    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("| form | n | gates | wires | depth");
    String[] u4 = lines.get(2).split("\\|");
    String[] u6 = lines.get(3).split("\\|");
    assertThat(u4[1].strip()).isEqualTo("unrolled");
    assertThat(u6[5].strip()).isEqualTo(u4[5].strip()); // depth
    assertThat(r.out()).containsPattern("unrolled: wires ~ n\\^\\d+\\.\\d\\d")
        .containsPattern("sequential: wires ~ n\\^\\d+\\.\\d\\d");
  }

  @Test
  void scale_formatJson_aRowPerCircuitThenTheFits() throws Exception {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths",
        "3,4", "--forms", "unrolled", "--precision", "3", "--exponent-bits", "3", "--format",
        "json", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(3);
    var row = Json.MAPPER.readTree(lines.get(0));
    assertThat(row.get("form").asString()).isEqualTo("unrolled");
    assertThat(row.get("n").asInt()).isEqualTo(3);
    assertThat(row.get("depth_without_not").asInt()).isPositive();
    var fit = Json.MAPPER.readTree(lines.get(2));
    assertThat(fit.get("fit").asString()).isEqualTo("unrolled");
    assertThat(fit.get("depth_max").asInt()).isEqualTo(Json.MAPPER.readTree(lines.get(1))
        .get("depth").asInt());
  }

  @Test
  void badInput_isOneLineExitTwo() {
    for (String[] args : new String[][] {
        {"circuit", "model", "--checkpoint", run.toString(), "--length", "3", "--form", "tree"},
        {"circuit", "model", "--checkpoint", run.toString(), "--length", "3", "--precision",
            "16", "--exponent-bits", "8"},
        {"circuit", "model", "--checkpoint", dir.resolve("none").toString(), "--length", "3"},
        {"circuit", "scale", "--checkpoint", run.toString(), "--lengths", "0"}}) {
      Result r = MainTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
  }
}
