package ssmlab.circuit;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A circuit of about 10^8 wires (11·10^6 gates of fan-in 16 asked for in 20 layers; folding and
 * dead-gate removal keep about 7·10^6) built and evaluated in an 8 GiB heap: {@code build} times
 * the builder (hashing, folding, levelising), {@code evaluate} one pass of 64·words vectors.
 *
 * <p>{@code ./ssmlab jmh CircuitScaleBench -f 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class CircuitScaleBench {
  @Param({"11000000"})
  int gates;

  @Param({"16"})
  int fanIn;

  @Param({"8"})
  int words;

  private BitParallelEvaluator evaluator;
  private long[] in;
  private long[] out;

  @Setup(Level.Trial)
  public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
    if (!params.getBenchmark().endsWith("evaluate")) {
      return;
    }
    Circuit c = build();
    CircuitStats s = c.stats();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%nscale: gates=%d wires=%d depth=%d storage=%.2f GiB (%.1f bytes/wire)"
        + " heapUsed=%.2f GiB gateEvaluationsPerCall=%d%n", s.gates(), s.wires(), s.depth(),
        s.storageBytes() / (double) (1L << 30), s.storageBytes() / (double) s.wires(),
        (rt.totalMemory() - rt.freeMemory()) / (double) (1L << 30), s.gates() * 64L * words);
    evaluator = new BitParallelEvaluator(c, words, 1);
    in = new SplittableRandom(1).longs((long) c.inputBits() * words).toArray();
    out = new long[c.outputBits() * words];
  }

  @Benchmark
  public Circuit build() {
    return RandomCircuits.layered(7, 1024, 20, gates / 20, fanIn);
  }

  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public long[] evaluate() {
    evaluator.evaluate(in, out);
    return out;
  }
}
