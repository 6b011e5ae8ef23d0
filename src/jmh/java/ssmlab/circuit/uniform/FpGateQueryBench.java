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
 * {@link GateQueryBench} for the F_p families at five sizes each ({@code step} 0..4): fp-mul at
 * p = 2^4, 2^7, 2^10, 2^13, 2^16 (q = min(p, 61), the command's default), fp-prod at
 * n = 2^2, 2^4, 2^6, 2^8, 2^10 factors (p = q = 8).
 *
 * <p>{@code ./ssmlab jmh FpGateQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FpGateQueryBench {
  @Param({"fp-mul", "fp-prod"})
  String family;

  @Param({"0", "1", "2", "3", "4"})
  int step;

  private SampledQueries queries;

  @Setup
  public void setUp() {
    int p = 1 << 4 + 3 * step;
    AddressedFamily f = family.equals("fp-mul") ? FpFamilies.of(family, p, Math.min(p, 61), 2)
        : FpFamilies.of(family, 8, 8, 1 << 2 + 2 * step);
    queries = new SampledQueries(f, 1024, step, a -> true);
  }

  @Benchmark
  public long query() {
    return queries.query();
  }
}
