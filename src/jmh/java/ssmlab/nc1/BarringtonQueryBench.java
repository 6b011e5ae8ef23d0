package ssmlab.nc1;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of computing instruction i of Barrington's program for a complete formula of depth d
 * (length 4^d) without building the program; 4096 random indices drawn once, cycled.
 *
 * <p>{@code ./ssmlab jmh BarringtonQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BarringtonQueryBench {
  @Param({"2", "4", "8", "12", "16", "20", "24", "28", "31"})
  int depth;

  private CompleteFormula f;
  private final long[] index = new long[4096];
  private int next;

  @Setup
  public void setUp() {
    f = CompleteFormula.random(depth, 64, depth);
    var rnd = new SplittableRandom(depth);
    for (int i = 0; i < index.length; i++) {
      index[i] = rnd.nextLong(BarringtonQuery.length(f));
    }
  }

  @Benchmark
  public BranchingProgram.Instruction instruction() {
    return BarringtonQuery.instruction(f, index[next++ & (index.length - 1)]);
  }
}
