package ssmlab.circuit.uniform;

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
 * The cost of one query of an addressed family against its size n = 2^log2n: the arity of
 * int-sum (p = 8), the precision of int-add and int-mul. A query decodes a random address and
 * answers type, fan-in, threshold and one input with its weight (as {@code circuit gate
 * --sample}); 4096 addresses drawn once, cycled.
 *
 * <p>{@code ./ssmlab jmh GateQueryBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GateQueryBench {
  @Param({"int-sum", "int-mul", "int-add"})
  String family;

  @Param({"4", "8", "12", "16", "20"})
  int log2n;

  private AddressedFamily f;
  private final long[] addresses = new long[4096];
  private final int[] index = new int[4096];
  private int next;

  @Setup
  public void setUp() {
    int n = log2n >= 31 ? Integer.MAX_VALUE : 1 << log2n;
    f = family.equals("int-sum") ? IntFamilies.of(family, 8, n) : IntFamilies.of(family, n, 2);
    var rnd = new SplittableRandom(log2n);
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = f.sample(rnd);
      int fanIn = f.gate(addresses[i]).fanIn();
      index[i] = fanIn == 0 ? -1 : rnd.nextInt(fanIn);
    }
  }

  @Benchmark
  public long query() {
    int i = next++ & (addresses.length - 1);
    Gate g = f.gate(addresses[i]);
    long r = g.type().ordinal() + g.fanIn() + g.threshold();
    return index[i] < 0 ? r : r + (g.input(index[i]) ^ g.weight(index[i]));
  }
}
