package ssmlab.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

final class ParallelTest {

  @Test
  void forRange_coversEveryIndexOnce() {
    int[] hits = new int[1001];
    Parallel.forRange(hits.length, 1, (s, e) -> {
      for (int i = s; i < e; i++) {
        hits[i]++;
      }
    });
    for (int h : hits) {
      assertThat(h).isEqualTo(1);
    }
  }

  @Test
  void forRange_manyCallsOnFourThreads_coverEveryIndexOnce() {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(4);
      for (int call = 0; call < 2000; call++) {
        int n = 1 + call % 9;
        int[] hits = new int[n];
        Parallel.forRange(n, 1, (s, e) -> {
          for (int i = s; i < e; i++) {
            hits[i]++;
          }
        });
        for (int h : hits) {
          assertThat(h).as("call %d", call).isEqualTo(1);
        }
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void forRange_nested_runsInline() {
    var count = new AtomicInteger();
    Parallel.forRange(4, 1, (s, e) -> {
      for (int i = s; i < e; i++) {
        Parallel.forRange(100, 1, (s2, e2) -> count.addAndGet(e2 - s2));
      }
    });
    assertThat(count.get()).isEqualTo(400);
  }

  @Test
  void forRange_exceptionInWorker_isRethrown() {
    assertThatThrownBy(() -> Parallel.forRange(100, 1, (s, e) -> {
      if (e == 100) {
        throw new IllegalStateException("boom");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void setThreads_zero_isRejected() {
    assertThatThrownBy(() -> Parallel.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
