package ssmlab.progress;

import java.io.PrintWriter;

/**
 * Where long work reports how far it got: one bar on a terminal, plain periodic lines in a log,
 * or nothing. Implementations are safe to call from several workers.
 */
public interface Progress extends AutoCloseable {

  /** Reports nothing. */
  Progress NONE = new Progress() {
    @Override
    public void start(String title, String unit, int total, int done) {}

    @Override
    public void advanceBy(int units, String note) {}

    @Override
    public void close() {}
  };

  /** Lines at most this often in a log, unless a command asks for another period. */
  long DEFAULT_PERIOD_NANOS = 30_000_000_000L;

  /**
   * The work starts: {@code total} units (runs, steps, lengths...), {@code done} of them finished
   * before (a resumed sweep).
   */
  void start(String title, String unit, int total, int done);

  /** One more unit ended; {@code note} says what it was or how it went (e.g. the loss). */
  default void advance(String note) {
    advanceBy(1, note);
  }

  /** {@code units} more units ended. */
  void advanceBy(int units, String note);

  @Override
  void close();

  /** A bar when this JVM writes to a terminal, else a line to {@code log} every 30 seconds. */
  static Progress forConsole(PrintWriter log) {
    return forConsole(log, DEFAULT_PERIOD_NANOS);
  }

  /** A bar on a terminal, else a line to {@code log} at most every {@code periodNanos}. */
  static Progress forConsole(PrintWriter log, long periodNanos) {
    var console = System.console();
    if (console != null && console.isTerminal()) {
      return new TerminalProgress();
    }
    return new LineProgress(log, periodNanos, System::nanoTime);
  }

  /** {@link #NONE} when {@code quiet}, else {@link #forConsole(PrintWriter, long)}. */
  static Progress of(boolean quiet, PrintWriter log, long periodNanos) {
    return quiet ? NONE : forConsole(log, periodNanos);
  }
}
