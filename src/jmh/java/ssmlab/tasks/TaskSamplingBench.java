package ssmlab.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sampling speed per task: one op draws one encoded sample of {@code length} tokens, so tokens
 * per second = ops/s x length. The bar is 100,000 tokens/s for every task.
 *
 * <p>{@code ./ssmlab jmh TaskSamplingBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaskSamplingBench {

  /** A task name, then options as {@code key=value} separated by {@code ;}. */
  @Param({
    "s5", "a5", "s4", "s3", "a4xz5", "z60", "z2", "perm;k=8", "s5-identity", "parity",
    "modcount;m=5", "dyck1", "dyck;k=8;depth=10", "shuffle-dyck;k=6", "tomita;n=3",
    "starfree-d;n=4", "anbn", "aa-star", "flipflop", "even-pairs", "modarith",
    "modarith-brackets", "cycle-nav", "reverse", "stack-manip", "arith",
    "arith;semiring=bool", "bfvp", "bfvp;form=postfix", "bfvp;via=barrington", "copy",
    "lis-cot"
  })
  public String task;

  @Param({"256"})
  public int length;

  private Task t;
  private SplittableRandom rng;

  @Setup
  public void setup() {
    String[] parts = task.split(";");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=");
      options.put(kv[0], kv[1]);
    }
    t = TaskRegistry.create(parts[0], options);
    rng = new SplittableRandom(42);
  }

  @Benchmark
  public EncodedSample sampleEncoded() {
    return t.sampleEncoded(length, rng);
  }
}
