package ssmlab.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines for logs: {@code sweep parity: 12/48 runs (25%), 3 min, ~9 min left},
 * at most one line per period, plus the first and the last; the last unit's note ends the line
 * ({@code train: 200/200 steps (100%), 4 s, loss 0.0123 ...}).
 */
final class LineProgress implements Progress {
  private final PrintWriter out;
  private final long periodNanos;
  private final LongSupplier clock;
  private String title;
  private String unit;
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
  public synchronized void start(String title, String unit, int total, int done) {
    this.title = title;
    this.unit = unit;
    this.total = total;
    this.startDone = done;
    this.done = done;
    this.startNanos = clock.getAsLong();
    this.lastPrint = startNanos;
    out.println(line(startNanos, "") + (done > 0 ? " (" + done + " finished before)" : ""));
  }

  @Override
  public synchronized void advanceBy(int units, String note) {
    done += units;
    long now = clock.getAsLong();
    if (done == total || now - lastPrint >= periodNanos) {
      lastPrint = now;
      out.println(line(now, note));
    }
  }

  @Override
  public void close() {
    out.flush();
  }

  private String line(long now, String note) {
    long elapsed = now - startNanos;
    var sb = new StringBuilder()
        .append(title).append(": ").append(done).append('/').append(total).append(' ')
        .append(unit).append(" (").append(total == 0 ? 100 : 100L * done / total).append("%), ")
        .append(duration(elapsed));
    int ranHere = done - startDone;
    if (ranHere > 0 && done < total) {
      sb.append(", ~").append(duration(elapsed / ranHere * (total - done))).append(" left");
    }
    if (!note.isEmpty()) {
      sb.append(", ").append(note);
    }
    return sb.toString();
  }

  private static String duration(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
