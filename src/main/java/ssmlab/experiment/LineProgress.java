package ssmlab.experiment;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for logs: {@code sweep parity 0/1: 12/48 runs (25%), 3 min, ~9 min
 * left}, at most one line per period, plus the first and the last.
 */
final class LineProgress implements Progress {
  private final PrintWriter out;
  private final long periodNanos;
  private final LongSupplier clock;
  private String title;
  private int total;
  private int startDone;
  private int done;
  private long startNanos;
  private long lastPrint;

  LineProgress(PrintWriter out, long periodNanos, LongSupplier clock) {
    this.out = out;
    this.periodNanos = periodNanos;
    this.clock = clock;
  }

  @Override
  public synchronized void start(String title, int total, int done) {
    this.title = title;
    this.total = total;
    this.startDone = done;
    this.done = done;
    this.startNanos = clock.getAsLong();
    this.lastPrint = startNanos;
    out.println(line(startNanos) + (done > 0 ? " (" + done + " finished before)" : ""));
  }

  @Override
  public synchronized void advance(String note) {
    done++;
    long now = clock.getAsLong();
    if (done == total || now - lastPrint >= periodNanos) {
      lastPrint = now;
      out.println(line(now));
    }
  }

  @Override
  public void close() {
    out.flush();
  }

  private String line(long now) {
    long elapsed = now - startNanos;
    var sb = new StringBuilder()
        .append("sweep ").append(title).append(": ").append(done).append('/').append(total)
        .append(" runs (").append(total == 0 ? 100 : 100L * done / total).append("%), ")
        .append(minutes(elapsed));
    int ranHere = done - startDone;
    if (ranHere > 0 && done < total) {
      sb.append(", ~").append(minutes(elapsed / ranHere * (total - done))).append(" left");
    }
    return sb.toString();
  }

  private static String minutes(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
