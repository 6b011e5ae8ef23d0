package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireAlgebra;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * {@link FunctionFamily}: a program of operations with families of their own, composed, against
 * the verbatim build of the whole program ({@link FunctionProgram#run} on the wire algebra).
 */
final class FunctionFamilyTest {

  /**
   * t = x·x·x·c, a = x·c', s = t + a, g = s in G (p + 2, q + 1), u = floor(g), v = u·g, then v
   * back in F: every kind with a family (an iterated product with a folded negative constant, a
   * product by a constant, a sum, two conversions, a floor, a product of two variables); q ≥ 5
   * for the floor.
   */
  private static FunctionProgram polynomial(FloatFormat f) {
    ProgramRecorder r = new ProgramRecorder();
    ProgramValue x = ProgramValue.input(f);
    ProgramValue c = ProgramValue.of(f.round(BigInteger.valueOf(-3), -2));
    ProgramValue c2 = ProgramValue.of(f.round(BigInteger.valueOf(5), 1));
    ProgramValue t = r.product(List.of(x, x, x, c));
    ProgramValue a = r.product(List.of(x, c2));
    ProgramValue s = r.sum(List.of(t, a));
    ProgramValue g = r.convert(s, FloatFormat.of(f.p() + 2, f.q() + 1));
    ProgramValue u = r.floor(g);
    ProgramValue v = r.product(List.of(u, g));
    ProgramValue out = r.convert(v, f);
    return new FunctionProgram("polynomial", f, r.ops(), out);
  }

  @Test
  void everyGate_agreesWithTheVerbatimBuildOfTheProgram() {
    for (FloatFormat f : List.of(FloatFormat.of(3, 5), FloatFormat.of(4, 6))) {
      FunctionProgram prog = polynomial(f);
      assertThat(prog.ops()).extracting(ProgramOp::kind).containsExactly(
          OpKind.ITERATED_PRODUCT, OpKind.PRODUCT_BY_CONSTANT, OpKind.SUM, OpKind.CONVERT,
          OpKind.FLOOR, OpKind.PRODUCT2, OpKind.CONVERT);
      FunctionFamily family = new FunctionFamily("polynomial in " + f, prog);
      FamilyCheck c = FamilyCheck.run(family, b -> {
        int[] z = prog.run(new WireAlgebra(b), FpWires.input(b, "x", f)).bits();
        b.output("z", z);
        return z;
      });
      assertThat(c.firstDifference()).as(f.toString()).isNull();
      assertThat(c.agreement().gatesChecked()).isEqualTo(family.gateCount());
    }
  }

  /**
   * The paper's six functions at p = 4, q = 8: every operation composed (the operation parts of
   * negate, mantissa, lessThanSelect, lookup, exponent and scale included), every gate against
   * the verbatim build of the whole function. The agreement only: a sum with constant bits,
   * simplified after the verbatim build, is not what the simplifying builder makes directly.
   */
  @Test
  void paperFunctions_agreeWithTheirVerbatimBuilds() {
    FloatFormat f = FloatFormat.of(4, 8);
    for (String fn : FunctionProgram.FUNCTIONS) {
      FunctionProgram prog = FunctionProgram.record(fn, f);
      FunctionFamily family = new FunctionFamily(fn, prog);
      FamilyCheck c = FamilyCheck.run(family, b -> {
        int[] z = prog.run(new WireAlgebra(b), FpWires.input(b, "x", f)).bits();
        b.output("z", z);
        return z;
      });
      assertThat(c.agreement().firstDifference()).as(fn).isNull();
      assertThat(c.agreement().gatesChecked()).as(fn).isEqualTo(family.gateCount());
    }
  }

  /** The circuit from the queries alone computes the program on every float of F_3 (q = 5). */
  @Test
  void queryCircuit_computesTheProgram_onEveryFloat() {
    FloatFormat f = FloatFormat.of(3, 5);
    FunctionProgram prog = polynomial(f);
    Circuit c = FamilyCircuit.build(new FunctionFamily("polynomial", prog), FpWires.width(f))
        .build();
    for (FloatP x : FpCircuitTest.all(f)) {
      assertThat(FamilyAssertions.evaluate(c, f, List.of(x))).as("x = %s", x)
          .isEqualTo(prog.evaluate(x));
    }
  }

  @Test
  void operationLeaves_areRefused() {
    FunctionFamily family = new FunctionFamily("polynomial", polynomial(FloatFormat.of(3, 5)));
    assertThat(family.output(0) >>> family.fieldBits()[1]).isEqualTo(7); // operation 6's
    long opLeaf = 1L << family.fieldBits()[1]; // operation 0's constant false
    assertThatThrownBy(() -> family.gate(opLeaf)).hasMessageContaining("a leaf of operation 0");
    assertThatThrownBy(() -> family.gate(-1)).hasMessageContaining("no gate");
    FamilyAssertions.sampledInputsAreGates(family, 3, 300);

  }
}
