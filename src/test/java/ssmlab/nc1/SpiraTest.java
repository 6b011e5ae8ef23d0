package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class SpiraTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void balance_chain_isEquivalentAndLogDepth(long seed) {
    var rng = new SplittableRandom(seed);
    int vars = 6;
    int leaves = 32 + rng.nextInt(40);
    BoolFormula f = RandomFormulas.chain(leaves, vars, rng);
    BoolFormula g = Spira.balance(f);
    assertThat(g.depth()).as("seed=%d leaves=%d", seed, leaves)
        .isLessThanOrEqualTo(Spira.depthBound(leaves));
    assertThat(g.depth()).as("seed=%d", seed).isLessThan(f.depth());
    for (int bits = 0; bits < 1 << vars; bits++) {
      boolean[] a = RandomFormulas.assignment(bits, vars);
      assertThat(g.eval(a)).as("seed=%d bits=%d", seed, bits).isEqualTo(f.eval(a));
    }
  }

  @org.junit.jupiter.api.Test
  void balance_longChain_isFastAndWithinTheBound() {
    // a 1,024-leaf chain of depth 1,023: the recursion does about s^2.7 work, not more
    BoolFormula f = RandomFormulas.chain(1024, 8, new SplittableRandom(1));
    BoolFormula g = Spira.balance(f);
    assertThat(g.depth()).isLessThanOrEqualTo(Spira.depthBound(1024));
    var rng = new SplittableRandom(2);
    for (int t = 0; t < 256; t++) {
      boolean[] a = RandomFormulas.assignment(rng.nextInt(256), 8);
      assertThat(g.eval(a)).isEqualTo(f.eval(a));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void balance_randomFormula_isEquivalentAndNoDeeper(long seed) {
    var rng = new SplittableRandom(seed);
    int vars = 5;
    BoolFormula f = RandomFormulas.random(1 + rng.nextInt(30), vars, rng);
    BoolFormula g = Spira.balance(f);
    assertThat(g.depth()).as("seed=%d", seed).isLessThanOrEqualTo(f.depth());
    for (int bits = 0; bits < 1 << vars; bits++) {
      boolean[] a = RandomFormulas.assignment(bits, vars);
      assertThat(g.eval(a)).as("seed=%d bits=%d", seed, bits).isEqualTo(f.eval(a));
    }
  }
}
