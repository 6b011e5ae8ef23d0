package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

final class BarringtonTest {

  private static final Perm E = Perm.identity(5);

  @Test
  void variable_isOneInstructionYieldingTheCycle() {
    BranchingProgram p = Barrington.compile(new BoolFormula.Var(3));
    assertThat(p.instructions()).containsExactly(
        new BranchingProgram.Instruction(3, E, Perm.parse("23451")));
  }

  @Test
  void and_ofTwoVariables_isCommutatorOfLengthFour() {
    BoolFormula f = FormulaParser.parse("x1 & x2");
    BranchingProgram p = Barrington.compile(f);
    assertThat(p.length()).isEqualTo(4);
    assertThat(p.evaluate(new boolean[] {false, true, true})).isEqualTo(Barrington.SIGMA);
    assertThat(p.evaluate(new boolean[] {false, true, false})).isEqualTo(E);
    assertThat(p.evaluate(new boolean[] {false, false, true})).isEqualTo(E);
    assertThat(p.evaluate(new boolean[] {false, false, false})).isEqualTo(E);
  }

  @Test
  void not_keepsLengthAndSwapsTheOutcomes() {
    BranchingProgram p = Barrington.compile(FormulaParser.parse("!x1"));
    assertThat(p.length()).isEqualTo(1);
    assertThat(p.evaluate(new boolean[] {false, false})).isEqualTo(Barrington.SIGMA);
    assertThat(p.evaluate(new boolean[] {false, true})).isEqualTo(E);
  }

  @Test
  void commutatorPair_existsForEveryFiveCycle() {
    for (Perm s : Perm.all(5)) {
      if (s.isFullCycle()) {
        Perm[] ab = Barrington.commutatorPair(s);
        assertThat(ab[0].isFullCycle() && ab[1].isFullCycle()).isTrue();
        assertThat(ab[0].then(ab[1]).then(ab[0].inverse()).then(ab[1].inverse())).isEqualTo(s);
      }
    }
  }

  /** The bar: 1,000 random formulas, every assignment, length at most 4^depth. */
  @Test
  void compile_thousandRandomFormulas_computeTheFormulaOnEveryAssignment() {
    checkRandomFormulas(1000, 12, 5, 1);
  }

  @Test
  @Tag("slow")
  void compile_largerBalancedFormulas_computeTheFormula() {
    checkRandomFormulas(300, 40, 8, 2);
  }

  private static void checkRandomFormulas(int count, int maxLeaves, int vars, long seed) {
    var rng = new SplittableRandom(seed);
    for (int t = 0; t < count; t++) {
      BoolFormula f = Spira.balance(RandomFormulas.random(1 + rng.nextInt(maxLeaves), vars, rng));
      BranchingProgram p = Barrington.compile(f);
      assertThat((long) p.length()).as("formula %s", f.toInfix())
          .isEqualTo(Barrington.length(f))
          .isLessThanOrEqualTo(1L << (2 * f.depth()));
      for (int bits = 0; bits < 1 << vars; bits++) {
        boolean[] a = RandomFormulas.assignment(bits, vars);
        Perm expected = f.eval(a) ? Barrington.SIGMA : E;
        assertThat(p.evaluate(a)).as("formula %s bits %d", f.toInfix(), bits)
            .isEqualTo(expected);
      }
    }
  }
}
