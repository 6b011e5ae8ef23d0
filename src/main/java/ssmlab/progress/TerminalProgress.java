package ssmlab.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one progress bar of a command on a terminal (me.tongfei progressbar, on stderr). */
final class TerminalProgress implements Progress {
  private ProgressBar bar;

  @Override
  public synchronized void start(String title, String unit, int total, int done) {
    bar = new ProgressBarBuilder()
        .setTaskName(title)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .build();
    bar.stepTo(done);
  }

  @Override
  public synchronized void advanceBy(int units, String note) {
    bar.stepBy(units);
    bar.setExtraMessage(" " + note);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
