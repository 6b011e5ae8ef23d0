package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

final class MainTest {

  /** What one run of the command line printed, and its exit code. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void help_listsCommands() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: ssmlab").contains("help");
  }

  @Test
  void unknownOption_isOneLineAndExitTwo() {
    Result r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("ssmlab: ").contains("--no-such-option");
  }

  @Test
  void unknownCommand_isOneLineAndExitTwo() {
    Result r = run("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
  }
}
