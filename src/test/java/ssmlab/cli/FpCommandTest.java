package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class FpCommandTest {

  private static MainTest.Result runWithInput(String input, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    var in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    var fp = new CommandLine(new FpCommand(in));
    fp.setOut(cl.getOut());
    fp.setErr(cl.getErr());
    fp.setParameterExceptionHandler(cl.getParameterExceptionHandler());
    fp.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
    int code = fp.execute(args);
    return new MainTest.Result(code, out.toString(), err.toString());
  }

  @Test
  void expression_json_givesSignificandExponentAndExactValue() {
    MainTest.Result r = MainTest.run("fp", "--precision", "53", "0.1");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("{\"m\":\"7205759403792794\",\"e\":-56,"
        + "\"value\":\"0.1000000000000000055511151231257827021181583404541015625\"}");
  }

  @Test
  void expression_iteratedSum_keepsWhatAChainLoses() {
    assertThat(MainTest.run("fp", "-p", "24", "sum(1e8, 1, -1e8)").out())
        .contains("\"value\":\"1\"");
    assertThat(MainTest.run("fp", "-p", "24", "1e8 + 1 - 1e8").out())
        .contains("\"value\":\"0\"");
  }

  @Test
  void exponentBits_limitTheRange() {
    MainTest.Result r = MainTest.run("fp", "-p", "4", "--exponent-bits", "3", "1e9");
    assertThat(r.out()).contains("\"m\":\"15\",\"e\":7,\"value\":\"1920\"");
  }

  @Test
  void textFormat_isOneReadableLine() {
    MainTest.Result r = MainTest.run("fp", "-p", "53", "--format", "text", "1/3");
    assertThat(r.out().strip())
        .isEqualTo("~0.33333333333333331 = <6004799503160661, -54>");
    assertThat(MainTest.run("fp", "-p", "4", "--format", "text", "1.6").out().strip())
        .isEqualTo("1.625 = <13, -3>");
  }

  @Test
  void badExpression_oneLineWithPositionAndExitTwo() {
    MainTest.Result r = MainTest.run("fp", "-p", "53", "1 + (2 *");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("ssmlab: position 9:");
    assertThat(MainTest.run("fp", "-p", "53", "1/0").err().strip())
        .isEqualTo("ssmlab: position 2: division by zero");
    assertThat(MainTest.run("fp", "-p", "1", "1").code()).isEqualTo(2);
  }

  @Test
  void batch_answersEveryLine_errorsInTheirOwnLine() {
    MainTest.Result r = runWithInput("1+1\nsqrt(-4)\n0.5\n", "-p", "8");
    assertThat(r.out().lines().toList()).containsExactly(
        "{\"m\":\"128\",\"e\":-6,\"value\":\"2\"}",
        "{\"error\":\"position 1: sqrt of a negative number\"}",
        "{\"m\":\"128\",\"e\":-8,\"value\":\"0.5\"}");
    assertThat(r.code()).isEqualTo(2);
    assertThat(runWithInput("1\n2\n", "-p", "8").code()).isZero();
  }
}
