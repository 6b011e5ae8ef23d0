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
 * {@link GateQueryBench} for int-div at precision p = 2^log2p, split by what a query reads:
 * {@code part=series} samples the normalisation, residue and series gates of one prime,
 * {@code part=crt} the reconstruction of R (lookups, the sums over the primes, the subtraction),
 * {@code part=rest} the leaves, the two products, the quotient, comparison, adders and the final
 * multiplexers, {@code part=all} the family's own sampler. p = 128 is the largest member.
 *
 * <p>{@code ./ssmlab jmh DivGateQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DivGateQueryBench {
  @Param({"all", "series", "crt", "rest"})
  String part;

  @Param({"2", "3", "4", "5", "6", "7"})
  int log2p;

  private SampledQueries queries;

  @Setup
  public void setUp() {
    AddressedFamily f = IntFamilies.of("int-div", 1 << log2p, 1);
    int bits = f.addressBits();
    queries = new SampledQueries(f, 1024, log2p, a -> {
      long top = a >>> bits - 5; // the part: 1..2 series, 3..8 the CRT, the rest around them
      return switch (part) {
        case "series" -> top >= 1 && top <= 2;
        case "crt" -> top >= 3 && top <= 8;
        case "rest" -> top == 0 || top >= 9;
        default -> true;
      };
    });
  }

  @Benchmark
  public long query() {
    return queries.query();
  }
}
