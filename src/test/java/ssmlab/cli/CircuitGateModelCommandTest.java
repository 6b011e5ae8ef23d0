package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import tools.jackson.databind.JsonNode;

/** {@code circuit gate --checkpoint}: the compiled Mamba's gates from their addresses. */
final class CircuitGateModelCommandTest {
  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void trainTinyMamba() {
    run = TinyMamba.train(dir);
  }

  private static Result gate(String... more) {
    String[] base = {"circuit", "gate", "--checkpoint", run.toString(), "-p", "4", "-q", "3"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return MainTest.run(all);
  }

  @Test
  void check_agreesGateForGateAndAddressesAnswer() {
    Result r = gate("--length", "3", "--check");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("agrees").asBoolean()).isTrue();
    assertThat(j.get("verified").asInt()).isEqualTo(16);
    assertThat(j.get("gates_checked").asLong()).isEqualTo(j.get("verbatim_gates").asLong())
        .isGreaterThan(j.get("simplified_gates").asLong());
    int wk = j.get("field_bits").get(0).asInt();
    int wl = j.get("field_bits").get(1).asInt();
    // section 3, step 0, gate 0: the first gate of the first RMSNorm's first product
    long first = (3L << wk) << wl;
    Result g = gate("--length", "3", "--address", String.valueOf(first));
    assertThat(g.code()).as(g.err()).isZero();
    JsonNode gj = Json.MAPPER.readTree(g.out());
    assertThat(gj.get("address").asLong()).isEqualTo(first);
    assertThat(gj.get("inputs").size()).isPositive();
  }

  @Test
  void sample_answersAtLengthsNeverBuilt_andBadInputIsOneLine() {
    Result s = gate("--length", "64", "--sample", "200");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(Json.MAPPER.readTree(s.out()).get("nanos_per_query").asDouble()).isPositive();
    for (String[] bad : new String[][] {{"--length", "3", "--address", "-1"},
        {"--length", "0", "--check"}, {"--length", "100000", "--sample", "5"},
        {"--length", "64", "--check"}}) {
      Result r = gate(bad);
      assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(r.err().strip().lines()).singleElement().asString().startsWith("ssmlab: ");
    }
    Result both = MainTest.run("circuit", "gate", "--op", "int-sum", "--checkpoint",
        run.toString(), "--length", "2", "--check");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of --op and --checkpoint");
  }
}
