package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

/** {@code circuit model} and {@code circuit scale} on an s4d checkpoint: the convolution form. */
final class CircuitModelS4DCommandTest {
  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyS4d() {
    run = dir.resolve("s4d");
    Result t = MainTest.run("train", "--task", "flipflop", "--model", "s4d", "--d-model", "2",
        "--layers", "1", "--d-state", "2", "--steps", "10", "--batch", "4", "--train-lengths",
        "2..8", "--no-progress", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
  }

  @Test
  void model_s4d_verifiesBitForBitAndExports() throws Exception {
    Path v = dir.resolve("s4d.v");
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "3",
        "--precision", "4", "--exponent-bits", "4", "--verify", "16", "--no-progress",
        "--export", "verilog", v.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("family").asString()).isEqualTo("s4d");
    assertThat(json.get("form").asString()).isEqualTo("unrolled");
    assertThat(json.get("verified").asInt()).isEqualTo(16);
    assertThat(Files.readString(v)).contains("module s4d").contains("endmodule");
  }

  // q = 4, not 3: at q = 3 a Bbar of dt * B below 2^-8 rounds to 0 and the recurrence vanishes
  @Test
  void scale_s4dLevelled_convolutionDepthFlat_recurrentGrows() throws Exception {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths",
        "2,3", "--precision", "4", "--exponent-bits", "4", "--levelled", "--format", "json",
        "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().strip().lines().map(Json.MAPPER::readTree).toList();
    assertThat(lines.get(0).get("form").asString()).isEqualTo("unrolled");
    assertThat(lines.get(1).get("depth").asInt()).isEqualTo(lines.get(0).get("depth").asInt());
    assertThat(lines.get(2).get("form").asString()).isEqualTo("sequential");
    assertThat(lines.get(3).get("depth").asInt()).isGreaterThan(lines.get(2).get("depth").asInt());
  }

  @Test
  void model_s4dTokenTables_isOneLineExitTwo() {
    Result r = MainTest.run("circuit", "model", "--checkpoint", run.toString(), "--length", "2",
        "--token-tables");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("token tables are built for mamba");
  }

  @Test
  void model_otherFamily_isOneLineExitTwo() {
    Path lstm = dir.resolve("lstm");
    Result t = MainTest.run("train", "--task", "flipflop", "--model", "lstm", "--d-model", "2",
        "--layers", "1", "--steps", "1", "--batch", "2", "--train-lengths", "2..3",
        "--no-progress", "--out", lstm.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Result r = MainTest.run("circuit", "model", "--checkpoint", lstm.toString(), "--length",
        "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("mamba and s4d");
  }
}
