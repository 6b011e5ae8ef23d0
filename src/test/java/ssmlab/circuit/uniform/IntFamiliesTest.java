package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.GateType;
import ssmlab.circuit.ReferenceEvaluator;
import ssmlab.circuit.Replay;
import ssmlab.circuit.tc0.IntOps;

final class IntFamiliesTest {

  /** Every size a test can build: adders and multipliers by width, sums by count and width. */
  static Stream<Arguments> sizes() {
    List<Arguments> all = new ArrayList<>();
    for (int p = 1; p <= 32; p++) {
      all.add(Arguments.of("int-add", p, 2));
    }
    for (int p = 1; p <= 20; p++) {
      all.add(Arguments.of("int-mul", p, 2));
    }
    for (String op : List.of("int-sum", "int-sum-uniform")) {
      for (int p : new int[] {1, 2, 3, 4, 8}) {
        for (int n = 1; n <= 40; n++) {
          all.add(Arguments.of(op, p, n));
        }
        all.add(Arguments.of(op, p, 64));
        all.add(Arguments.of(op, p, 100));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} p={1} n={2}")
  @MethodSource("sizes")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(String op, int p, int n) {
    FamilyCheck c = FamilyCheck.run(op, p, n);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(IntFamilies.of(op, p, n).gateCount());
  }

  /** The simplified replay is the very circuit {@code ssmlab circuit op} builds. */
  @Test
  void simplifiedReplay_isTheCircuitOfCircuitOp() {
    int[][] sizes = {{1, 1}, {2, 2}, {3, 3}, {8, 4}, {8, 16}, {5, 33}, {13, 2}};
    for (String op : List.of("int-add", "int-sum", "int-mul")) {
      for (int[] s : sizes) {
        CircuitBuilder verbatim = CircuitBuilder.verbatim();
        IntFamilies.build(op, s[0], s[1], verbatim);
        Circuit op1 = IntOps.get(op).maker().make(s[0], s[1]);
        assertThat(Replay.firstDifference(Replay.simplify(verbatim).build(), op1))
            .as("%s p=%d n=%d", op, s[0], s[1]).isNull();
      }
    }
  }

  /** The circuit built from queries alone computes the sum (product) bit for bit. */
  @ParameterizedTest(name = "{0} p={1} n={2}")
  @MethodSource("evaluated")
  void queryCircuit_computesTheExactResult(String op, int p, int n) {
    AddressedFamily f = IntFamilies.of(op, p, n);
    Circuit c = FamilyCircuit.build(f, p).build();
    var rnd = new SplittableRandom(p * 1000L + n);
    for (int v = 0; v < 64; v++) {
      BigInteger[] x = new BigInteger[c.inputs().size()];
      boolean[] in = new boolean[c.inputBits()];
      for (int k = 0; k < x.length; k++) {
        x[k] = v == 0 ? BigInteger.ZERO : v == 1 ? BigInteger.ONE.shiftLeft(p).subtract(
            BigInteger.ONE) : new BigInteger(p, new java.util.Random(rnd.nextLong()));
        for (int j = 0; j < p; j++) {
          in[k * p + j] = x[k].testBit(j);
        }
      }
      BigInteger want = op.equals("int-mul") ? x[0].multiply(x[1])
          : Stream.of(x).reduce(BigInteger.ZERO, BigInteger::add);
      boolean[] out = ReferenceEvaluator.evaluate(c, in);
      BigInteger got = BigInteger.ZERO;
      for (int i = 0; i < out.length; i++) {
        got = out[i] ? got.setBit(i) : got;
      }
      assertThat(got).as("%s p=%d n=%d x=%s", op, p, n, List.of(x)).isEqualTo(want);
      assertThat(out.length).isEqualTo(f.outputBits());
    }
  }

  static Stream<Arguments> evaluated() {
    return Stream.of(Arguments.of("int-add", 1, 2), Arguments.of("int-add", 9, 2),
        Arguments.of("int-mul", 1, 2), Arguments.of("int-mul", 3, 2), Arguments.of("int-mul",
            12, 2), Arguments.of("int-sum", 1, 1), Arguments.of("int-sum", 8, 3),
        Arguments.of("int-sum", 8, 37), Arguments.of("int-sum-uniform", 1, 2),
        Arguments.of("int-sum-uniform", 5, 64), Arguments.of("int-sum-uniform", 16, 9));
  }

  /**
   * int-sum at p = 8, n = 16: fields of 5 and 7 bits, address = (section·32 + a)·128 + b. Input
   * bit j of operand i is (1·32 + j)·128 + i = 4096 + 128j + i.
   */
  @Test
  void intSum_handComputedGates() {
    AddressedFamily f = IntFamilies.of("int-sum", 8, 16);
    assertThat(f.addressBits()).isEqualTo(16);
    assertThat(f.fieldBits()).containsExactly(5, 7);
    // T_3 of column 0: (3·32 + 0)·128 + 3 = 12291, [Σ_i x_i[0] ≥ 3]
    Gate t3 = f.gate(12291);
    assertThat(t3.type()).isEqualTo(GateType.THRESHOLD);
    assertThat(t3.threshold()).isEqualTo(3);
    assertThat(t3.fanIn()).isEqualTo(16);
    for (int i = 0; i < 16; i++) {
      assertThat(t3.input(i)).isEqualTo(4096 + i);
      assertThat(t3.weight(i)).isEqualTo(1);
    }
    // bit 1 of column 5's count: (4·32 + 5)·128 + 1, inputs T_2, T_4, ..., T_16, signs +−+−
    Gate bit = f.gate((4 * 32 + 5) * 128 + 1);
    assertThat(bit.fanIn()).isEqualTo(8);
    assertThat(bit.threshold()).isEqualTo(1);
    for (int r = 1; r <= 8; r++) {
      assertThat(bit.input(r - 1)).isEqualTo((3 * 32 + 5) * 128 + 2 * r);
      assertThat(bit.weight(r - 1)).isEqualTo(r % 2 == 1 ? 1 : -1);
    }
    // Y column 6 holds count bits 4, 3, 2, 1, 0 of columns 2..6 (L = 5); blocks are bw = 3
    // columns wide, so block 2 sums Y columns 6, 7, 8 with weights 1, 2, 4
    Gate block = f.gate((5 * 32 + 2) * 128 + 1);
    // (column 8 holds bits of columns 4..7 only: 4 of them)
    assertThat(block.fanIn()).isEqualTo(5 + 5 + 4);
    assertThat(block.input(0)).isEqualTo((4 * 32 + 2) * 128 + 4);
    assertThat(block.input(4)).isEqualTo((4 * 32 + 6) * 128);
    assertThat(block.weight(4)).isEqualTo(1);
    assertThat(block.input(5)).isEqualTo((4 * 32 + 3) * 128 + 4);
    assertThat(block.weight(5)).isEqualTo(2);
    assertThat(block.weight(13)).isEqualTo(4);
    assertThat(f.gate(0).type()).isEqualTo(GateType.CONST0);
    assertThat(f.gate(1).type()).isEqualTo(GateType.CONST1);
    assertThat(f.gate(4096 + 128 * 7 + 15).type()).isEqualTo(GateType.INPUT);
  }

  /** int-add at p = 2: fields of 5 bits, address = (section·32 + a)·32 + b. */
  @Test
  void intAdd_handComputedGates() {
    AddressedFamily f = IntFamilies.of("int-add", 2, 2);
    long x1 = (32 + 1) * 32;
    long y1 = x1 + 1;
    // g_1 = x_1 ∧ y_1 at (7·32 + 1)·32 + 0
    Gate g1 = f.gate((7 * 32 + 1) * 32);
    assertThat(g1.type()).isEqualTo(GateType.AND);
    assertThat(List.of(g1.input(0), g1.input(1))).containsExactly(x1, y1);
    // h_1's NOT y_1, then x_1 ∧ ¬y_1
    assertThat(f.gate((7 * 32 + 1) * 32 + 2).input(0)).isEqualTo(y1);
    assertThat(f.gate((7 * 32 + 1) * 32 + 3).input(1)).isEqualTo((7 * 32 + 1) * 32 + 2);
    // T_{0,2} = g_0 ∧ p_1 at (8·32 + 2)·32 + 1
    Gate term = f.gate((8 * 32 + 2) * 32 + 1);
    assertThat(term.type()).isEqualTo(GateType.AND);
    assertThat(List.of(term.input(0), term.input(1)))
        .containsExactly(7L * 32 * 32, (7 * 32 + 1) * 32 + 1L);
    // T_{−1,0} = g_{−1} = false, alone
    Gate t0 = f.gate(8 * 32 * 32);
    assertThat(t0.fanIn()).isEqualTo(1);
    assertThat(t0.input(0)).isZero();
    // the outputs: s_0, s_1 (ORs of the sum section) and c_2
    assertThat(f.outputBits()).isEqualTo(3);
    assertThat(f.output(0)).isEqualTo(10 * 32 * 32 + 4);
    assertThat(f.output(2)).isEqualTo((9 * 32 + 2) * 32);
    assertThat(f.gate(f.output(2)).fanIn()).isEqualTo(3);
  }

  @Test
  void badAddresses_areOneLineErrorsNamingTheField() {
    AddressedFamily f = IntFamilies.of("int-sum", 8, 16);
    long[] bad = {-1, 2, 12288, (3 * 32 + 8) * 128 + 1, 12288 + 17, (1L << 16) - 1, 1L << 40,
        (4 * 32) * 128 + 5, (5 * 32 + 31) * 128, (7 * 32) * 128 + 7, (2 * 32) * 128};
    for (long a : bad) {
      assertThatThrownBy(() -> f.gate(a)).as("address %d", a)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("address " + a + " is no gate of int-sum --precision 8 "
              + "--arity 16: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  /** A family that answers one gate wrongly is caught at that gate, whatever it gets wrong. */
  @Test
  void agreement_reportsTheFirstWrongGate() {
    AddressedFamily good = IntFamilies.of("int-sum", 4, 5);
    long[] order = new long[(int) good.gateCount()];
    int[] k = {0};
    good.forEachAddress(a -> order[k[0]++] = a);
    CircuitBuilder b = CircuitBuilder.verbatim();
    int[] out = IntFamilies.build("int-sum", 4, 5, b);
    assertThat(Agreement.check(good, b, out).agrees()).isTrue();
    for (int mode = 0; mode < 3; mode++) {
      int id = mode == 0 ? 25 : order.length / 2;
      while (good.gate(order[id]).type() != (mode == 0 ? GateType.THRESHOLD : GateType.AND)) {
        id++;
      }
      Agreement a = Agreement.check(new Wrong(good, order[id], mode), b, out);
      assertThat(a.agrees()).as("mode %d", mode).isFalse();
      assertThat(a.gatesChecked()).isEqualTo(id);
      assertThat(a.firstDifference()).startsWith("gate " + id + " (address " + order[id] + ")")
          .contains(List.of("threshold", "input 0", "type").get(mode));
    }
  }

  /** Addresses of n = 2^k grow by about one bit per doubling: O(log n) bits. */
  @Test
  void addressBits_growLikeLogN() {
    int prev = 0;
    for (int k = 4; k <= 30; k++) {
      int bits = IntFamilies.of("int-sum", 8, 1 << k).addressBits();
      assertThat(bits).as("k=%d", k).isBetween(k + 1, k + 14);
      assertThat(bits).isGreaterThanOrEqualTo(prev);
      prev = bits;
    }
  }

  /** Far beyond what could be built, sampled gates and all their queried inputs are gates. */
  @Test
  void hugeArity_sampledGatesAndTheirInputsAreGates() {
    for (int n : new int[] {1 << 20, (1 << 30) + 12345, Integer.MAX_VALUE}) {
      AddressedFamily f = IntFamilies.of("int-sum", 8, n);
      var rnd = new SplittableRandom(n);
      Set<GateType> types = EnumSet.noneOf(GateType.class);
      for (int s = 0; s < 2000; s++) {
        Gate g = f.gate(f.sample(rnd));
        types.add(g.type());
        for (int i : new int[] {0, g.fanIn() / 2, g.fanIn() - 1}) {
          if (g.fanIn() > 0) {
            assertThat(f.gate(g.input(i)).address()).isEqualTo(g.input(i));
          }
        }
      }
      assertThat(types).contains(GateType.INPUT, GateType.THRESHOLD, GateType.AND,
          GateType.OR, GateType.NOT);
      assertThat(f.gate(f.output(0)).type()).isEqualTo(GateType.OR);
    }
  }

  /** The direct connection language: h is an input of g exactly when inputIndex says so. */
  @ParameterizedTest(name = "{0} p={1} n={2}")
  @MethodSource("connections")
  void inputIndex_decidesEveryPair(String op, int p, int n) {
    AddressedFamily f = IntFamilies.of(op, p, n);
    List<Long> all = new ArrayList<>();
    f.forEachAddress(all::add);
    for (long g : all) {
      Gate gate = f.gate(g);
      List<Long> inputs = new ArrayList<>();
      for (int i = 0; i < gate.fanIn(); i++) {
        inputs.add(gate.input(i));
      }
      for (long h : all) {
        assertThat(f.inputIndex(g, h)).as("g=%d h=%d", g, h).isEqualTo(inputs.indexOf(h));
      }
      assertThat(f.inputIndex(g, -1)).isEqualTo(-1);
    }
  }

  static Stream<Arguments> connections() {
    return Stream.of(Arguments.of("int-add", 3, 2), Arguments.of("int-mul", 1, 2),
        Arguments.of("int-mul", 4, 2), Arguments.of("int-mul", 5, 2), Arguments.of("int-sum", 3,
            5), Arguments.of("int-sum", 2, 3), Arguments.of("int-sum-uniform", 2, 9));
  }

  @Test
  void inputIndex_atHugeArity_invertsTheInputs() {
    AddressedFamily f = IntFamilies.of("int-sum", 8, 1 << 30);
    var rnd = new SplittableRandom(5);
    for (int s = 0; s < 3000; s++) {
      long g = f.sample(rnd);
      Gate gate = f.gate(g);
      if (gate.fanIn() > 2) {
        int i = rnd.nextInt(gate.fanIn());
        assertThat(f.inputIndex(g, gate.input(i))).as("g=%d i=%d", g, i).isEqualTo(i);
        assertThat(f.inputIndex(g, g)).isEqualTo(-1);
      }
    }
  }

  /**
   * Wraps a family and answers one address wrongly: mode 0 a threshold one too high, 1 input 0
   * the constant false, 2 an OR for an AND.
   */
  private record Wrong(AddressedFamily f, long victim, int mode) implements AddressedFamily {
    @Override
    public String describe() {
      return f.describe();
    }

    @Override
    public int addressBits() {
      return f.addressBits();
    }

    @Override
    public int[] fieldBits() {
      return f.fieldBits();
    }

    @Override
    public Gate gate(long address) {
      Gate g = f.gate(address);
      if (address != victim) {
        return g;
      }
      return switch (mode) {
        case 0 -> new Gate(address, g.type(), g.fanIn(), g.threshold() + 1, g.inputs(),
            g.weights());
        case 1 -> new Gate(address, g.type(), g.fanIn(), g.threshold(),
            i -> i == 0 ? 0 : g.input(i), g.weights());
        default -> new Gate(address, GateType.OR, g.fanIn(), 0, g.inputs(), null);
      };
    }

    @Override
    public int inputIndex(long g, long h) {
      return f.inputIndex(g, h);
    }

    @Override
    public long gateCount() {
      return f.gateCount();
    }

    @Override
    public void forEachAddress(LongConsumer sink) {
      f.forEachAddress(sink);
    }

    @Override
    public int outputBits() {
      return f.outputBits();
    }

    @Override
    public long output(int i) {
      return f.output(i);
    }

    @Override
    public long sample(SplittableRandom rnd) {
      return f.sample(rnd);
    }
  }
}
