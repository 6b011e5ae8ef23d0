package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireAlgebra;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FpAlgebra;

/**
 * The families of single program operations ({@link OperationFamily}) with no other check:
 * {@link ConvertFamily} and {@link SmallProductFamily}, gate for gate against the operation built
 * alone in a verbatim builder (ports its variable operands, constants as constant buses), on
 * every conversion and product of one or two variables in the six programs at p = 4, 8, 12, 16
 * (q = 8) and hand-picked ones.
 */
final class OperationFamilyTest {
  private static final Set<OpKind> KINDS =
      Set.of(OpKind.CONVERT, OpKind.PRODUCT2, OpKind.PRODUCT_BY_CONSTANT);

  static Stream<Arguments> programOps() {
    return programShapes(KINDS);
  }

  /**
   * The operations of {@code kinds} in the six programs at p = 4, 8, 12, 16 (q = 8), one per
   * distinct family (its description names the shape), as (description, operation).
   */
  static Stream<Arguments> programShapes(Set<OpKind> kinds) {
    return programShapes(op -> kinds.contains(op.kind()), 4, 8, 12, 16);
  }

  /** The same for the operations {@code which} accepts, at the given p. */
  static Stream<Arguments> programShapes(Predicate<ProgramOp> which, int... ps) {
    Map<String, ProgramOp> shapes = new LinkedHashMap<>();
    for (int p : ps) {
      for (String fn : FunctionProgram.FUNCTIONS) {
        for (ProgramOp op : FunctionProgram.record(fn, FloatFormat.of(p, 8)).ops()) {
          if (which.test(op)) {
            shapes.putIfAbsent(OperationFamily.of(op).family().describe(), op);
          }
        }
      }
    }
    return shapes.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programOps")
  void everyProgramOperation_agreesWithTheBuilder(String name, ProgramOp op) {
    assertAgrees(op);
  }

  /**
   * The sums and floors of the programs at p = 4, 8: fp-sum's family (its terms' constants
   * shaping its columns) and fp-floor's, on the programs' shapes (W's formats).
   */
  static Stream<Arguments> programSumsAndFloors() {
    return programShapes(op -> op.kind() == OpKind.FLOOR || op.kind() == OpKind.SUM, 4, 8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programSumsAndFloors")
  void programSumsAndFloors_agreeWithTheBuilder(String name, ProgramOp op) {
    if (op.operands().stream().anyMatch(ProgramValue::isConstant)) {
      assertComposes(op);
    } else {
      assertAgrees(op);
    }
  }

  /**
   * An operation whose constant terms are ports of its family (a sum's): composed alone into a
   * {@link FunctionFamily}, every variable operand the program's input x, against that one-op
   * program built verbatim, so that the constants' port bits resolve to the constant wires. Only
   * the agreement: the verbatim build of a sum with a constant term, simplified, is not what the
   * simplifying builder makes directly (it folds the constant's comparisons first and then sums
   * shorter columns; docs/circuits.md).
   */
  static void assertComposes(ProgramOp op) {
    FloatFormat f = op.format();
    List<ProgramValue> operands = op.operands().stream()
        .map(v -> v.isConstant() ? v : ProgramValue.input(f)).toList();
    ProgramOp alone = new ProgramOp(0, op.kind(), operands, f, op.keys(), op.values());
    FunctionProgram prog = new FunctionProgram("op", f, List.of(alone),
        new ProgramValue(0, f, null));
    FunctionFamily family = new FunctionFamily(OperationFamily.of(alone).family().describe(), prog);
    FamilyCheck c = FamilyCheck.run(family, b -> {
      int[] z = prog.run(new WireAlgebra(b), FpWires.input(b, "x", f)).bits();
      b.output("z", z);
      return z;
    });
    assertThat(c.agreement().firstDifference()).as(family.describe()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(family.gateCount());
  }

  /** (k, p, q, constants as (m, e) pairs, into p', q' for a conversion). */
  static Stream<Arguments> handPicked() {
    return Stream.of(
        Arguments.of(2, 3, 2, new long[] {}),
        Arguments.of(2, 4, 3, new long[] {-3, 1}),
        Arguments.of(2, 2, 1, new long[] {3, 0, -1, -1}),
        Arguments.of(1, 3, 3, new long[] {5, -2}),
        Arguments.of(1, 4, 2, new long[] {-1, 0}),
        Arguments.of(1, 5, 4, new long[] {-7, 3}));
  }

  @ParameterizedTest(name = "k={0} p={1} q={2}")
  @MethodSource("handPicked")
  void handPickedProducts_agreeWithTheBuilder(int k, int p, int q, long[] constants) {
    ProgramOp op = product(k, FloatFormat.of(p, q), constants);
    assertAgrees(op);
    FamilyAssertions.everyInputIndexed(OperationFamily.of(op).family());
  }

  @Test
  void conversions_agreeWithTheBuilder_bothWays() {
    int[][] pairs = {{3, 5, 5, 6}, {8, 8, 4, 3}, {4, 3, 4, 5}, {5, 2, 2, 1}, {2, 6, 9, 4}};
    for (int[] c : pairs) {
      ProgramRecorder r = new ProgramRecorder();
      r.convert(ProgramValue.input(FloatFormat.of(c[0], c[1])), FloatFormat.of(c[2], c[3]));
      ProgramOp op = r.ops().getFirst();
      assertAgrees(op);
      FamilyAssertions.everyInputIndexed(OperationFamily.of(op).family());
      FamilyAssertions.sampledInputsAreGates(OperationFamily.of(op).family(), c[0], 200);
    }
  }

  @Test
  void oneVariableByOne_isNoProduct() {
    assertThatThrownBy(() -> new SmallProductFamily("x", 1, 4, 3,
        FoldedConstant.of(List.of()))).hasMessageContaining("other than 1");
  }

  /** The constants m·2^e of (m, e) pairs, rounded into f. */
  static List<FloatP> values(FloatFormat f, long[] pairs) {
    List<FloatP> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(f.round(BigInteger.valueOf(pairs[i]), pairs[i + 1]));
    }
    return out;
  }

  /** A recorded product of k copies of the input and the constants (m, e pairs), in f. */
  static ProgramOp product(int k, FloatFormat f, long[] constants) {
    ProgramRecorder r = new ProgramRecorder();
    List<ProgramValue> xs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      xs.add(ProgramValue.input(f));
    }
    values(f, constants).forEach(c -> xs.add(ProgramValue.of(c)));
    r.product(xs);
    return r.ops().getFirst();
  }

  /** The operation's family against the operation built alone, gate for gate. */
  static void assertAgrees(ProgramOp op) {
    AddressedFamily family = OperationFamily.of(op).family();
    FamilyCheck c = FamilyCheck.run(family, b -> build(op, b));
    assertThat(c.firstDifference()).as(family.describe()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(family.gateCount());
  }

  /** The operation alone: its variable operands are ports x0, x1, ..., its constants buses. */
  static int[] build(ProgramOp op, CircuitBuilder b) {
    FpAlgebra<FpWires> a = new WireAlgebra(b);
    List<FpWires> in = new ArrayList<>();
    int port = 0;
    for (ProgramValue v : op.operands()) {
      in.add(v.isConstant() ? FpWires.constant(v.constant())
          : FpWires.input(b, "x" + port++, v.format()));
    }
    FpWires z = switch (op.kind()) {
      case CONVERT -> a.convert(in.getFirst(), op.format());
      case SUM -> a.sum(in);
      case FLOOR -> a.floor(in.getFirst());
      default -> a.product(in);
    };
    b.output("z", z.bits());
    return z.bits();
  }
}
