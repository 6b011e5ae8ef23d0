package ssmlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output that stops the program when it can no longer be written, as Unix tools do: a
 * {@link PrintWriter} only records write errors, so a command streaming into a closed pipe
 * ({@code ssmlab tasks sample ... | head -1}) would run on; this one throws {@link Closed} from
 * the first write (or flush) after the stream failed.
 */
public final class StdoutWriter extends PrintWriter {

  /** Exit code for a reader that went away: 128 + SIGPIPE, as the shell reports it. */
  public static final int CLOSED_PIPE = 141;

  /** Thrown by a write to standard output that failed; ends the command. */
  public static final class Closed extends RuntimeException {
    Closed(IOException cause) {
      super(cause.getMessage(), cause);
    }

    /** Whether the reader closed the pipe (not an error worth a message). */
    boolean brokenPipe() {
      return getMessage() != null && getMessage().toLowerCase(java.util.Locale.ROOT)
          .contains("broken pipe");
    }
  }

  private IOException failure;

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }

  /** Standard output over {@code out} in {@code charset}, flushed after every line. */
  public StdoutWriter(OutputStream out, Charset charset) {
    super(new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 13), true);
  }

  @Override
  public void write(int c) {
    guard(() -> out.write(c));
  }

  @Override
  public void write(char[] buf, int off, int len) {
    guard(() -> out.write(buf, off, len));
  }

  @Override
  public void write(String s, int off, int len) {
    guard(() -> out.write(s, off, len));
  }

  /** Ends the line and flushes (PrintWriter's own line end would swallow the error). */
  @Override
  public void println() {
    guard(() -> {
      out.write(System.lineSeparator());
      out.flush();
    });
  }

  @Override
  public void flush() {
    guard(() -> out.flush());
  }

  /**
   * Flushes what is left and turns {@code code} into the process's exit code: {@link
   * #CLOSED_PIPE} if the reader went away meanwhile.
   */
  int finish(int code) {
    try {
      flush();
    } catch (Closed e) {
      return e.brokenPipe() ? CLOSED_PIPE : code;
    }
    return code;
  }

  private void guard(Write w) {
    synchronized (lock) {
      if (failure != null) {
        throw new Closed(failure);
      }
      try {
        w.run();
      } catch (IOException e) {
        failure = e;
        throw new Closed(e);
      }
    }
  }
}
