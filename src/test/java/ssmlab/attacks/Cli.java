package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Runs the command line in-process, as the attack tests need: stdin, closed pipes, checks. */
final class Cli {

  /** What one run printed, and its exit code. */
  record Result(int code, String out, String err) {

    /** The contract for bad input: exit code 2 and one line on stderr, no stack trace. */
    Result isOneLineError(String... mentions) {
      assertThat(err().strip().lines()).as("stderr: %s", err()).hasSize(1);
      assertThat(err()).startsWith("ssmlab: ").doesNotContain("Exception", "\tat ");
      assertThat(code()).as("exit code; stderr: %s", err()).isEqualTo(2);
      for (String m : mentions) {
        assertThat(err()).contains(m);
      }
      return this;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
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
    final java.io.ByteArrayOutputStream taken = new java.io.ByteArrayOutputStream();
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
  record Process(String out, String err, int javaExitCode) {}

  /**
   * Runs {@code java ssmlab.cli.Main ARGS | head -1} in bash (ARGS split on spaces), as a user
   * would; waits at most 60 s for the JVM to notice that {@code head} has gone.
   */
  static Process pipedToHead(String args) throws Exception {
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
    return new Process(out, jvmErr, code);
  }

  static InputStream text(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
