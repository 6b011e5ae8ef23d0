package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Attacks on {@code ssmlab fp}: deep nesting, huge exponents, a reader that goes away. */
final class FpAttacksTest {

  private static String nested(int depth) {
    return "(".repeat(depth) + "1" + ")".repeat(depth);
  }

  @Test
  void batch_nestedTooDeep_thatLineFailsAndTheOthersAnswer() {
    String input = "1+1\n" + nested(3_000) + "\n" + "sqrt(".repeat(1_000_000) + "\n0.5\n";
    Cli.Result r = Cli.run(Cli.text(input), "fp", "-p", "8");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("\"value\":\"2\"");
    assertThat(lines.get(1)).startsWith("{\"error\":").contains("nest more than 1000 deep");
    assertThat(lines.get(2)).startsWith("{\"error\":").contains("nest more than 1000 deep");
    assertThat(lines.get(3)).contains("\"value\":\"0.5\"");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("StackOverflowError", "\tat ");
  }

  @Test
  void expression_nestedAMillionDeep_isOneLineError() {
    Cli.run("fp", "-p", "8", nested(1_000_000)).isOneLineError("nest more than 1000 deep");
  }

  @Test
  void expression_nestedAtTheLimit_isEvaluated() {
    Cli.Result r = Cli.run("fp", "-p", "8", "sum(" + nested(999) + ")");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"value\":\"1\"");
  }

  @Test
  void expression_aMillionUnaryMinuses_isEvaluatedWithoutRecursion() {
    Cli.Result r = Cli.run("fp", "-p", "8", "--", "-".repeat(1_000_001) + "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"value\":\"-3\"");
  }

  @Test
  void hugeDecimalExponents_oneRule_refusedWithTheSameMessage() {
    Cli.Result twenty = Cli.run("fp", "-p", "53", "1e99999999999999999999")
        .isOneLineError("decimal exponent 99999999999999999999 is too large (limit 100000)");
    Cli.Result nine = Cli.run("fp", "-p", "53", "1e999999999")
        .isOneLineError("decimal exponent 999999999 is too large (limit 100000)");
    assertThat(twenty.out()).isEmpty();
    assertThat(nine.out()).isEmpty();
    Cli.run("fp", "-p", "53", "1e-99999999999999999999").isOneLineError("is too large");
    Cli.Result batch = Cli.run(Cli.text("1e99999999999999999999\n1e100000\n"), "fp", "-p", "8");
    assertThat(batch.out().lines().toList()).hasSize(2);
    assertThat(batch.out().lines().findFirst().orElseThrow()).contains("error", "too large");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void batch_readerClosesThePipe_stopsQuietly() {
    Cli.Result r = Cli.runClosingAfter(200, Cli.endless("1+1"), "fp", "-p", "53");
    assertThat(r.code()).isEqualTo(141);
    assertThat(r.out()).startsWith("{\"m\":\"4503599627370496\",\"e\":-51,\"value\":\"2\"}\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void batch_outputDeviceFull_isOneLineNotSilence() {
    Cli.runFailingAfter(100, "No space left on device", Cli.endless("1+1"), "fp", "-p", "53")
        .isOneLineError("cannot write to standard output (No space left on device)");
  }
}
