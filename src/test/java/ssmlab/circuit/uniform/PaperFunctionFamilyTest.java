package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.OperationSpans;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPAlgebra;
import ssmlab.fp.Functions;
import ssmlab.fp.PaperFunctions;

/**
 * The straight-line programs of the paper's functions: run operation by operation on exact
 * floats they give {@code PaperFunctions}' bits, so one program (the first address field of a
 * function family) serves every input; the families themselves are refused, naming what lacks a
 * part.
 */
final class PaperFunctionFamilyTest {

  private static FloatP random(FloatFormat f, SplittableRandom r) {
    long m = (1L << (f.p() - 1)) + r.nextLong(1L << (f.p() - 1));
    long e = f.minExponent() + r.nextLong(f.maxExponent() - f.minExponent() + 1);
    return f.of(BigInteger.valueOf(r.nextBoolean() ? m : -m), e);
  }

  private static boolean inDomain(String fn, FloatP x) {
    return switch (fn) {
      case "log" -> x.signum() > 0;
      case "sqrt" -> x.signum() >= 0;
      default -> true;
    };
  }

  private static void assertAgrees(String fn, FloatFormat f, List<FloatP> xs) {
    FunctionProgram prog = FunctionProgram.record(fn, f);
    PaperFunctions fns = PaperFunctions.of(f);
    for (FloatP x : xs) {
      if (inDomain(fn, x)) {
        FloatP want = switch (fn) {
          case "exp" -> fns.exp(FloatPAlgebra.INSTANCE, x);
          case "log" -> fns.log(FloatPAlgebra.INSTANCE, x);
          case "sqrt" -> fns.sqrt(FloatPAlgebra.INSTANCE, x);
          case "sigmoid" -> fns.sigmoid(FloatPAlgebra.INSTANCE, x);
          case "softplus" -> fns.softplus(FloatPAlgebra.INSTANCE, x);
          default -> fns.silu(FloatPAlgebra.INSTANCE, x);
        };
        assertThat(prog.evaluate(x)).as(fn + " " + f + " at " + x).isEqualTo(want);
      }
    }
  }

  @Test
  void programs_agreeWithPaperFunctions_onEveryFloat_p3q3() {
    FloatFormat f = FloatFormat.of(3, 3);
    List<FloatP> xs = FpCircuitTest.all(f);
    assertThat(xs).hasSize(1 + 2 * 16 * 4);
    for (String fn : FunctionProgram.FUNCTIONS) {
      assertAgrees(fn, f, xs);
    }
  }

  @Test
  void programs_agreeWithPaperFunctions_onRandomFloats_p8() {
    SplittableRandom r = new SplittableRandom(16);
    for (int q : new int[] {3, 5, 8}) {
      FloatFormat f = FloatFormat.of(8, q);
      List<FloatP> xs = new ArrayList<>(List.of(f.zero()));
      for (int i = 0; i < 150; i++) {
        xs.add(random(f, r));
      }
      for (String fn : FunctionProgram.FUNCTIONS) {
        assertAgrees(fn, f, xs);
      }
    }
  }

  /**
   * Built in a verbatim builder, the calls that make gates are the program's operations, one
   * each, in order, in consecutive gate numbers; the calls the recorder leaves out (constants,
   * same-format conversions, folded products) make none.
   */
  @Test
  void programs_areTheGateMakingCalls_ofTheVerbatimBuild() {
    for (int[] pq : new int[][] {{3, 3}, {5, 4}, {8, 8}}) {
      FloatFormat f = FloatFormat.of(pq[0], pq[1]);
      for (String fn : FunctionProgram.FUNCTIONS) {
        FunctionProgram prog = FunctionProgram.record(fn, f);
        List<OperationSpans.Span> made = OperationSpans.of(fn, f).stream()
            .filter(s -> s.gates() > 0).toList();
        assertThat(made).as(fn + " " + f).hasSize(prog.ops().size());
        for (int i = 0; i < made.size(); i++) {
          assertThat(made.get(i).call()).as(fn + " " + f + " op " + i)
              .isEqualTo(prog.ops().get(i).kind().call());
          if (i > 0) {
            OperationSpans.Span last = made.get(i - 1);
            assertThat(made.get(i).first()).isEqualTo(last.first() + last.gates());
          }
        }
      }
    }
  }

  /** exp: range reduction, N Taylor terms u^i·c_i (i ≥ 3 iterated), one sum, lookup, scale. */
  @Test
  void expProgram_hasTheExpectedShape() {
    FunctionProgram prog = FunctionProgram.record("exp", FloatFormat.of(8, 8));
    assertThat(prog.output().op()).isEqualTo(prog.ops().size() - 1);
    assertThat(prog.ops().getLast().kind()).isEqualTo(OpKind.SCALE);
    assertThat(prog.counts()).containsKeys(OpKind.FLOOR, OpKind.LOOKUP, OpKind.LESS_THAN_SELECT,
        OpKind.ITERATED_PRODUCT, OpKind.SUM, OpKind.CONVERT);
    for (ProgramOp op : prog.ops()) {
      for (ProgramValue v : op.operands()) {
        assertThat(v.op()).as("op " + op.index() + " reads only earlier results")
            .isLessThan(op.index());
      }
    }
  }

  /** The operation count grows like the number of Taylor terms, O(p / s) plus a constant. */
  @Test
  void operationCount_growsLinearlyInP() {
    int small = FunctionProgram.record("exp", FloatFormat.of(8, 8)).ops().size();
    int large = FunctionProgram.record("exp", FloatFormat.of(64, 8)).ops().size();
    assertThat(large).isGreaterThan(small).isLessThan(small + 64);
  }

  /** Every kind has a part, so every function composes; the table circuits are refused. */
  @Test
  void families_composeForEveryFunction_tablesAreRefused() {
    assertThat(FunctionFamilies.OPS).contains("fp-exp", "fp-silu").hasSize(6);
    assertThat(OpKind.values()).allMatch(OpKind::addressed);
    for (String op : FunctionFamilies.OPS) {
      AddressedFamily f = FunctionFamilies.of(op, 4, 8, Functions.PAPER);
      assertThat(f.describe()).startsWith(op + " --precision 4");
      assertThat(f.outputBits()).isEqualTo(4 + 8 + 2);
    }
    assertThatThrownBy(() -> FunctionFamilies.of("fp-exp", 8, 8, Functions.TABLE))
        .hasMessageContaining("--functions paper");
  }
}
