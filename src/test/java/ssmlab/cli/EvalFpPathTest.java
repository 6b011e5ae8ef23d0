package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eval --arith fp}: the bulk forward prints the reference forward's JSON, and the same
 * JSON for any thread count (provenance aside, which records the thread count).
 */
final class EvalFpPathTest {

  @Test
  void bulkAndReference_andOneOrTwoThreads_printTheSameResults(@TempDir Path dir) {
    Path run = dir.resolve("m");
    Result t = MainTest.run("train", "--task", "parity", "--model", "mamba", "--d-model", "8",
        "--layers", "2", "--d-state", "4", "--steps", "20", "--lr", "1e-2", "--batch", "8",
        "--train-lengths", "2..8", "--no-progress", "--threads", "1", "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    String[][] variants = {{"--threads", "1"}, {"--threads", "2"},
        {"--threads", "1", "--fp-path", "reference"}, {"--threads", "2", "--fp-path", "bulk"}};
    String first = null;
    for (String[] v : variants) {
      String[] args = {"eval", "--run", run.toString(), "--lengths", "3,11", "--count", "9",
          "--arith", "fp", "--precision", "8", "--exponent-bits", "8", "--no-progress"};
      Result e = MainTest.run(concat(args, v));
      assertThat(e.code()).as(e.err()).isZero();
      JsonNode json = Json.MAPPER.readTree(e.out());
      ((ObjectNode) json).remove("provenance");
      String results = json.toString();
      if (first == null) {
        first = results;
      }
      assertThat(results).as(String.join(" ", v)).isEqualTo(first);
    }
    assertThat(first).contains("\"lengths\"").contains("\"loss\"");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
