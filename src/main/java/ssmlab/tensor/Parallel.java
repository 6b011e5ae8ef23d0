package ssmlab.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's fixed thread pool: splits an index range into contiguous chunks, one per thread.
 *
 * <p>The split of {@code [0, n)} into {@code c} chunks is fixed: chunk {@code i} is
 * {@code [i*n/c, (i+1)*n/c)}. A call made from inside a parallel body runs serially on the
 * calling thread (no nested parallelism, no deadlock). The thread count is process-wide; set it
 * once at start-up with {@link #setThreads(int)} (default: the system property
 * {@code ssmlab.threads}, else the number of available processors).
 */
public final class Parallel {

  /** The body of a parallel loop: handles indices {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int start, int end);
  }

  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
  private static volatile int threads =
      Integer.getInteger("ssmlab.threads", Runtime.getRuntime().availableProcessors());
  private static ExecutorService pool;

  private Parallel() {}

  /** The number of threads parallel loops use (the caller counts as one). */
  public static int threads() {
    return threads;
  }

  /** Sets the number of threads (at least 1) for all later parallel loops. */
  public static synchronized void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("thread count must be at least 1, got " + n);
    }
    if (n != threads && pool != null) {
      pool.shutdown();
      pool = null;
    }
    threads = n;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} chunks of at least
   * {@code minChunk} indices each; returns when all chunks are done. Exceptions are rethrown.
   */
  public static void forRange(int n, int minChunk, RangeBody body) {
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, minChunk)));
    if (chunks <= 1 || INSIDE.get()) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    ExecutorService exec = executor();
    var latch = new CountDownLatch(chunks - 1);
    var failure = new AtomicReference<Throwable>();
    for (int c = 1; c < chunks; c++) {
      int start = (int) ((long) c * n / chunks);
      int end = (int) ((long) (c + 1) * n / chunks);
      exec.execute(() -> {
        try {
          body.run(start, end);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          latch.countDown();
        }
      });
    }
    INSIDE.set(true);
    try {
      body.run(0, (int) ((long) n / chunks));
    } finally {
      INSIDE.set(false);
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for worker threads", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    } else if (t instanceof Error err) {
      throw err;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private static synchronized ExecutorService executor() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
        Thread t = new Thread(() -> {
          INSIDE.set(true);
          r.run();
        }, "ssmlab-worker");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }
}
