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
 * {@link GateQueryBench} for int-prod (p = 8, arity n = 2^log2n), split by what a query reads:
 * {@code part=residue} samples the residue, dlog-sum and Λ gates of one prime (arithmetic on
 * O(log n)-bit numbers plus O(√q) generator and discrete-log searches), {@code part=crt} the
 * CRT lookups, the two sums over the primes and the subtraction (bits of the O(n)-bit
 * constants), {@code part=all} the family's own sampler. At p = 8 the address takes all 63
 * bits at n = 2^12, the last size that fits; the bench stops at 2^10.
 *
 * <p>{@code ./ssmlab jmh ProdGateQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProdGateQueryBench {
  @Param({"all", "residue", "crt"})
  String part;

  @Param({"2", "4", "6", "8", "10"})
  int log2n;

  private SampledQueries queries;

  @Setup
  public void setUp() {
    AddressedFamily f = IntFamilies.of("int-prod", 8, 1 << log2n);
    int bits = f.addressBits();
    queries = new SampledQueries(f, 1024, log2n, a -> {
      long top = a >>> bits - 4; // the part: 1..3 residue side, 4..9 the CRT side
      boolean residueSide = top >= 1 && top <= 3;
      return part.equals("all") || (part.equals("residue") ? residueSide : top >= 4);
    });
  }

  @Benchmark
  public long query() {
    return queries.query();
  }
}
