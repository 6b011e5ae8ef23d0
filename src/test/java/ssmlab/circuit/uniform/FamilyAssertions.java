package ssmlab.circuit.uniform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.ReferenceEvaluator;
import ssmlab.circuit.fp.FpWires;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/** Assertions shared by the tests of the composed families (int-prod, int-div, fp-mul, fp-prod). */
final class FamilyAssertions {
  private FamilyAssertions() {}

  /**
   * The address ((((part·2^wj + j)·16 + section)·2^wa + a)·2^wb + b of a family in {@link Parts}
   * addresses with {@code partBits} bits of part (wj from the address width).
   */
  static long at(AddressedFamily f, int partBits, long part, long j, long sec, long a, long b) {
    int[] fb = f.fieldBits();
    int wj = f.addressBits() - partBits - 4 - fb[0] - fb[1];
    return (((part << wj | j) << 4 | sec) << fb[0] | a) << fb[1] | b;
  }

  /** Each address is refused in one line that starts by naming the member. */
  static void refused(AddressedFamily f, long... bad) {
    for (long a : bad) {
      assertThatThrownBy(() -> f.gate(a)).as("address %d", a)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("address " + a + " is no gate of " + f.describe())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  /**
   * Every address the family lists answers, the count is gateCount, and inputIndex finds each
   * input at its first occurrence (and no gate among its own inputs).
   */
  static void everyInputIndexed(AddressedFamily f) {
    long[] count = {0};
    f.forEachAddress(a -> {
      Gate g = f.gate(a);
      for (int i = 0; i < g.fanIn(); i++) {
        int first = 0;
        while (g.input(first) != g.input(i)) {
          first++;
        }
        assertThat(f.inputIndex(a, g.input(i))).as("gate %d input %d", a, i).isEqualTo(first);
      }
      assertThat(f.inputIndex(a, a)).isEqualTo(-1);
      count[0]++;
    });
    assertThat(count[0]).isEqualTo(f.gateCount());
  }

  /**
   * {@code k} sampled gates answer; their first, middle and last inputs are gates of the family,
   * and inputIndex finds each at or before its index.
   */
  static void sampledInputsAreGates(AddressedFamily f, long seed, int k) {
    assertThat(f.addressBits()).isLessThanOrEqualTo(63);
    var rnd = new SplittableRandom(seed);
    for (int t = 0; t < k; t++) {
      long a = f.sample(rnd);
      Gate g = f.gate(a);
      for (int i : new int[] {0, g.fanIn() / 2, g.fanIn() - 1}) {
        if (i >= 0 && i < g.fanIn()) {
          long h = g.input(i);
          assertThat(f.gate(h).address()).isEqualTo(h);
          int first = f.inputIndex(a, h);
          assertThat(first).isBetween(0, i);
          assertThat(g.input(first)).isEqualTo(h);
        }
      }
    }
  }

  /**
   * The check of an F_p family at one size passes: every gate agrees with the verbatim build,
   * which simplifies to the direct build, and every gate was checked.
   */
  static void checksFp(String op, int p, int q, int n) {
    FamilyCheck c = FamilyCheck.runFp(op, p, q, n);
    assertThat(c.firstDifference()).isNull();
    assertThat(c.agreement().gatesChecked()).isEqualTo(FpFamilies.of(op, p, q, n).gateCount());
  }

  /**
   * The float of format f a circuit of one output bus computes from the floats {@code xs}, port
   * by port (each port as wide as its float's format).
   */
  static FloatP evaluate(Circuit c, FloatFormat f, List<FloatP> xs) {
    int width = FpWires.width(f);
    boolean[] out = outputs(c, xs);
    BigInteger z = BigInteger.ZERO;
    for (int k = 0; k < width; k++) {
      z = out[k] ? z.setBit(k) : z;
    }
    return FpWires.decode(f, z);
  }

  /** The output bits of a circuit whose input ports are the floats {@code xs}. */
  static boolean[] outputs(Circuit c, List<FloatP> xs) {
    int total = xs.stream().mapToInt(x -> FpWires.width(x.format())).sum();
    boolean[] in = new boolean[total];
    int at = 0;
    for (FloatP x : xs) {
      BigInteger bits = FpWires.encode(x);
      for (int k = 0; k < FpWires.width(x.format()); k++) {
        in[at++] = bits.testBit(k);
      }
    }
    return ReferenceEvaluator.evaluate(c, in);
  }
}
