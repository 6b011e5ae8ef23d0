package ssmlab.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's fixed thread pool: splits an index range into contiguous chunks, one per thread.
 *
 * <p>The split of {@code [0, n)} into {@code c} chunks is fixed: chunk {@code i} is
 * {@code [i*n/c, (i+1)*n/c)}. Bodies must compute the same result for any split (every kernel
 * here writes each output from one thread in a fixed order), which is what makes results
 * independent of the thread count. A call made from inside a parallel body, or while another
 * thread is using the pool, runs serially on the calling thread (no nesting, no deadlock). The
 * thread count is process-wide; set it once at start-up with {@link #setThreads(int)} (default:
 * the system property {@code ssmlab.threads}, else the number of available processors).
 */
public final class Parallel {

  /** The body of a parallel loop: handles indices {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int start, int end);
  }

  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
  private static final ReentrantLock DISPATCH = new ReentrantLock();
  private static volatile int threads =
      Math.max(1, Integer.getInteger("ssmlab.threads",
          Runtime.getRuntime().availableProcessors()));
  private static Pool pool;

  private Parallel() {}

  /** The most threads a process may ask for: more only exhausts the OS's thread limits. */
  public static final int MAX_THREADS = 1024;

  /**
   * {@code n} if it is a thread count this pool takes (1 to {@link #MAX_THREADS}).
   *
   * @param option the option that gave it, named in the error
   */
  public static int checkThreads(String option, int n) {
    if (n < 1 || n > MAX_THREADS) {
      throw new IllegalArgumentException(option + " must be in 1.." + MAX_THREADS + ", got " + n);
    }
    return n;
  }

  /** The number of threads parallel loops use (the caller counts as one). */
  public static int threads() {
    return threads;
  }

  /** Sets the number of threads (at least 1) for all later parallel loops. */
  public static void setThreads(int n) {
    checkThreads("the thread count", n);
    DISPATCH.lock();
    try {
      if (pool != null && pool.workers.length != n - 1) {
        pool.shutdown();
        pool = null;
      }
      threads = n;
    } finally {
      DISPATCH.unlock();
    }
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} chunks of at least
   * {@code minChunk} indices each; returns when all chunks are done. Exceptions are rethrown.
   */
  public static void forRange(int n, int minChunk, RangeBody body) {
    int chunks = Math.min(threads, Math.max(1, n / Math.max(1, minChunk)));
    if (chunks <= 1 || INSIDE.get() || !DISPATCH.tryLock()) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    try {
      if (pool == null) {
        pool = new Pool(threads - 1);
      }
      pool.run(n, chunks, body);
    } finally {
      DISPATCH.unlock();
    }
  }

  /**
   * {@link #forRange} over {@code [0, n)} with every chunk boundary but {@code n} a multiple of
   * {@code align}: an element-wise vector kernel run on the chunks takes the same vector and
   * scalar-tail paths for each element as one call over the whole range, so the same bits.
   */
  public static void forAligned(int n, int align, int minChunk, RangeBody body) {
    int units = (n + align - 1) / align;
    forRange(units, Math.max(1, minChunk / align),
        (u0, u1) -> body.run(u0 * align, Math.min(n, u1 * align)));
  }

  /**
   * One parallel loop handed to the workers. Chunks 1..chunks-1 are claimed through {@code next}
   * by whichever thread comes first (the caller too, once its own chunk 0 is done, so a worker
   * that the OS has not scheduled yet does not hold the loop up); {@code done} counts finished
   * claimed chunks.
   */
  private record Task(int generation, RangeBody body, int n, int chunks, AtomicInteger next,
      AtomicInteger done) {

    /** Claims and runs chunks until none is left; returns true if this call finished the last. */
    boolean work(Pool pool) {
      boolean last = false;
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        try {
          body.run((int) ((long) c * n / chunks), (int) ((long) (c + 1) * n / chunks));
        } catch (Throwable e) {
          pool.failure = e;
        } finally {
          last = done.incrementAndGet() == chunks - 1;
        }
      }
      return last;
    }
  }

  /**
   * Workers that spin briefly, then park, waiting for the next task; the caller runs chunk 0
   * itself and waits the same way. Spinning first avoids the cost of a wake-up (futex) for the
   * many short loops of a training step.
   */
  private static final class Pool {
    private static final int SPINS = 1 << 12;

    final Worker[] workers;
    volatile Task task;
    volatile Thread waiter; // the caller, when parked waiting for workers
    volatile boolean stopped;
    volatile Throwable failure;
    private int generation;

    Pool(int count) {
      workers = new Worker[count];
      for (int i = 0; i < count; i++) {
        workers[i] = new Worker(this, i + 1);
        workers[i].thread.start();
      }
    }

    void run(int n, int chunks, RangeBody body) {
      failure = null;
      var t = new Task(++generation, body, n, chunks, new AtomicInteger(1), new AtomicInteger());
      task = t;
      for (int i = 0; i < chunks - 1; i++) {
        Worker w = workers[i];
        if (w.sleeping) {
          LockSupport.unpark(w.thread);
        }
      }
      INSIDE.set(true);
      try {
        body.run(0, (int) ((long) n / chunks));
        t.work(this);
      } finally {
        INSIDE.set(false);
      }
      awaitWorkers(t);
      Throwable f = failure;
      if (f instanceof RuntimeException re) {
        throw re;
      } else if (f instanceof Error err) {
        throw err;
      } else if (f != null) {
        throw new IllegalStateException(f);
      }
    }

    private void awaitWorkers(Task t) {
      int want = t.chunks() - 1;
      for (int s = 0; t.done().get() < want && s < SPINS; s++) {
        Thread.onSpinWait();
      }
      if (t.done().get() < want) {
        waiter = Thread.currentThread();
        while (t.done().get() < want) {
          LockSupport.park(this);
        }
        waiter = null;
      }
    }

    void wakeCaller() {
      Thread w = waiter;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }

    void shutdown() {
      stopped = true;
      for (Worker w : workers) {
        LockSupport.unpark(w.thread);
      }
    }
  }

  private static final class Worker implements Runnable {
    final Pool pool;
    final int chunk;
    final Thread thread;
    volatile boolean sleeping;

    Worker(Pool pool, int chunk) {
      this.pool = pool;
      this.chunk = chunk;
      this.thread = new Thread(this, "ssmlab-worker-" + chunk);
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      INSIDE.set(true);
      int seen = 0;
      while (!pool.stopped) {
        Task t = pool.task;
        for (int s = 0; (t == null || t.generation() == seen) && s < Pool.SPINS; s++) {
          Thread.onSpinWait();
          t = pool.task;
        }
        if (t == null || t.generation() == seen) {
          sleeping = true;
          t = pool.task;
          if (!pool.stopped && (t == null || t.generation() == seen)) {
            LockSupport.park(this);
          }
          sleeping = false;
          continue;
        }
        seen = t.generation();
        if (t.work(pool)) {
          pool.wakeCaller();
        }
      }
    }
  }
}
