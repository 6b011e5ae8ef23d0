package ssmlab.tensor;

import java.util.SplittableRandom;
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
 * Matrix products at the training shapes (d_model 64, batch 32 x length 64 = 2048 rows, inner
 * width 256), scalar reference vs Vector API, on 1 or 2 threads. GFLOP/s = 2·m·n·k / time.
 *
 * <p>Shapes: {@code fwd} y = x·Wᵀ (2048 x 64) x (64 x 256); {@code dW} dW += dyᵀ·x (256 x 2048) x
 * (2048 x 64); {@code dx} dx = dy·W (2048 x 256) x (256 x 64); {@code square} 512³.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GemmBench {

  @Param({"fwd", "dW", "dx", "square"})
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private float[] a;
  private float[] b;
  private float[] c;
  private int m;
  private int n;
  private int k;
  private boolean ta;
  private boolean tb;

  @Setup
  public void setUp() {
    Parallel.setThreads(threads);
    switch (shape) {
      case "fwd" -> set(2048, 256, 64, false, true);
      case "dW" -> set(256, 64, 2048, true, false);
      case "dx" -> set(2048, 64, 256, false, false);
      case "square" -> set(512, 512, 512, false, false);
      default -> throw new IllegalArgumentException(shape);
    }
    var rng = new SplittableRandom(1);
    a = new float[m * k];
    b = new float[k * n];
    c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) rng.nextDouble();
    }
  }

  private void set(int m, int n, int k, boolean ta, boolean tb) {
    this.m = m;
    this.n = n;
    this.k = k;
    this.ta = ta;
    this.tb = tb;
  }

  @Benchmark
  public float[] vector() {
    VectorGemm.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, false);
    return c;
  }

  @Benchmark
  public float[] scalar() {
    ScalarGemm.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, false);
    return c;
  }
}
