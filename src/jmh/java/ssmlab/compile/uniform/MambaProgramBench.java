package ssmlab.compile.uniform;

import java.util.Map;
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
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * One query of a Mamba's program at length n = 2^logN (unrolled scan, d_model 16, 2 layers,
 * d_state 8): the call, arity and one operand of a random step, 4096 random (step, operand)
 * pairs drawn once, cycled. The program has about 2^(2 logN + 8) steps, never built.
 *
 * <p>{@code ./ssmlab jmh MambaProgramBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MambaProgramBench {
  @Param({"4", "8", "12", "16", "20", "24"})
  int logN;

  private MambaProgram program;
  private long n;
  private final long[] step = new long[4096];
  private final long[] operand = new long[4096];
  private int next;

  @Setup
  public void setUp() {
    var config = new ModelConfig("mamba", 16, 16, 2, Map.of("d_state", "8"));
    program = MambaProgram.of(MambaWeights.of(Models.create(config, 1)), ScanForm.UNROLLED);
    n = 1L << logN;
    var rnd = new SplittableRandom(logN);
    for (int i = 0; i < step.length; i++) {
      step[i] = rnd.nextLong(program.size(n));
      operand[i] = rnd.nextLong(program.arity(n, step[i]));
    }
  }

  @Benchmark
  public long query() {
    int i = next++ & (step.length - 1);
    return program.call(n, step[i]).ordinal() + program.arity(n, step[i])
        + program.operand(n, step[i], operand[i]).hashCode();
  }
}
