package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ssmlab.cli.Main;
import ssmlab.cli.StdoutWriter;

/**
 * Runs the command line as the attack tests need (in-process, with a given stdin, into a closed
 * pipe, or in a JVM of its own under resource limits) and checks the promise made to bad input.
 */
final class Cli {
  private Cli() {}

  /** What one run printed, and its exit code. */
  record Result(int code, String out, String err) {

    /** The contract for bad input: exit code 2 and one line on stderr, no stack trace. */
    Result isOneLineError(String... mentions) {
      refused(this);
      for (String m : mentions) {
        assertThat(err()).contains(m);
      }
      return this;
    }
  }

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

  /**
   * The command line in a JVM of its own, started through {@code bash -c} so that {@code limits}
   * (e.g. {@code ulimit -f 40}) apply to it; stdout and stderr go together to a pipe.
   */
  static Process start(String limits, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var command = new StringBuilder(limits).append("; exec ").append(quote(java))
        .append(" --add-modules=jdk.incubator.vector -XX:-UsePerfData -cp ")
        .append(quote(System.getProperty("java.class.path"))).append(" ssmlab.cli.Main");
    for (String a : args) {
      command.append(' ').append(quote(a));
    }
    return new ProcessBuilder("bash", "-c", command.toString()).redirectErrorStream(true)
        .start();
  }

  /**
   * Runs {@link #start} to its end; the output without the JVM's note on incubator modules goes
   * in {@link Result#err()}.
   */
  static Result runChild(String limits, String... args) throws IOException,
      InterruptedException {
    Process p = start(limits, args);
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = output.lines().filter(l -> !l.startsWith("WARNING: Using incubator"))
        .collect(java.util.stream.Collectors.joining("\n"));
    return new Result(p.exitValue(), "", err);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
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

  /** Runs with {@code in} as standard input (commands read it when they are built). */
  static Result run(InputStream in, String... args) {
    InputStream saved = System.in;
    System.setIn(in);
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** Runs with a standard output whose reader goes away after {@code bytes} bytes. */
  static Result runClosingAfter(long bytes, InputStream in, String... args) {
    return runFailingAfter(bytes, "Broken pipe", in, args);
  }

  /** Runs with a standard output that fails with {@code why} after {@code bytes} bytes. */
  static Result runFailingAfter(long bytes, String why, InputStream in, String... args) {
    var pipe = new ClosingPipe(bytes, why);
    var err = new StringWriter();
    InputStream saved = System.in;
    System.setIn(in);
    try {
      int code = Main.run(args, new StdoutWriter(pipe, StandardCharsets.UTF_8),
          new PrintWriter(err, true));
      return new Result(code, pipe.taken.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  /** A pipe whose reader reads {@code limit} bytes, then closes it (as {@code head} does). */
  static final class ClosingPipe extends OutputStream {
    final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private final long limit;
    private final String why;

    ClosingPipe(long limit, String why) {
      this.limit = limit;
      this.why = why;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int room = (int) Math.min(len, limit - taken.size());
      taken.write(b, off, room);
      if (room < len) {
        throw new IOException(why);
      }
    }
  }

  /** Standard input that repeats {@code line} forever (as {@code yes LINE} would). */
  static InputStream endless(String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long pos;

      @Override
      public int read() {
        return bytes[(int) (pos++ % bytes.length)];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = bytes[(int) (pos++ % bytes.length)];
        }
        return len;
      }
    };
  }

  /** A tiny trained Mamba run folder (one layer, d_model 8, two steps) in {@code dir}. */
  static Path tinyRun(Path dir) {
    Path run = dir.resolve("tiny");
    Result r = run("train", "--task", "parity", "--model", "mamba", "--d-model", "8", "--layers",
        "1", "--d-state", "4", "--steps", "2", "--batch", "2", "--train-lengths", "4",
        "--no-progress", "--out", run.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return run;
  }

  /** What a shell pipeline {@code ssmlab ARGS | head -1} printed, and the JVM's exit code. */
  record Piped(String out, String err, int javaExitCode) {}

  /**
   * Runs {@code java ssmlab.cli.Main ARGS | head -1} in bash (ARGS split on spaces), as a user
   * would; waits at most 60 s for the JVM to notice that {@code head} has gone.
   */
  static Piped pipedToHead(String args) throws Exception {
    String jvm = ProcessHandle.current().info().command().orElse("java");
    String command = "'" + jvm + "' --add-modules=jdk.incubator.vector -cp \"$CP\" "
        + "ssmlab.cli.Main " + args + " 2>\"$ERR\" | head -1; echo \"exit ${PIPESTATUS[0]}\" >&2";
    Path err = Files.createTempFile("ssmlab-pipe", ".err");
    var pb = new ProcessBuilder("bash", "-c", command);
    pb.environment().put("CP", System.getProperty("java.class.path"));
    pb.environment().put("ERR", err.toString());
    java.lang.Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("the pipeline did not end within 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String status = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String jvmErr = Files.readString(err);
    Files.delete(err);
    int code = Integer.parseInt(status.strip().replaceAll("(?s).*exit ", ""));
    return new Piped(out, jvmErr, code);
  }

  static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
