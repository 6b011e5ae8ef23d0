package ssmlab.model.mamba;

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

import ssmlab.nn.GradCheck;
import ssmlab.tensor.Parallel;

/**
 * One Mamba mixer, forward + backward, and the selective scan alone, at the training bench
 * setting: d_model 64 (d_inner 128, N 16), batch 32, length 64.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MambaMixerBench {

  private static final int BATCH = 32;
  private static final int LEN = 64;

  @Param({"2"})
  public int threads;

  @Param({"0,1"})
  public String eigenvalues;

  private MambaMixer mixer;
  private float[] x;
  private float[] dy;
  private SelectiveScan scan;
  private float[][] io;

  @Setup
  public void setUp() {
    Parallel.setThreads(threads);
    MambaConfig cfg = MambaConfig.of(64, 2, 64).withEigenvalues(Eigenvalues.parse(eigenvalues));
    var rng = new SplittableRandom(1);
    mixer = new MambaMixer("m", cfg, rng);
    x = GradCheck.randomProjection(BATCH * LEN * 64, rng);
    dy = GradCheck.randomProjection(BATCH * LEN * 64, rng);
    int di = cfg.dInner();
    int n = cfg.dState();
    scan = new SelectiveScan(LEN, di, n, cfg.eigenvalues(), cfg.discretization());
    int m = BATCH * LEN * di;
    float[] delta = new float[m];
    java.util.Arrays.fill(delta, 0.05f);
    float[] a = new float[di * n];
    java.util.Arrays.fill(a, -1f);
    io = new float[][] {GradCheck.randomProjection(m, rng), delta, a,
      GradCheck.randomProjection(BATCH * LEN * n, rng), GradCheck.randomProjection(BATCH * LEN * n, rng),
      new float[di], GradCheck.randomProjection(m, rng), new float[m * n], new float[m],
      new float[m]};
  }

  @Benchmark
  public float[] mixerForwardBackward() {
    mixer.forward(x, BATCH, LEN);
    return mixer.backward(dy);
  }

  @Benchmark
  public float[] scanForward() {
    scan.forward(BATCH, io[0], io[1], io[2], io[3], io[4], io[5], io[6], io[7], io[8], io[9]);
    return io[9];
  }
}
