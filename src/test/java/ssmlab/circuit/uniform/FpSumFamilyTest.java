package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.GateType;
import ssmlab.circuit.fp.FpCircuitTest;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

final class FpSumFamilyTest {

  static Stream<Arguments> sizes() {
    List<Arguments> out = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      out.add(Arguments.of(2, 5, n)); // windowed
      out.add(Arguments.of(2, 1, n)); // aligned
    }
    for (int n = 2; n <= 4; n++) {
      out.add(Arguments.of(3, 6, n));
      out.add(Arguments.of(4, 5, n));
    }
    for (int[] s : new int[][] {{3, 6, 8}, {2, 5, 12}, {2, 5, 16}, {8, 8, 3}, {8, 8, 8},
        {4, 12, 3}, {3, 20, 4}, {3, 2, 3}, {4, 3, 4}, {2, 2, 8}, {4, 4, 3}, {8, 3, 5},
        {3, 1, 12}, {2, 1, 20}}) {
      out.add(Arguments.of(s[0], s[1], s[2]));
    }
    return out.stream();
  }

  /** Every gate of the query agrees with the verbatim build, which simplifies to circuit op's. */
  @ParameterizedTest(name = "fp-sum p={0} q={1} n={2}")
  @MethodSource("sizes")
  void everyGate_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q, int n) {
    FamilyAssertions.checksFp("fp-sum", p, q, n);
  }

  static Stream<Arguments> addFormats() {
    return Stream.of(Arguments.of(2, 5), Arguments.of(4, 6), Arguments.of(8, 8),
        Arguments.of(11, 5), Arguments.of(24, 8), Arguments.of(53, 11), Arguments.of(5, 40),
        Arguments.of(2, 1), Arguments.of(4, 3), Arguments.of(8, 4), Arguments.of(24, 2));
  }

  /** fp-add is the two-term sum with ports x, y: checked the same way. */
  @ParameterizedTest(name = "fp-add p={0} q={1}")
  @MethodSource("addFormats")
  void fpAdd_agreesWithTheBuilder_andSimplifiesToTheDirectBuild(int p, int q) {
    FamilyAssertions.checksFp("fp-add", p, q, 2);
  }

  /**
   * The circuit built from the queries alone adds as {@code FloatFormat.iteratedSum} rounds (one
   * rounding): random terms of every sign and exponent, zeros, cancellation, saturation and
   * flushing among them; fp-add against {@code FloatFormat.add}.
   */
  @ParameterizedTest(name = "fp-sum p={0} q={1} n={2}")
  @MethodSource("queryFormats")
  void queryCircuit_addsAsTheFormatRounds(int p, int q, int n) {
    FloatFormat f = FloatFormat.of(p, q);
    String op = n == 0 ? "fp-add" : "fp-sum";
    int terms = n == 0 ? 2 : n;
    Circuit c = FamilyCircuit.build(FpFamilies.of(op, p, q, terms), FpWires.width(f)).build();
    List<FloatP> values = FpCircuitTest.all(f);
    var rnd = new SplittableRandom(p * 131L + q * 7L + n);
    for (int t = 0; t < 1500; t++) {
      List<FloatP> xs = new ArrayList<>();
      FloatP near = values.get(rnd.nextInt(values.size()));
      for (int i = 0; i < terms; i++) {
        // half the lists cluster around one value, so that terms cancel and carry
        xs.add(rnd.nextBoolean() ? values.get(rnd.nextInt(values.size()))
            : rnd.nextBoolean() ? near : f.negate(near));
      }
      FloatP want = n == 0 ? f.add(xs.get(0), xs.get(1)) : f.iteratedSum(xs);
      assertThat(FamilyAssertions.evaluate(c, f, xs)).as("%s in %s", xs, f).isEqualTo(want);
    }
  }

  /** (p, q, n); n = 0 is fp-add. */
  static Stream<Arguments> queryFormats() {
    return Stream.of(Arguments.of(3, 5, 3), Arguments.of(2, 5, 5), Arguments.of(4, 6, 2),
        Arguments.of(3, 5, 0), Arguments.of(2, 5, 1), Arguments.of(3, 2, 3), Arguments.of(4, 3, 4),
        Arguments.of(3, 2, 0), Arguments.of(2, 1, 6));
  }

  /** Hand-computed gates of fp-add at p = 2, q = 5: their types, inputs and fan-in. */
  @Test
  void handComputedGates() {
    AddressedFamily f = FpFamilies.of("fp-add", 2, 5, 2);
    // G = 2·2 + 2 + 5 = 11, span = min(11, 63) = 11, window 11 + 2 + 2 + 1 = 16 bits
    int[] fb = f.fieldBits();
    assertThat(f.addressBits()).isEqualTo(5 + 2 + 4 + fb[0] + fb[1]);
    Gate bias = f.gate(FamilyAssertions.at(f, 5, 1, 0, 0, 0, 1));
    assertThat(bias.type()).isEqualTo(GateType.NOT);
    assertThat(bias.input(0)).isEqualTo(input(f, 2 + 5, 1)); // e_1[q], the sign of y's exponent
    // [x > y]: the AND of nz_x with the OR of the comparison, pair (k, t) = (0, 1), J = 1
    Gate above = f.gate(FamilyAssertions.at(f, 5, 2, 1, 5, 0, 0));
    assertThat(above.type()).isEqualTo(GateType.AND);
    assertThat(above.input(0)).isEqualTo(input(f, 1, 0));
    assertThat(above.input(1)).isEqualTo(FamilyAssertions.at(f, 5, 2, 1, 4, 0, 0));
    // term 0 of the comparison: x_0 ∧ ¬y_0 ∧ (x_1 ∨ ¬y_1) ∧ … over the q + 1 = 6 exponent bits
    assertThat(f.gate(FamilyAssertions.at(f, 5, 2, 1, 3, 0, 0)).fanIn()).isEqualTo(7);
    // the one-hot [position_1 = 5] is an AND of posBits = 4 literals: bits 0, 2 set, 1, 3 NOT
    Gate hot = f.gate(FamilyAssertions.at(f, 5, 12, 1, 1, 5, 0));
    assertThat(hot.type()).isEqualTo(GateType.AND);
    assertThat(hot.fanIn()).isEqualTo(4);
    assertThat(hot.input(1)).isEqualTo(FamilyAssertions.at(f, 5, 12, 1, 0, 5, 1));
    // bit 16 − 1 of the shift has no significand bit (k − i > span for i < p): an empty OR
    Gate empty = f.gate(FamilyAssertions.at(f, 5, 12, 0, 3, 15, 0));
    assertThat(empty.type()).isEqualTo(GateType.OR);
    assertThat(empty.fanIn()).isZero();
    // the head-room OR at v = 0 reads magnitude bits p + bitlength(2) = 4 .. 15
    Gate room = f.gate(FamilyAssertions.at(f, 5, 16, 0, 0, 0, 0));
    assertThat(room.fanIn()).isEqualTo(12);
    assertThat(room.input(0)).isEqualTo(FamilyAssertions.at(f, 5, 15, 0, 1, 4, 5));
    assertThat(f.gate(f.output(f.outputBits() - 1)).type()).isEqualTo(GateType.AND);
  }

  private static long input(AddressedFamily f, long bit, long operand) {
    return FamilyAssertions.at(f, 5, 0, 0, 1, bit, operand);
  }

  /** Addresses outside the family get one line naming the member; nothing else answers. */
  @Test
  void badAddresses_areRefused() {
    AddressedFamily f = FpFamilies.of("fp-sum", 2, 5, 3);
    long[] bad = {-1, 1L << f.addressBits(),
        FamilyAssertions.at(f, 5, 24, 0, 0, 0, 0), // no part 24
        FamilyAssertions.at(f, 5, 0, 1, 1, 0, 0), // leaves have j = 0
        FamilyAssertions.at(f, 5, 1, 0, 0, 0, 3), // biased exponents of terms 0..2
        FamilyAssertions.at(f, 5, 2, 4, 0, 0, 0), // pair (1, 1): k = t
        FamilyAssertions.at(f, 5, 2, 9, 0, 0, 0), // pair 9 of 3 terms
        FamilyAssertions.at(f, 5, 2, 1, 12, 0, 0), // comparison sections 0..11
        FamilyAssertions.at(f, 5, 4, 1, 1, 0, 1), // earlier-equal needs k < t
        FamilyAssertions.at(f, 5, 5, 1, 0, 0, 1), // between needs l ∉ {k, t}
        FamilyAssertions.at(f, 5, 12, 0, 0, 1, 0), // a NOT only where bit b of v is 0
        FamilyAssertions.at(f, 5, 15, 0, 0, 0, 0), // no lower OR at bit 0
        FamilyAssertions.at(f, 5, 17, 1, 5, 0, 0), // the exponent ORs have j = 0
        FamilyAssertions.at(f, 5, 14, 0, 9, 0, 0), // block adder sections 0..8
        FamilyAssertions.at(f, 5, 3, 1, 1, 0, 0)}; // a sum has no input section
    FamilyAssertions.refused(f, bad);
    FamilyAssertions.refused(FpFamilies.of("fp-sum", 2, 5, 1),
        FamilyAssertions.at(FpFamilies.of("fp-sum", 2, 5, 1), 5, 1, 0, 0, 0, 0));
  }

  /** inputIndex answers every input of every gate (wide ORs over the terms included). */
  @Test
  void everyInput_isIndexed() {
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-add", 2, 5, 2));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-sum", 2, 5, 4));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-sum", 3, 6, 3));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-add", 3, 2, 2));
    FamilyAssertions.everyInputIndexed(FpFamilies.of("fp-sum", 2, 4, 5));
  }

  /** Arity 0 and addresses beyond 63 bits are refused in one line, in both regimes. */
  @Test
  void zeroAndHugeArities_areRefused() {
    for (int q : new int[] {3, 8}) {
      assertThatThrownBy(() -> FpFamilies.of("fp-sum", 8, q, 0)).hasMessageContaining("--arity")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> FpFamilies.of("fp-sum", 8, 8, 1 << 15))
        .hasMessageContaining("more than 63");
    assertThatThrownBy(() -> FpFamilies.of("fp-sum", 8, 4, Integer.MAX_VALUE))
        .hasMessageContaining("more than 63");
  }

  /** At n = 2^8, 2^12 and 2^14 (p = q = 8; never built) sampled gates point to gates. */
  @Test
  void sampledGates_atLargeArity_pointToGates() {
    for (int n : new int[] {1 << 8, 1 << 12, 1 << 14}) {
      AddressedFamily f = FpFamilies.of("fp-sum", 8, 8, n);
      FamilyAssertions.sampledInputsAreGates(f, 5, 300);
      assertThat(f.gate(f.output(0)).type()).isEqualTo(GateType.OR);
    }
    FamilyAssertions.sampledInputsAreGates(FpFamilies.of("fp-sum", 16, 30, 1 << 10), 3, 300);
    FamilyAssertions.sampledInputsAreGates(FpFamilies.of("fp-sum", 8, 4, 1 << 20), 4, 300);
  }
}
