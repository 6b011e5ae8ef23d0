package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class BitParallelEvaluatorTest {

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  // Slow-vs-fast: every vector of every word agrees with the one-vector reference evaluator.
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void evaluate_randomCircuits_matchesReference(long seed) {
    var rnd = new SplittableRandom(seed);
    int fanIn = 2 + rnd.nextInt(30); // every counter width of the evaluator
    Circuit c = RandomCircuits.layered(seed, 12, 1 + rnd.nextInt(6), 20, fanIn);
    int words = new int[] {1, 2, 3, 4, 8}[rnd.nextInt(5)]; // 4 and 8 take the SIMD kernels
    int threads = 1 + (int) (seed % 2);
    long[] in = new long[c.inputBits() * words];
    for (int i = 0; i < in.length; i++) {
      in[i] = rnd.nextLong();
    }
    long[] out = new long[c.outputBits() * words];
    try (var ev = new BitParallelEvaluator(c, words, threads)) {
      ev.evaluate(in, out);
    }
    for (int v = 0; v < 64 * words; v++) {
      boolean[] x = new boolean[c.inputBits()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (in[i * words + v / 64] >>> (v % 64) & 1) != 0;
      }
      boolean[] want = ReferenceEvaluator.evaluate(c, x);
      for (int o = 0; o < want.length; o++) {
        boolean got = (out[o * words + v / 64] >>> (v % 64) & 1) != 0;
        assertThat(got).as("seed=%d vector=%d output=%d", seed, v, o).isEqualTo(want[o]);
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void evaluate_wideMajority_matchesCount(long seed) {
    // Unit-weight gates of fan-in 32..100 take the wide counters.
    var rnd = new SplittableRandom(seed);
    int k = rnd.nextInt(32, 101);
    var b = new CircuitBuilder();
    int[] x = b.input("x", k);
    int t = rnd.nextInt(2, k);
    b.output("y", b.atLeast(x, t));
    Circuit c = b.build();
    int words = seed % 2 == 0 ? 1 : 8;
    long[] in = rnd.longs((long) k * words).toArray();
    long[] out = new long[words];
    new BitParallelEvaluator(c, words, 1).evaluate(in, out);
    for (int v = 0; v < 64 * words; v++) {
      int count = 0;
      for (int i = 0; i < k; i++) {
        count += (int) (in[i * words + v / 64] >>> (v % 64) & 1);
      }
      assertThat((out[v / 64] >>> (v % 64) & 1) != 0).as("seed=%d vector=%d", seed, v)
          .isEqualTo(count >= t);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void evaluate_wideWeightedGate_matchesSum(long seed) {
    // One threshold gate with large mixed-sign weights, checked against the sum directly.
    var rnd = new SplittableRandom(seed);
    int k = 1 + rnd.nextInt(40);
    var b = new CircuitBuilder();
    int[] x = b.input("x", k);
    int[] w = new int[k];
    for (int i = 0; i < k; i++) {
      w[i] = rnd.nextInt(-1000, 1001);
    }
    long t = rnd.nextLong(-5000, 5000);
    b.output("y", b.threshold(x, w, t));
    Circuit c = b.build();
    int words = seed % 2 == 0 ? 1 : 4; // scalar and SIMD kernels
    long[] in = rnd.longs((long) k * words).toArray();
    long[] out = new long[words];
    new BitParallelEvaluator(c, words, 1).evaluate(in, out);
    for (int v = 0; v < 64 * words; v++) {
      long sum = 0;
      for (int i = 0; i < k; i++) {
        sum += (in[i * words + v / 64] >>> (v % 64) & 1) * w[i];
      }
      assertThat((out[v / 64] >>> (v % 64) & 1) != 0).as("seed=%d vector=%d", seed, v)
          .isEqualTo(sum >= t);
    }
  }
}
