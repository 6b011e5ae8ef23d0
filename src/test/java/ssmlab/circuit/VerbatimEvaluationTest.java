package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A verbatim build, constants, repeats and unreachable thresholds kept, evaluates to what its
 * replay through the simplifying builder evaluates to, and to what the reference evaluator says,
 * in the bit-parallel evaluator's scalar and SIMD kernels, with one thread and two.
 */
final class VerbatimEvaluationTest {
  private static final int X = 4;

  static Stream<Arguments> patterns() {
    return Stream.of(
        pattern("or of no inputs", (b, x) -> b.or(new int[0])),
        pattern("and of no inputs", (b, x) -> b.and(new int[0])),
        pattern("or of false", (b, x) -> b.or(CircuitBuilder.FALSE)),
        pattern("and of x, true, x", (b, x) -> b.and(x[0], CircuitBuilder.TRUE, x[0])),
        pattern("not of true", (b, x) -> b.not(CircuitBuilder.TRUE)),
        pattern("threshold t = 0", (b, x) -> b.threshold(x, new int[] {1, 2, 1, 1}, 0)),
        pattern("threshold t < 0", (b, x) -> b.threshold(x, new int[] {1, -2, 1, 1}, -3)),
        pattern("threshold t > sum", (b, x) -> b.threshold(x, new int[] {1, -2, 1, 1}, 4)),
        pattern("threshold of no inputs, t = 0", (b, x) -> b.threshold(new int[0], new int[0], 0)),
        pattern("threshold of true, t = 1",
            (b, x) -> b.threshold(new int[] {CircuitBuilder.TRUE}, new int[] {1}, 1)),
        pattern("threshold of x, x, zero weight",
            (b, x) -> b.threshold(new int[] {x[1], x[1], x[2]}, new int[] {1, 1, 0}, 2)),
        pattern("wide weighted t' > sum",
            (b, x) -> b.threshold(x, new int[] {100, -50, 30, 1}, 500)),
        pattern("wide weighted t' <= 0",
            (b, x) -> b.threshold(x, new int[] {100, -50, 30, 1}, -50)),
        pattern("unit weights t = 0", (b, x) -> b.atLeast(x, 0)),
        pattern("unit weights t > k", (b, x) -> b.atLeast(x, X + 1)),
        pattern("wide unit weights t > k", (b, x) -> b.atLeast(repeat(x, 10), 41)),
        pattern("wide unit weights t = -1", (b, x) -> b.atLeast(repeat(x, 10), -1)));
  }

  private interface Gate {
    int of(CircuitBuilder b, int[] x);
  }

  private static Arguments pattern(String name, Gate gate) {
    Consumer<CircuitBuilder> build = b -> {
      int[] x = b.input("x", X);
      b.output("y", gate.of(b, x));
    };
    return Arguments.of(name, build);
  }

  private static int[] repeat(int[] x, int times) {
    int[] r = new int[x.length * times];
    for (int i = 0; i < r.length; i++) {
      r[i] = x[i % x.length];
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void pattern_evaluatesAsItsReplay(String name, Consumer<CircuitBuilder> build) {
    CircuitBuilder b = CircuitBuilder.verbatim();
    build.accept(b);
    assertAgreesWithReplay(b, 1);
  }

  static LongStream seeds() {
    return LongStream.range(0, 16);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomVerbatimCircuit_evaluatesAsItsReplay(long seed) {
    var rnd = new SplittableRandom(seed);
    CircuitBuilder b = CircuitBuilder.verbatim();
    int[] x = b.input("x", 6);
    int gates = 60;
    int[] y = new int[gates];
    for (int g = 0; g < gates; g++) {
      y[g] = randomGate(b, rnd);
    }
    b.output("y", y);
    assertAgreesWithReplay(b, seed);
  }

  /**
   * One gate over random earlier wires, constants and repeats included: NOT, AND or OR of 0..4
   * wires, or a threshold gate of 0..5 (sometimes 33..40) wires with weights in [−3, 3] and a
   * threshold up to 2 beyond either end of what the sum can reach.
   */
  private static int randomGate(CircuitBuilder b, SplittableRandom rnd) {
    int kind = rnd.nextInt(5);
    int k = kind == 0 ? 1 : rnd.nextInt(8) == 0 ? rnd.nextInt(33, 41) : rnd.nextInt(kind < 3 ? 5 : 6);
    int[] in = new int[k];
    for (int i = 0; i < k; i++) {
      in[i] = rnd.nextInt(b.gateCount());
    }
    if (kind == 0) {
      return b.not(in[0]);
    }
    if (kind < 3) {
      return kind == 1 ? b.and(in) : b.or(in);
    }
    int[] w = new int[k];
    long min = 0;
    long max = 0;
    for (int i = 0; i < k; i++) {
      w[i] = kind == 3 ? 1 : rnd.nextInt(-3, 4);
      min += Math.min(w[i], 0);
      max += Math.max(w[i], 0);
    }
    return b.threshold(in, w, rnd.nextLong(min - 2, max + 3));
  }

  /**
   * Evaluates the verbatim circuit and its replay on the same random vectors: 1 word (scalar
   * kernels), 8 words (SIMD kernels where the width divides 8) with 2 threads, 3 words; and the
   * verbatim circuit's first 64 vectors by the reference evaluator.
   */
  static void assertAgreesWithReplay(CircuitBuilder verbatim, long seed) {
    Circuit v = verbatim.build();
    Circuit r = Replay.simplify(verbatim).build();
    var rnd = new SplittableRandom(seed);
    int[][] runs = {{1, 1}, {8, 2}, {3, 1}};
    for (int[] run : runs) {
      int words = run[0];
      long[] in = rnd.longs((long) v.inputBits() * words).toArray();
      long[] got = evaluate(v, in, words, run[1]);
      long[] want = evaluate(r, in, words, run[1]);
      assertThat(got).as("verbatim vs replay, %d words, %d threads", words, run[1])
          .isEqualTo(want);
      if (words == 1) {
        for (int vec = 0; vec < 64; vec++) {
          boolean[] x = new boolean[v.inputBits()];
          for (int i = 0; i < x.length; i++) {
            x[i] = (in[i] >>> vec & 1) != 0;
          }
          boolean[] ref = ReferenceEvaluator.evaluate(v, x);
          for (int o = 0; o < ref.length; o++) {
            assertThat((got[o] >>> vec & 1) != 0).as("vector %d output %d", vec, o)
                .isEqualTo(ref[o]);
          }
        }
      }
    }
  }

  private static long[] evaluate(Circuit c, long[] in, int words, int threads) {
    long[] out = new long[c.outputBits() * words];
    try (var ev = new BitParallelEvaluator(c, words, threads)) {
      ev.evaluate(in, out);
    }
    return out;
  }
}
