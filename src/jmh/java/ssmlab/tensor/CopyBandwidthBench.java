package ssmlab.tensor;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's memory bandwidth as a kernel sees it: one copy of a 256 MB float array, split
 * between {@code threads} (GB/s = 2 x 256 MB / time, read and write counted), far past every
 * cache. The roofline of the Mamba scan in the README divides its traffic by this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CopyBandwidthBench {

  private static final int FLOATS = 64 << 20;

  @Param({"1", "2"})
  public int threads;

  private float[] from;
  private float[] to;

  @Setup
  public void setUp() {
    Parallel.setThreads(threads);
    from = new float[FLOATS];
    to = new float[FLOATS];
    for (int i = 0; i < FLOATS; i++) {
      from[i] = i;
    }
  }

  @Benchmark
  public float[] copy() {
    Parallel.forRange(threads, 1, (c0, c1) -> {
      for (int c = c0; c < c1; c++) {
        int lo = (int) ((long) FLOATS * c / threads);
        int hi = (int) ((long) FLOATS * (c + 1) / threads);
        System.arraycopy(from, lo, to, lo, hi - lo);
      }
    });
    return to;
  }
}
