package ssmlab.circuit.uniform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Times queries at random addresses. One query decodes the address and answers the gate's type,
 * fan-in, threshold, and the address and weight of one input (a random index drawn beforehand):
 * one membership test of the direct connection language with the input's index.
 */
public final class QuerySample {
  private static final long WARM_NANOS = 1_000_000_000L;
  private static final long TIMED_NANOS = 500_000_000L;

  private final AddressedFamily family;
  private final long[] addresses;
  private final int[] index;

  /** {@code k} random addresses of {@code family} from {@code seed}, and an input index each. */
  public QuerySample(AddressedFamily family, int k, long seed) {
    this.family = family;
    this.addresses = new long[k];
    this.index = new int[k];
    var rnd = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      addresses[i] = family.sample(rnd);
      int fanIn = family.gate(addresses[i]).fanIn();
      index[i] = fanIn == 0 ? -1 : rnd.nextInt(fanIn);
    }
  }

  /** The largest fan-in among the sampled gates. */
  public long maxFanIn() {
    long m = 0;
    for (long a : addresses) {
      m = Math.max(m, family.gate(a).fanIn());
    }
    return m;
  }

  /** One pass over the sample; the result only keeps the work from being optimised away. */
  public long pass() {
    long acc = 0;
    for (int i = 0; i < addresses.length; i++) {
      Gate g = family.gate(addresses[i]);
      acc += g.type().ordinal() + g.fanIn() + g.threshold();
      if (index[i] >= 0) {
        acc += g.input(index[i]) ^ g.weight(index[i]);
      }
    }
    return acc;
  }

  /**
   * Nanoseconds per query: passes for 1 s to warm up, then the mean over 0.5 s of passes, in
   * CPU time of this thread (wall time where the JVM cannot tell), so that other processes on a
   * shared machine count less.
   */
  public double nanosPerQuery() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    boolean cpu = bean.isCurrentThreadCpuTimeSupported();
    long sink = 0;
    for (long t0 = System.nanoTime(); System.nanoTime() - t0 < WARM_NANOS; ) {
      sink += pass();
    }
    long passes = 0;
    long t0 = System.nanoTime();
    long c0 = cpu ? bean.getCurrentThreadCpuTime() : t0;
    do {
      sink += pass();
      passes++;
    } while (System.nanoTime() - t0 < TIMED_NANOS);
    long spent = (cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime()) - c0;
    if (sink == 42) {
      System.err.print("");
    }
    return spent / (double) (passes * addresses.length);
  }
}
