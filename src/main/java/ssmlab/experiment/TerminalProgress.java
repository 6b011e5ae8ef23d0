package ssmlab.experiment;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one overall progress bar of a sweep on a terminal (me.tongfei progressbar). */
final class TerminalProgress implements Progress {
  private ProgressBar bar;

  @Override
  public synchronized void start(String title, int total, int done) {
    bar = new ProgressBarBuilder()
        .setTaskName(title)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" runs", 1)
        .showSpeed()
        .build();
    bar.stepTo(done);
  }

  @Override
  public synchronized void advance(String note) {
    bar.step();
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
