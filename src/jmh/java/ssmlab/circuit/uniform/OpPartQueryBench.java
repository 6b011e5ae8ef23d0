package ssmlab.circuit.uniform;

import java.util.List;
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
import ssmlab.fp.FloatFormat;

/**
 * {@link GateQueryBench} for the operation parts alone ({@link OpFamily}) against p = 2^log2p,
 * q = 12: lessThanSelect of x, y ∈ F_p choosing between two floats of W = F_(2p+12, 14),
 * exponent from F_p into W, scale of a W float by k ∈ F_p into W (the shapes of the programs).
 * 1024 sampled addresses cycled.
 *
 * <p>{@code ./ssmlab jmh OpPartQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OpPartQueryBench {
  @Param({"select", "exponent", "scale"})
  String kind;

  @Param({"4", "7", "10", "13"})
  int log2p;

  private SampledQueries queries;

  @Setup
  public void setUp() {
    int p = 1 << log2p;
    FloatFormat f = FloatFormat.of(p, 12);
    FloatFormat w = FloatFormat.of(2 * p + 12, 14);
    ProgramValue x = ProgramValue.input(f);
    ProgramOp op = switch (kind) {
      case "select" -> new ProgramOp(0, OpKind.LESS_THAN_SELECT, List.of(x,
          new ProgramValue(1, f, null), new ProgramValue(2, w, null),
          new ProgramValue(3, w, null)), w);
      case "exponent" -> new ProgramOp(0, OpKind.EXPONENT, List.of(x), w);
      default -> new ProgramOp(0, OpKind.SCALE, List.of(new ProgramValue(1, w, null), x), w);
    };
    queries = new SampledQueries(new OpFamily(kind, op), 1024, log2p, a -> true);
  }

  @Benchmark
  public long query() {
    return queries.query();
  }
}
