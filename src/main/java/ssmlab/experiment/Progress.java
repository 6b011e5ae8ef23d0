package ssmlab.experiment;

import java.io.PrintWriter;

/**
 * Where a sweep reports how far it got: one overall bar on a terminal, plain periodic lines in a
 * log (CI, cluster jobs), or nothing. Implementations are safe to call from several workers.
 */
public interface Progress extends AutoCloseable {

  /** Reports nothing. */
  Progress NONE = new Progress() {
    @Override
    public void start(String title, int total, int done) {}

    @Override
    public void advance(String note) {}

    @Override
    public void close() {}
  };

  /** The sweep starts: {@code total} runs in this shard, {@code done} of them already finished. */
  void start(String title, int total, int done);

  /** One more run ended; {@code note} says which (and whether it failed). */
  void advance(String note);

  @Override
  void close();

  /** A bar when this JVM writes to a terminal, else a line to {@code log} every 30 seconds. */
  static Progress forConsole(PrintWriter log) {
    var console = System.console();
    if (console != null && console.isTerminal()) {
      return new TerminalProgress();
    }
    return new LineProgress(log, 30_000_000_000L, System::nanoTime);
  }
}
