package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

final class CircuitModelCommandTest {
  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyMamba() {
    run = dir.resolve("tiny");
    Result t = MainTest.run("train", "--task", "flipflop", "--model", "mamba", "--d-model", "2",
        "--layers", "1", "--d-state", "1", "--model-option", "d_conv=2", "--steps", "20",
        "--batch", "4", "--train-lengths", "2..8", "--no-progress", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
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
