package ssmlab.circuit;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the bit-parallel evaluator on random layered threshold circuits (20 layers,
 * fan-in 4; a quarter AND/OR, the rest MAJ and weighted THRESHOLD): the {@code gateEvaluations}
 * counter is gates × 64 × words per call, so JMH reports gate-evaluations per second.
 *
 * <p>{@code ./ssmlab jmh CircuitEvalBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CircuitEvalBench {
  @Param({"10000", "100000", "1000000"})
  int gates;

  @Param({"1", "2"})
  int threads;

  @Param({"8", "32"})
  int words;

  @Param({"4"})
  int fanIn;

  private BitParallelEvaluator evaluator;
  private long[] in;
  private long[] out;
  private long perCall;

  /** Gate-evaluations done, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long gateEvaluations;
  }

  @Setup(Level.Trial)
  public void setUp() {
    Circuit c = circuit(gates, fanIn);
    evaluator = new BitParallelEvaluator(c, words, threads);
    in = new SplittableRandom(1).longs((long) c.inputBits() * words).toArray();
    out = new long[c.outputBits() * words];
    perCall = c.stats().gates() * 64L * words;
  }

  /** The benchmark's circuit: seed 42, 256 inputs, 20 layers of gates/20. */
  static Circuit circuit(int gates, int fanIn) {
    return RandomCircuits.layered(42, 256, 20, gates / 20, fanIn);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    evaluator.close();
  }

  @Benchmark
  public long[] evaluate(Counters counters) {
    evaluator.evaluate(in, out);
    counters.gateEvaluations += perCall;
    return out;
  }
}
