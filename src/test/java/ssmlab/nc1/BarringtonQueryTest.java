package ssmlab.nc1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

final class BarringtonQueryTest {
  /** Every instruction of every program up to depth 6 (4096 instructions), several formulas. */
  @Test
  void everyInstruction_isTheCompilersInstruction() {
    for (int d = 0; d <= 6; d++) {
      for (long seed = 0; seed < 6; seed++) {
        CompleteFormula f = CompleteFormula.random(d, 1 + (int) seed, seed);
        BranchingProgram p = Barrington.compile(f.toFormula());
        assertThat((long) p.length()).isEqualTo(BarringtonQuery.length(f));
        for (int i = 0; i < p.length(); i++) {
          assertThat(BarringtonQuery.instruction(f, i)).as("d=%d seed=%d i=%d", d, seed, i)
              .isEqualTo(p.instructions().get(i));
        }
      }
    }
  }

  /** The queried program computes the formula: its product is σ exactly when f is true. */
  @Test
  void queriedProgram_computesTheFormula() {
    CompleteFormula f = CompleteFormula.random(5, 6, 42);
    BoolFormula tree = f.toFormula();
    var rnd = new SplittableRandom(7);
    for (int t = 0; t < 32; t++) {
      boolean[] x = new boolean[7];
      for (int v = 1; v < x.length; v++) {
        x[v] = rnd.nextBoolean();
      }
      Perm product = Perm.identity(5);
      for (long i = 0; i < BarringtonQuery.length(f); i++) {
        BranchingProgram.Instruction ins = BarringtonQuery.instruction(f, i);
        product = product.then(ins.yield(x[ins.variable()]));
      }
      assertThat(product).isEqualTo(tree.eval(x)
          ? Barrington.SIGMA : Perm.identity(5));
    }
  }

  /** Depth 31: 2^62 instructions, any of them answered. */
  @Test
  void deepestFormula_answersAnyInstruction() {
    CompleteFormula f = CompleteFormula.random(31, 1000, 3);
    assertThat(BarringtonQuery.length(f)).isEqualTo(1L << 62);
    var rnd = new SplittableRandom(1);
    for (int t = 0; t < 1000; t++) {
      BranchingProgram.Instruction ins = BarringtonQuery.instruction(f, rnd.nextLong(1L << 62));
      assertThat(ins.variable()).isBetween(1, 1000);
      assertThat(ins.if0().isEven()).isTrue();
    }
    assertThatThrownBy(() -> BarringtonQuery.instruction(f, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
