package ssmlab.circuit.uniform;

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
 * {@link GateQueryBench} for fp-sum (p = 8) against the arity n = 2^log2n: q = 8 is the windowed
 * sum (its addresses hold n ≤ 2^14), q = 4 full alignment ({@code -p q=4 -p log2n=4,8,12,16,20}
 * goes further). 1024 sampled addresses cycled.
 *
 * <p>{@code ./ssmlab jmh FpSumGateQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FpSumGateQueryBench {
  @Param({"8"})
  int q;

  @Param({"4", "6", "8", "10", "12", "14"})
  int log2n;

  private SampledQueries queries;

  @Setup
  public void setUp() {
    queries = new SampledQueries(FpFamilies.of("fp-sum", 8, q, 1 << log2n), 1024, log2n,
        a -> true);
  }

  @Benchmark
  public long query() {
    return queries.query();
  }
}
