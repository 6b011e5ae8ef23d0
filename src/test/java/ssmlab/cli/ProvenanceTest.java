package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import ssmlab.io.Safetensors;
import ssmlab.tensor.SimdSwitch;
import ssmlab.train.RunFolder;
import tools.jackson.databind.JsonNode;

/** Every artefact says where it came from: code, JDK, SIMD, threads, version, command line. */
final class ProvenanceTest {

  @Test
  void runJson_checkpoint_evalAndCircuitJson_carryProvenance(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    String[] train = {"train", "--task", "parity", "--model", "lstm", "--d-model", "4",
        "--layers", "1", "--steps", "2", "--batch", "2", "--train-lengths", "3",
        "--threads", "1", "--no-progress", "--out", run.toString()};
    Result t = MainTest.run(train);
    assertThat(t.code()).as(t.err()).isZero();
    check(Json.MAPPER.readTree(Files.readString(run.resolve(RunFolder.RUN)))
        .get("provenance"), List.of(train), 1);
    String meta = Safetensors.readHeader(run.resolve(RunFolder.CHECKPOINT)).metadata()
        .get(RunFolder.PROVENANCE_KEY);
    check(Json.MAPPER.readTree(meta), List.of(train), 1);

    String[] eval = {"eval", "--run", run.toString(), "--lengths", "4", "--count", "4",
        "--threads", "2"};
    Result e = MainTest.run(eval);
    assertThat(e.code()).as(e.err()).isZero();
    check(Json.MAPPER.readTree(e.out()).get("provenance"), List.of(eval), 2);

    String[] op = {"circuit", "op", "--op", "int-add", "--precision", "4"};
    Result c = MainTest.run(op);
    assertThat(c.code()).as(c.err()).isZero();
    check(Json.MAPPER.readTree(c.out()).get("provenance"), List.of(op), 1);
  }

  @Test
  void aMisspeltSimdSwitch_isOneLineAndExitTwo() {
    String old = System.getProperty(SimdSwitch.PROPERTY);
    System.setProperty(SimdSwitch.PROPERTY, "Flase");
    try {
      Result r = MainTest.run("fp", "-p", "8", "1");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip()).isEqualTo(
          "ssmlab: -Dssmlab.simd=Flase: must be true or false (also on/off, yes/no, 1/0)");
    } finally {
      if (old == null) {
        System.clearProperty(SimdSwitch.PROPERTY);
      } else {
        System.setProperty(SimdSwitch.PROPERTY, old);
      }
    }
  }

  private static void check(JsonNode p, List<String> command, int threads) {
    assertThat(p).as("provenance").isNotNull();
    assertThat(p.get("commit").asString()).matches("[0-9a-f]{40}|unknown");
    assertThat(p.get("jdk").asString()).isEqualTo(Runtime.version().toString());
    assertThat(p.get("simd").asBoolean()).isEqualTo(SimdSwitch.ENABLED);
    assertThat(p.get("threads").asInt()).isEqualTo(threads);
    assertThat(p.get("version").asString()).isNotBlank();
    assertThat(p.get("command").valueStream().map(JsonNode::asString).toList())
        .isEqualTo(command);
    assertThat(p.has("dirty")).isTrue();
  }
}
