package ssmlab.circuit.tc0;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;

/**
 * Iterated multiplication on constant buses: constant wires fold away, so the CRT sums get
 * narrower buses than on inputs, and the result must not pick up bits beyond them.
 */
final class ConstantOperandTest {

  private static BigInteger eval(CircuitBuilder b, int[] out) {
    b.output("z", out);
    return Simulation.run(b.build(), Map.of("u", new BigInteger[] {BigInteger.ZERO}), 1)
        .get("z")[0];
  }

  @Test
  void iteratedProductOfConstantsIsExact() {
    var r = new SplittableRandom(7);
    for (int c = 0; c < 60; c++) {
      int n = 1 + r.nextInt(4);
      int bits = 1 + r.nextInt(5);
      var b = new CircuitBuilder();
      b.input("u", 1);
      List<int[]> xs = new ArrayList<>();
      BigInteger want = BigInteger.ONE;
      List<Long> vs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long v = r.nextInt(4) == 0 ? 0 : r.nextLong(1L << bits);
        vs.add(v);
        want = want.multiply(BigInteger.valueOf(v));
        xs.add(Bits.constant(v, bits));
      }
      assertThat(eval(b, IteratedMultiplication.product(b, xs))).as("product of %s", vs)
          .isEqualTo(want);
    }
  }

  @Test
  void reconstructOfZeroResiduesIsZero() {
    // the minimal case: every residue 0, so every CRT term folds to a constant 0
    int[] primes = Residues.primesFor(9);
    int[][] oneHots = new int[primes.length][];
    for (int j = 0; j < primes.length; j++) {
      oneHots[j] = new int[primes[j]];
      java.util.Arrays.fill(oneHots[j], CircuitBuilder.FALSE);
      oneHots[j][0] = CircuitBuilder.TRUE;
    }
    var b = new CircuitBuilder();
    b.input("u", 1);
    assertThat(eval(b, Residues.reconstruct(b, primes, oneHots, 9))).isEqualTo(BigInteger.ZERO);
  }
}
