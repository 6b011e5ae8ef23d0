package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.CircuitScaleCommand.Row;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

/** {@code circuit scale --precision-rule}: p grows with n, the levelled depth does not. */
final class CircuitScaleRuleTest {
  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyMamba() {
    run = TinyMamba.train(dir);
  }

  // q >= 5: the windowed sums, whose depth does not depend on p. At q <= 4 the sums align every
  // term to -2^q and the levelled depth moves with p (1,624 at p = 3, 1,660 at p = 4, q = 4).
  @Test
  void log2Rule_pGrowsWithN_levelledDepthTheSame_verifiedBitForBit() {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths",
        "2,4", "--forms", "unrolled", "--precision-rule", "log2+3", "--exponent-bits", "5",
        "--levelled", "--verify", "4", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("| form | n | gates | wires | depth | depth without NOT "
        + "| build s | p | q | verified |");
    String[] n2 = lines.get(2).split("\\|");
    String[] n4 = lines.get(3).split("\\|");
    assertThat(List.of(n2[8].strip(), n2[9].strip(), n2[10].strip()))
        .containsExactly("4", "5", "4");
    assertThat(List.of(n4[8].strip(), n4[9].strip(), n4[10].strip()))
        .containsExactly("5", "5", "4");
    assertThat(n4[5].strip()).as("depth").isEqualTo(n2[5].strip());
    assertThat(r.out()).containsPattern("unrolled: wires ~ n\\^\\d+\\.\\d\\d")
        .containsPattern("unrolled: wires ~ p\\^\\d+\\.\\d\\d, gates ~ p\\^\\d+\\.\\d\\d "
            + "\\(least squares on log-log, p = 4\\.\\.5\\)");
  }

  @Test
  void pairsRule_givesTheLengths_jsonRowsCarryPAndQ() throws Exception {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--forms",
        "unrolled", "--precision-rule", "2:3,3:4", "--exponent-rule", "2:3,3:4", "--format",
        "json", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode n3 = Json.MAPPER.readTree(lines.get(1));
    assertThat(n3.get("n").asInt()).isEqualTo(3);
    assertThat(n3.get("p").asInt()).isEqualTo(4);
    assertThat(n3.get("q").asInt()).isEqualTo(4);
    assertThat(n3.has("verified")).isFalse();
    JsonNode fit = Json.MAPPER.readTree(lines.get(2));
    assertThat(fit.get("p_min").asInt()).isEqualTo(3);
    assertThat(fit.get("p_max").asInt()).isEqualTo(4);
    assertThat(fit.get("wires_exponent_p").asDouble()).isPositive();
    assertThat(fit.has("joint_wires_exponent_n")).as("two rows fix no joint fit").isFalse();
  }

  @Test
  void badRule_isOneLineExitTwo() {
    String cp = run.toString();
    for (String[] args : new String[][] {
        {"--lengths", "2", "--precision-rule", "4*log"},
        {"--lengths", "2", "--precision-rule", "2:3,2:4"},
        {"--lengths", "2", "--precision", "4", "--precision-rule", "4*log2"},
        {"--lengths", "2", "--exponent-bits", "4", "--exponent-rule", "log2+3"},
        {"--precision-rule", "log2+2"},
        {"--lengths", "2,3", "--precision-rule", "2:3,4:4"},
        {"--lengths", "1", "--precision-rule", "2*log2"},
        {"--lengths", "2", "--precision-rule", "8*log2", "--exponent-bits", "13"},
        {"--lengths", "2", "--verify", "-1"}}) {
      String[] all = new String[args.length + 4];
      System.arraycopy(new String[] {"circuit", "scale", "--checkpoint", cp}, 0, all, 0, 4);
      System.arraycopy(args, 0, all, 4, args.length);
      Result r = MainTest.run(all);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.out()).as("nothing compiled").isEmpty();
    }
  }

  @Test
  void jointFit_recoversBothExponents() {
    // wires = n^2 p^3 over rows where p and n vary independently.
    List<Row> rows = new ArrayList<>();
    for (int[] np : new int[][] {{2, 4}, {4, 4}, {4, 8}, {8, 6}, {16, 12}}) {
      long w = (long) (Math.pow(np[0], 2) * Math.pow(np[1], 3));
      rows.add(new Row("unrolled", np[0], w, w, 1, 1, 0, np[1], np[1], -1));
    }
    double[] e = CircuitScaleCommand.joint(rows).orElseThrow();
    assertThat(e[0]).isCloseTo(2, offset(1e-3));
    assertThat(e[1]).isCloseTo(3, offset(1e-3));
  }

  @Test
  void lengthBeyondTheTrend_isSkipped_andEveryLongerLengthSaysSo() {
    Result r = MainTest.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths",
        "2,3,1000000000,2000000000", "--forms", "sequential", "--precision", "3",
        "--exponent-bits", "3", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(4)).startsWith("| sequential | 1000000000 | skipped: about ")
        .contains("wires by the trend");
    assertThat(lines.get(5))
        .startsWith("| sequential | 2000000000 | skipped: not built, as n = 1000000000 was not");
  }
}
