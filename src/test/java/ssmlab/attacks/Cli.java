package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ssmlab.cli.Main;

/** Runs the command line in-process and checks the promise made to bad input. */
final class Cli {
  private Cli() {}

  /** What one run printed, and its exit code. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Bad input: exit code 2 and one line on stderr, in words (no stack trace, no Java class
   * name); returns that line.
   */
  static String refused(Result r) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("ssmlab: ").doesNotContain("Exception").doesNotContain("java.")
        .doesNotContain("\tat ");
    return r.err().strip();
  }

  /** Runs a tool such as mkfifo or mknod; skips the test where it is missing or not allowed. */
  static void tool(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, command[0] + " is missing");
      return;
    }
    assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
        command[0] + " failed: " + new String(p.getInputStream().readAllBytes()));
  }

  /** A device node like /dev/full (char 1,7) or /dev/null (char 1,3), private to the test. */
  static Path device(Path dir, String name, int minor) throws IOException, InterruptedException {
    Path node = dir.resolve(name);
    tool("mknod", node.toString(), "c", "1", String.valueOf(minor));
    return node;
  }

  /**
   * A folder nobody may create files in: {@code /sys} for root (who ignores permissions), else a
   * folder without write permission.
   */
  static Path unwritableFolder(Path dir) throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no /sys");
      return Path.of("/sys");
    }
    Path ro = Files.createDirectories(dir.resolve("read-only"));
    ro.toFile().setWritable(false, false);
    return ro;
  }
}
