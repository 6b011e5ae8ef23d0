package ssmlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

final class LineProgressTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void advance_printsAtMostOncePerPeriodAndAtTheEnd() {
    var text = new StringWriter();
    var clock = new AtomicLong();
    var progress = new LineProgress(new PrintWriter(text, true), 30 * SECOND, clock::get);

    progress.start("sweep parity", "runs", 10, 2);
    clock.addAndGet(10 * SECOND);
    progress.advance("a"); // 3/10 at 10 s: within the period, silent
    clock.addAndGet(30 * SECOND);
    progress.advance("b"); // 4/10 at 40 s: printed; 2 runs in 40 s, 6 left: ~2 min
    for (int i = 0; i < 6; i++) {
      progress.advance("c");
    }
    progress.close();

    assertThat(text.toString().lines()).containsExactly(
        "sweep parity: 2/10 runs (20%), 0 s (2 finished before)",
        "sweep parity: 4/10 runs (40%), 40 s, ~2 min left, b",
        "sweep parity: 10/10 runs (100%), 40 s, c");
  }
}
