package ssmlab.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ssmlab.circuit.tc0.Adder;
import ssmlab.circuit.tc0.Bits;

final class ReplayTest {
  @Test
  void verbatim_keepsConstantsRepeatsAndOrder() {
    CircuitBuilder b = CircuitBuilder.verbatim();
    int[] x = b.input("x", 2);
    int and1 = b.and(x[1], CircuitBuilder.TRUE, x[0], x[0]);
    int and2 = b.and(x[1], CircuitBuilder.TRUE, x[0], x[0]);
    int notFalse = b.not(CircuitBuilder.FALSE);
    int th = b.threshold(new int[] {x[0], x[0]}, new int[] {1, 1}, 1);
    assertThat(and2).isEqualTo(and1 + 1);
    assertThat(b.fanIn(and1)).isEqualTo(4);
    assertThat(b.fanInWire(and1, 0)).isEqualTo(x[1]);
    assertThat(b.fanInWire(and1, 1)).isEqualTo(CircuitBuilder.TRUE);
    assertThat(b.type(notFalse)).isEqualTo(GateType.NOT);
    assertThat(b.type(th)).isEqualTo(GateType.THRESHOLD);
    assertThat(b.weight(th, 1)).isEqualTo(1);
    assertThat(b.threshold(th)).isEqualTo(1);
    assertThat(b.gateCount()).isEqualTo(2 + 2 + 4);
  }

  /** An adder of x and the constant 5: the replay folds the constants as a direct build does. */
  @Test
  void simplify_ofAVerbatimBuild_isTheDirectBuild() {
    CircuitBuilder verbatim = CircuitBuilder.verbatim();
    CircuitBuilder direct = new CircuitBuilder();
    for (CircuitBuilder b : new CircuitBuilder[] {verbatim, direct}) {
      int[] x = b.input("x", 4);
      b.output("s", Adder.add(b, x, Bits.constant(5, 4)));
      b.output("t", b.xor(x[0], x[0]));
    }
    Circuit replayed = Replay.simplify(verbatim).build();
    assertThat(Replay.firstDifference(replayed, direct.build())).isNull();
    assertThat(replayed.gateCount()).isLessThan(verbatim.build().gateCount());
    assertThat(replayed.output("t").wire(0)).isEqualTo(CircuitBuilder.FALSE);
  }

  @Test
  void firstDifference_namesWhatDiffers() {
    CircuitBuilder a = new CircuitBuilder();
    CircuitBuilder b = new CircuitBuilder();
    int[] xa = a.input("x", 2);
    int[] xb = b.input("x", 2);
    a.output("z", a.and(xa[0], xa[1]));
    b.output("z", b.or(xb[0], xb[1]));
    assertThat(Replay.firstDifference(a.build(), b.build())).contains("AND and OR");
    CircuitBuilder c = new CircuitBuilder();
    int[] xc = c.input("x", 2);
    c.output("z", c.and(xc[0], c.not(xc[1])));
    assertThat(Replay.firstDifference(a.build(), c.build())).startsWith("gate counts");
  }
}
