package ssmlab.cli;

import java.io.PrintWriter;

import ssmlab.train.StepRecord;

/**
 * Training progress on stderr: a bar redrawn in place on a terminal, a plain line every 10% of
 * the steps otherwise (logs, CI).
 */
final class TrainProgress {
  private final PrintWriter err;
  private final int steps;
  private final boolean quiet;
  private final boolean terminal;
  private int lastTenth = -1;

  TrainProgress(PrintWriter err, int steps, boolean quiet) {
    this.err = err;
    this.steps = steps;
    this.quiet = quiet;
    this.terminal = System.console() != null && System.console().isTerminal();
  }

  void step(StepRecord r) {
    if (quiet) {
      return;
    }
    int done = r.step() + 1;
    if (terminal) {
      int width = 30;
      int filled = (int) ((long) width * done / steps);
      err.printf("\r[%s%s] %d/%d loss %.4f %.0fs", "#".repeat(filled), " ".repeat(width - filled),
          done, steps, r.loss(), r.seconds());
      err.flush();
      return;
    }
    int tenth = (int) (10L * done / steps);
    if (tenth != lastTenth) {
      lastTenth = tenth;
      err.printf("step %d/%d loss %.4f lr %.2e grad-norm %.3f %.1fs%n", done, steps, r.loss(),
          r.lr(), r.gradNorm(), r.seconds());
    }
  }

  void done() {
    if (terminal && !quiet) {
      err.println();
    }
  }
}
