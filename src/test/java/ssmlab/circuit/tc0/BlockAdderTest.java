package ssmlab.circuit.tc0;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.CircuitStats;

final class BlockAdderTest {
  @ParameterizedTest(name = "width={0}")
  @ValueSource(ints = {1, 2, 3, 5, 6, 17})
  void add_everyPairOfSmallWidths_matchesBigInteger(int width) {
    int w = Math.min(width, 6);
    IntegerOpsTest.both(w, width * 13, (b, x, y) -> BlockAdder.add(b, x, y, CircuitBuilder.FALSE),
        BigInteger::add);
  }

  @ParameterizedTest(name = "width={0}")
  @ValueSource(ints = {6, 100, 541})
  void subtract_differenceAndNoBorrowBit(int width) {
    Oracle.random(IntegerOpsTest.binary(width, width, BlockAdder::subtract), width, 300,
        v -> IntegerOpsTest.difference(v, width));
  }

  @ParameterizedTest(name = "width={0}")
  @ValueSource(ints = {6, 200})
  void add_withCarryIn_matchesBigInteger(int width) {
    Oracle.random(IntegerOpsTest.binary(width, width,
        (b, x, y) -> BlockAdder.add(b, x, y, CircuitBuilder.TRUE)), width, 300,
        v -> new BigInteger[] {v[0].add(v[1]).add(BigInteger.ONE)});
  }

  @ParameterizedTest(name = "width={0}")
  @ValueSource(ints = {256, 512})
  void wideAdd_quadraticNotCubic(int width) {
    CircuitStats block = IntegerOpsTest.binary(width, width,
        (b, x, y) -> BlockAdder.add(b, x, y, CircuitBuilder.FALSE)).stats();
    CircuitStats plain = IntegerOpsTest.binary(width, width, Adder::add).stats();
    assertThat(block.wires()).isLessThan(4L * width * width).isLessThan(plain.wires() / 10);
    assertThat(block.depthWithoutNot()).isLessThanOrEqualTo(9);
  }

  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {2, 5, 16})
  void sumWide_random300Bit_matchesSum(int n) {
    Oracle.random(Oracle.nary(n, 300, IteratedAddition::sumWide), n, 100,
        IntegerOpsTest::sumOf);
  }
}
