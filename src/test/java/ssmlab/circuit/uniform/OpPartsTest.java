package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FloatPAlgebra;

/**
 * The parts of the program operations (negate, mantissa, lessThanSelect, lookup, exponent,
 * scale), each alone as an {@link OpFamily}: gate for gate against {@code WireAlgebra}'s builder
 * code in a verbatim builder, on every such operation of the six functions' programs and on
 * operations made up at small formats.
 */
final class OpPartsTest {
  private static final Set<OpKind> KINDS = EnumSet.of(OpKind.NEGATE, OpKind.MANTISSA,
      OpKind.LESS_THAN_SELECT, OpKind.LOOKUP, OpKind.EXPONENT, OpKind.SCALE);

  private static OpFamily family(ProgramOp op) {
    return new OpFamily(op.kind().label() + " op " + op.index(), op);
  }

  private static void assertChecks(ProgramOp op, String where) {
    OpFamily fam = family(op);
    FamilyCheck c = FamilyCheck.run(fam, fam::build);
    assertThat(c.firstDifference()).as(where + " op " + op.index() + " " + op.kind()).isNull();
    assertThat(c.agreement().gatesChecked()).as(where).isEqualTo(fam.gateCount());
  }

  /** Every operation of the six kinds in the six programs at F_(p, q). */
  @ParameterizedTest(name = "programs p={0} q={1}")
  @CsvSource({"4, 8", "8, 8", "16, 8", "3, 3", "5, 4"})
  void everyProgramOp_agreesWithTheBuilder(int p, int q) {
    FloatFormat f = FloatFormat.of(p, q);
    Set<OpKind> seen = EnumSet.noneOf(OpKind.class);
    for (String fn : FunctionProgram.FUNCTIONS) {
      for (ProgramOp op : FunctionProgram.record(fn, f).ops()) {
        if (KINDS.contains(op.kind())) {
          assertChecks(op, fn + " " + f);
          seen.add(op.kind());
        }
      }
    }
    assertThat(seen).as("kinds the programs use").isEqualTo(KINDS);
  }

  private static ProgramValue input(FloatFormat f) {
    return ProgramValue.input(f);
  }

  /** A variable operand distinct from the input: the result of a made-up earlier op. */
  private static ProgramValue earlier(int op, FloatFormat f) {
    return new ProgramValue(op, f, null);
  }

  private static ProgramOp op(OpKind kind, FloatFormat to, ProgramValue... operands) {
    return new ProgramOp(5, kind, List.of(operands), to);
  }

  /** Made-up operations at p = 2..6, q = 1..6: variable and constant operands, repeats. */
  @Test
  void madeUpOps_atSmallFormats_agreeWithTheBuilder() {
    SplittableRandom r = new SplittableRandom(11);
    for (int p = 2; p <= 6; p++) {
      for (int q = 1; q <= 6; q++) {
        FloatFormat f = FloatFormat.of(p, q);
        FloatFormat g = FloatFormat.of(p + 1 + r.nextInt(3), 1 + r.nextInt(6));
        List<FloatP> fs = FpCircuitTest.all(f);
        FloatP c = fs.get(r.nextInt(fs.size()));
        String where = f + " / " + g;
        ProgramValue x = input(f);
        ProgramValue y = earlier(2, f);
        assertChecks(op(OpKind.NEGATE, f, x), where);
        assertChecks(op(OpKind.NEGATE, f, ProgramValue.of(c)), where);
        assertChecks(op(OpKind.MANTISSA, f, x), where);
        assertChecks(op(OpKind.LESS_THAN_SELECT, g, x, y, earlier(3, g), earlier(4, g)), where);
        assertChecks(op(OpKind.LESS_THAN_SELECT, f, x, ProgramValue.of(c), x,
            ProgramValue.of(f.zero())), where);
        assertChecks(op(OpKind.LESS_THAN_SELECT, f, y, x, x, y), where);
      }
    }
  }

  /**
   * Made-up exponents and scales at p = 2..6, q = 1..5 into random formats (narrower and wider
   * than the operand's, the rounding's N narrower than p_to included); scale by a variable and a
   * constant k.
   */
  @Test
  void madeUpExponentsAndScales_agreeWithTheBuilder() {
    SplittableRandom r = new SplittableRandom(13);
    for (int p = 2; p <= 6; p++) {
      for (int q = 1; q <= 5; q++) {
        FloatFormat f = FloatFormat.of(p, q);
        FloatFormat g = FloatFormat.of(2 + r.nextInt(8), 1 + r.nextInt(6));
        FloatFormat to = FloatFormat.of(2 + r.nextInt(12), 1 + r.nextInt(6));
        String where = f + " / " + g + " -> " + to;
        assertChecks(op(OpKind.EXPONENT, to, input(f)), where);
        assertChecks(op(OpKind.SCALE, to, input(f), earlier(1, g)), where);
        assertChecks(op(OpKind.SCALE, to, earlier(1, g), input(f)), where);
        FloatP k = g.valueOf(r.nextInt(9) - 4);
        assertChecks(op(OpKind.SCALE, to, input(f), ProgramValue.of(k)), where + " k=" + k);
      }
    }
  }

