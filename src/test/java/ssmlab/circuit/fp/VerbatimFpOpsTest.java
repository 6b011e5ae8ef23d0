package ssmlab.circuit.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Replay;
import ssmlab.circuit.Simulation;
import ssmlab.fp.FloatFormat;

/**
 * Random small F_p blocks built verbatim (operands inputs or constants) evaluate, on random
 * floats, to what their replays through the simplifying builder evaluate to.
 */
final class VerbatimFpOpsTest {
  private static final FloatFormat[] FORMATS = {
      FloatFormat.of(3, 3), FloatFormat.of(4, 3), FloatFormat.of(3, 2)};
  private static final String[] BLOCKS = {
      "multiply", "sum", "product", "divide", "floor", "lessThan", "equal", "negate", "exp"};

  static LongStream seeds() {
    return LongStream.range(0, 24);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomBlock_verbatimEvaluatesAsItsReplay(long seed) {
    var rnd = new SplittableRandom(seed);
    FloatFormat f = FORMATS[rnd.nextInt(FORMATS.length)];
    String block = BLOCKS[(int) (seed % BLOCKS.length)];
    int n = block.equals("sum") || block.equals("product") ? rnd.nextInt(2, 4) : 2;
    CircuitBuilder b = CircuitBuilder.verbatim();
    List<FpWires> xs = new ArrayList<>();
    int ports = 0;
    for (int i = 0; i < n; i++) {
      boolean constant = i > 0 && rnd.nextInt(3) == 0;
      xs.add(constant ? FpWires.constant(FpCircuitTest.random(f, rnd))
          : FpWires.input(b, "x" + ports++, f));
    }
    b.output("z", apply(b, f, block, xs));
    Circuit verbatim = b.build();
    Circuit replay = Replay.simplify(b).build();
    for (int count : new int[] {64, 512}) { // 1 word: scalar kernels; 8 words: SIMD
      Map<String, BigInteger[]> in = new HashMap<>();
      for (int i = 0; i < ports; i++) {
        BigInteger[] v = new BigInteger[count];
        for (int j = 0; j < count; j++) {
          v[j] = FpWires.encode(FpCircuitTest.random(f, rnd));
        }
        in.put("x" + i, v);
      }
      assertThat(Simulation.run(verbatim, in, count).get("z"))
          .as("%s of %d in %s, %d vectors", block, n, f, count)
          .isEqualTo(Simulation.run(replay, in, count).get("z"));
    }
  }

  private static int[] apply(CircuitBuilder b, FloatFormat f, String block, List<FpWires> xs) {
    FpWires x = xs.get(0);
    FpWires y = xs.get(1);
    return switch (block) {
      case "multiply" -> FpOps.multiply(b, x, y).bits();
      case "sum" -> FpOps.sum(b, xs).bits();
      case "product" -> FpOps.product(b, xs).bits();
      case "divide" -> FpOps.divide(b, x, y).bits();
      case "floor" -> FpOps.floor(b, x).bits();
      case "lessThan" -> new int[] {FpOps.lessThan(b, x, y)};
      case "equal" -> new int[] {FpOps.equal(b, x, y)};
      case "negate" -> FpOps.negate(b, x).bits();
      default -> new WireArithmetic(b, f).exp(x).bits();
    };
  }
}
