package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class LoweringTest {

  static LongStream seeds() {
    return LongStream.range(0, 8);
  }

  static long[] outputs(Circuit c, long[] in) {
    long[] out = new long[c.outputBits()];
    new BitParallelEvaluator(c).evaluate(in, out);
    return out;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void toMajorityAndToAndOr_randomCircuits_sameFunction(long seed) {
    var rnd = new SplittableRandom(seed);
    Circuit c = RandomCircuits.layered(seed, 10, 3, 12, 2 + rnd.nextInt(6));
    long[] in = rnd.longs(c.inputBits()).toArray();
    long[] want = outputs(c, in);

    Circuit maj = Lowering.toMajority(c);
    assertThat(maj.stats().counts().get(GateType.THRESHOLD)).as("seed=%d", seed).isZero();
    assertThat(maj.stats().depthWithoutNot()).isEqualTo(c.stats().depthWithoutNot());
    assertThat(outputs(maj, in)).as("seed=%d MAJ", seed).containsExactly(want);

    Circuit andOr = Lowering.toAndOr(c);
    assertThat(andOr.stats().counts().get(GateType.THRESHOLD)).isZero();
    assertThat(andOr.stats().counts().get(GateType.MAJ)).isZero();
    assertThat(outputs(andOr, in)).as("seed=%d AND/OR", seed).containsExactly(want);
  }
}
