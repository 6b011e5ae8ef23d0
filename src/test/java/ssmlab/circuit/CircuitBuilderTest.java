package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ssmlab.circuit.CircuitBuilder.FALSE;
import static ssmlab.circuit.CircuitBuilder.TRUE;

import org.junit.jupiter.api.Test;

final class CircuitBuilderTest {

  @Test
  void and_sameInputsAnyOrder_sameGate() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    assertThat(b.and(x[0], x[1], x[2])).isEqualTo(b.and(x[2], x[0], x[1], x[0]));
    assertThat(b.or(x[0], x[1])).isNotEqualTo(b.and(x[0], x[1]));
  }

  @Test
  void andOr_constantsAndComplements_fold() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 2);
    assertThat(b.and(x[0], FALSE)).isEqualTo(FALSE);
    assertThat(b.and(x[0], TRUE)).isEqualTo(x[0]);
    assertThat(b.or(x[0], TRUE)).isEqualTo(TRUE);
    assertThat(b.or(x[1], FALSE, x[1])).isEqualTo(x[1]);
    assertThat(b.and(x[0], b.not(x[0]), x[1])).isEqualTo(FALSE);
    assertThat(b.or(b.not(x[1]), x[1])).isEqualTo(TRUE);
    assertThat(b.and()).isEqualTo(TRUE);
    assertThat(b.or()).isEqualTo(FALSE);
  }

  @Test
  void not_twiceAndConstants_fold() {
    var b = new CircuitBuilder();
    int x = b.input("x", 1)[0];
    assertThat(b.not(b.not(x))).isEqualTo(x);
    assertThat(b.not(TRUE)).isEqualTo(FALSE);
    assertThat(b.not(x)).isEqualTo(b.not(x));
  }

  @Test
  void threshold_constantInputs_foldIntoThreshold() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    // [2x0 + 3·1 + x1 + x2 ≥ 5] = [2x0 + x1 + x2 ≥ 2]
    int g = b.threshold(new int[] {x[0], TRUE, x[1], x[2]}, new int[] {2, 3, 1, 1}, 5);
    int h = b.threshold(new int[] {x[2], x[1], x[0]}, new int[] {1, 1, 2}, 2);
    assertThat(g).isEqualTo(h);
  }

  @Test
  void threshold_degenerate_becomesSimplerGates() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    assertThat(b.atLeast(x, 0)).isEqualTo(TRUE);
    assertThat(b.atLeast(x, 4)).isEqualTo(FALSE);
    assertThat(b.atLeast(x, 3)).isEqualTo(b.and(x));
    assertThat(b.atLeast(x, 1)).isEqualTo(b.or(x));
    assertThat(b.type(b.atLeast(x, 2))).isEqualTo(GateType.MAJ);
    assertThat(b.threshold(new int[] {x[0]}, new int[] {-2}, -1)).isEqualTo(b.not(x[0]));
    // gcd: [4x0 + 2x1 + 2x2 ≥ 3] = [2x0 + x1 + x2 ≥ 2]
    assertThat(b.threshold(x, new int[] {4, 2, 2}, 3))
        .isEqualTo(b.threshold(x, new int[] {2, 1, 1}, 2));
    // repeated input: MAJ(x0, x0, x1) = x0
    assertThat(b.majority(x[0], x[0], x[1])).isEqualTo(x[0]);
  }

  @Test
  void threshold_complementPair_mergesIntoOneWeight() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    // 2x0 + 1·¬x0 + x1 + x2 ≥ 3  ⇔  x0 + x1 + x2 ≥ 2
    int g = b.threshold(new int[] {x[0], b.not(x[0]), x[1], x[2]}, new int[] {2, 1, 1, 1}, 3);
    assertThat(g).isEqualTo(b.majority(x));
  }

  @Test
  void build_dropsDeadGatesAndLevelises() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 3);
    b.or(x[0], x[2]); // dead
    int a = b.and(x[0], x[1]);
    int n = b.not(a);
    int m = b.majority(n, x[2], x[1]);
    b.output("y", m);
    Circuit c = b.build();
    CircuitStats s = c.stats();
    assertThat(s.gates()).isEqualTo(3);
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.wires()).isEqualTo(2 + 1 + 3);
    assertThat(s.depth()).isEqualTo(3);
    assertThat(s.depthWithoutNot()).isEqualTo(2);
    assertThat(s.maxFanIn()).isEqualTo(3);
    assertThat(s.counts().get(GateType.OR)).isZero();
    assertThat(c.input("x").wires()).containsExactly(2, 3, 4);
    for (int l = 1; l <= c.depth(); l++) {
      for (int g = c.levelStart(l); g < c.levelEnd(l); g++) {
        for (int i = 0; i < c.fanIn(g); i++) {
          assertThat(c.fanInWire(g, i)).isLessThan(c.levelStart(l));
        }
      }
    }
  }

  @Test
  void threshold_hugeWeights_oneLineError() {
    var b = new CircuitBuilder();
    int[] x = b.input("x", 2);
    assertThatThrownBy(() -> b.threshold(x, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
  }

  @Test
  void output_unknownWire_rejected() {
    var b = new CircuitBuilder();
    assertThatThrownBy(() -> b.output("y", 99)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void levelled_collapsingGates_becomeBuffers() {
    for (boolean levelled : new boolean[] {false, true}) {
      CircuitBuilder b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
      int[] x = b.input("x", 2);
      int one = b.threshold(new int[] {x[0], CircuitBuilder.FALSE}, new int[] {2, 5}, 1);
      int decides = b.threshold(new int[] {x[0], x[1]}, new int[] {5, 1}, 5);
      int and = b.and(x[1], CircuitBuilder.TRUE);
      assertThat(b.isLevelled()).isEqualTo(levelled);
      if (levelled) {
        assertThat(one).isNotEqualTo(x[0]).isEqualTo(decides);
        assertThat(b.type(one)).isEqualTo(GateType.AND);
        assertThat(b.type(and)).isEqualTo(GateType.AND);
        assertThat(b.and(x[0], x[0], CircuitBuilder.TRUE)).isEqualTo(one);
      } else {
        assertThat(one).isEqualTo(x[0]);
        assertThat(decides).isEqualTo(x[0]);
        assertThat(and).isEqualTo(x[1]);
      }
      b.output("y", one, and);
      Circuit c = b.build();
      assertThat(c.depth()).isEqualTo(levelled ? 1 : 0);
      for (int v = 0; v < 4; v++) {
        assertThat(ReferenceEvaluator.evaluate(c, new boolean[] {(v & 1) != 0, (v & 2) != 0}))
            .containsExactly((v & 1) != 0, (v & 2) != 0);
      }
    }
  }
}