  /** Lookups of every key-table shape at small formats: all floats, a few, values in another. */
  @Test
  void madeUpLookups_agreeWithTheBuilder() {
    SplittableRandom r = new SplittableRandom(12);
    for (int p = 2; p <= 5; p++) {
      for (int q = 1; q <= 4; q++) {
        FloatFormat f = FloatFormat.of(p, q);
        FloatFormat g = FloatFormat.of(2 + r.nextInt(6), 1 + r.nextInt(5));
        List<FloatP> keys = FpCircuitTest.all(f);
        List<FloatP> gs = FpCircuitTest.all(g);
        for (int n : new int[] {1, 3, keys.size()}) {
          List<FloatP> values = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            values.add(gs.get(r.nextInt(gs.size())));
          }
          ProgramOp op = new ProgramOp(0, OpKind.LOOKUP, List.of(input(f)), g,
              keys.subList(keys.size() - n, keys.size()), values);
          assertChecks(op, f + " -> " + g + " n=" + n);
        }
      }
    }
  }

  @Test
  void inputIndex_findsEveryInput() {
    for (String fn : List.of("exp", "log", "sqrt")) {
      for (ProgramOp op : FunctionProgram.record(fn, FloatFormat.of(8, 8)).ops()) {
        if (KINDS.contains(op.kind())) {
          FamilyAssertions.everyInputIndexed(family(op));
          FamilyAssertions.sampledInputsAreGates(family(op), op.index(), 300);
        }
      }
    }
  }

  /**
   * The circuits built from the queries alone compute exponent into F_5 and scale into F_4 by
   * every integer k with |k| &lt; 32 on every float of F_3 (q = 3).
   */
  @Test
  void queryCircuits_exponentAndScale() {
    FloatFormat f = FloatFormat.of(3, 3);
    FloatFormat to = FloatFormat.of(5, 3);
    FloatPAlgebra a = FloatPAlgebra.INSTANCE;
    List<FloatP> xs = FpCircuitTest.all(f);
    OpFamily exp = family(op(OpKind.EXPONENT, to, input(f)));
    Circuit ce = FamilyCircuit.build(exp, exp.inputBits()).build();
    for (FloatP x : xs) {
      assertThat(FamilyAssertions.evaluate(ce, to, List.of(x))).as("exponent " + x)
          .isEqualTo(a.exponent(x, to));
    }
    FloatFormat g = FloatFormat.of(4, 3);
    OpFamily scale = family(op(OpKind.SCALE, g, input(f), earlier(0, f)));
    Circuit cs = FamilyCircuit.build(scale, scale.inputBits()).build();
    for (FloatP k : xs) {
      if (k.toBigDecimal().stripTrailingZeros().scale() <= 0
          && k.toBigDecimal().abs().intValue() < 32) {
        for (FloatP x : xs) {
          assertThat(FamilyAssertions.evaluate(cs, g, List.of(x, k))).as(x + " · 2^" + k)
              .isEqualTo(a.scale(x, k, g));
        }
      }
    }
  }

  /** At p = 4096, q = 14 (formats far beyond a build) sampled gates answer and point to gates. */
  @Test
  void sampledGates_atLargeP_pointToGates() {
    FloatFormat f = FloatFormat.of(4096, 14);
    FloatFormat g = FloatFormat.of(2 * 4096 + 12, 16);
    ProgramValue x = input(f);
    for (ProgramOp op : List.of(op(OpKind.NEGATE, f, x), op(OpKind.MANTISSA, f, x),
        op(OpKind.LESS_THAN_SELECT, g, x, earlier(1, f), earlier(2, g), earlier(3, g)),
        op(OpKind.EXPONENT, g, x), op(OpKind.SCALE, g, earlier(1, g), x))) {
      FamilyAssertions.sampledInputsAreGates(family(op), 7, 2000);
    }
  }

  /** The circuit built from the queries alone computes the operation on every float, p = 3. */
  @Test
  void queryCircuits_computeTheOperation() {
    FloatFormat f = FloatFormat.of(3, 3);
    FloatPAlgebra a = FloatPAlgebra.INSTANCE;
    List<FloatP> xs = FpCircuitTest.all(f);
    FloatP half = f.of(java.math.BigInteger.valueOf(4), -3);
    ProgramOp neg = op(OpKind.NEGATE, f, input(f));
    ProgramOp man = op(OpKind.MANTISSA, f, input(f));
    ProgramOp sel = op(OpKind.LESS_THAN_SELECT, f, input(f), ProgramValue.of(half),
        ProgramValue.of(f.zero()), input(f));
    for (ProgramOp op : List.of(neg, man, sel)) {
      OpFamily fam = family(op);
      Circuit c = FamilyCircuit.build(fam, fam.inputBits()).build();
      for (FloatP x : xs) {
        FloatP want = switch (op.kind()) {
          case NEGATE -> a.negate(x);
          case MANTISSA -> a.mantissa(x);
          default -> a.lessThanSelect(x, half, f.zero(), x);
        };
        assertThat(FamilyAssertions.evaluate(c, f, List.of(x))).as(op.kind() + " " + x)
            .isEqualTo(want);
      }
    }
  }
}
