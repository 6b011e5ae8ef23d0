package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * {@code FoldedProduct}'s iterated product (k ≥ 3 variable factors, a folded constant) as
 * {@link FpProdFamily#folded}: gate for gate against the verbatim build of every such operation
 * in the paper functions' programs at p = 4, 8, 12, 16, and of hand-picked shapes.
 */
final class FoldedProductFamilyTest {

  /** Every iterated product of the six programs, one per distinct shape (k, format, constants). */
  static Stream<Arguments> programProducts() {
    return OperationFamilyTest.programShapes(Set.of(OpKind.ITERATED_PRODUCT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programProducts")
  void everyProgramProduct_agreesWithTheBuilder(String name, ProgramOp op) {
    OperationFamilyTest.assertAgrees(op);
  }

  /**
   * Hand-picked, constants as (m, e) for m·2^e (their significands have p bits, so C is 1 or at
   * least 2^(p−1)): none (C = 1, E = 0, no NOT, no exponent adder); −1 (C = 4, E = −2,
   * negative); two constants; three (C = 1680, wider than the factors); E = 0 with a negative
   * C = 2 at k = 5; k = 6.
   */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(3, 2, 1, new long[] {}),
        Arguments.of(3, 3, 2, new long[] {-1, 0}),
        Arguments.of(4, 2, 2, new long[] {1, -2, -3, 0}),
        Arguments.of(3, 4, 3, new long[] {-3, -2, 5, 0, 7, 0}),
        Arguments.of(5, 2, 3, new long[] {-1, 1}),
        Arguments.of(6, 3, 2, new long[] {3, -1}),
        Arguments.of(3, 5, 4, new long[] {1, -1}));
  }

  @ParameterizedTest(name = "k={0} p={1} q={2}")
  @MethodSource("shapes")
  void handPickedShapes_agreeWithTheBuilder(int k, int p, int q, long[] constants) {
    OperationFamilyTest.assertAgrees(op(k, FloatFormat.of(p, q), constants));
  }

  /** The circuit built from the queries alone multiplies as the format rounds, once. */
  @Test
  void queryCircuit_multipliesAsTheFormatRounds() {
    FloatFormat f = FloatFormat.of(3, 2);
    long[] constants = {-3, -2, 3, 1};
    ProgramOp op = op(3, f, constants);
    Circuit c = FamilyCircuit.build(FpProdFamily.of(op), FpWires.width(f)).build();
    List<FloatP> values = FpCircuitTest.all(f);
    var rnd = new SplittableRandom(7);
    for (int t = 0; t < 1500; t++) {
      List<FloatP> xs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        xs.add(values.get(rnd.nextInt(values.size())));
      }
      List<FloatP> all = new ArrayList<>(xs);
      all.addAll(OperationFamilyTest.values(f, constants));
      assertThat(FamilyAssertions.evaluate(c, f, xs)).as("%s in %s", xs, f)
          .isEqualTo(f.iteratedProduct(all));
    }
  }

  @Test
  void everyInput_isIndexed_andBadAddressesAreRefused() {
    AddressedFamily f = FpProdFamily.of(op(3, FloatFormat.of(2, 2), new long[] {-3, 0}));
    FamilyAssertions.everyInputIndexed(f);
    FamilyAssertions.refused(f,
        FamilyAssertions.at(f, 5, 21, 0, 0, 0, 0), // no part 21
        FamilyAssertions.at(f, 5, 13, 0, 2, 1, 0)); // the sign's NOT has a = 0
    AddressedFamily unit = FpProdFamily.of(op(3, FloatFormat.of(2, 2), new long[] {}));
    FamilyAssertions.refused(unit,
        FamilyAssertions.at(unit, 5, 20, 0, 0, 0, 0), // E = 0: no exponent adder
        FamilyAssertions.at(unit, 5, 13, 0, 2, 0, 0)); // a positive constant: no NOT
    FamilyAssertions.everyInputIndexed(unit);
  }

  @Test
  void fewerThanThreeVariables_isRefused() {
    assertThatThrownBy(() -> FpProdFamily.folded("x", 2, 4, 3,
        FoldedConstant.of(List.of()))).hasMessageContaining("3 variable factors");
  }

  /** A recorded product of k copies of x and the constants, in F_f. */
  private static ProgramOp op(int k, FloatFormat f, long[] constants) {
    ProgramOp op = OperationFamilyTest.product(k, f, constants);
    assertThat(op.kind()).isEqualTo(OpKind.ITERATED_PRODUCT);
    return op;
  }
}
