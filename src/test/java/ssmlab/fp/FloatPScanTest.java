package ssmlab.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatPScan#step} against the elementwise operations it fuses, in the order MambaFloatP
 * did them before: every state bit, for p = 4 to 53, both eigenvalue ranges and both
 * discretizations, first and later positions, on random inputs that include zeros, saturation
 * and underflow.
 */
final class FloatPScanTest {
  @ParameterizedTest(name = "p={0}")
  @MethodSource("ssmlab.fp.FloatPIteratedTest#allP")
  void step_equalsTheElementwiseOperations(int p) {
    check(p, new SplittableRandom(7000 + p), 8, 6, true);
  }

  /**
   * Exponents within +-2, most cells on the narrow path (p <= 20), and in every other trial the
   * state set to about -s / exp(delta * A), so that Mamba's da * h + s cancels to a few bits.
   */
  @ParameterizedTest(name = "p={0}")
  @MethodSource("ssmlab.fp.FloatPIteratedTest#allP")
  void step_clusteredCells_equalTheElementwiseOperations(int p) {
    check(p, new SplittableRandom(9000 + p), 40, 2, false);
  }

  /** trials random steps of exponents within +-span, some of +-2^20 when wide. */
  private static void check(int p, SplittableRandom r, int trials, long span, boolean wide) {
    for (int trial = 0; trial < trials; trial++) {
      FloatFormat f = FloatFormat.of(p, wide && trial % 4 == 0 ? 5 : 8 + r.nextInt(3));
      int dInner = 1 + r.nextInt(6);
      int dState = 1 + r.nextInt(5);
      int cells = dInner * dState;
      long spread = wide && trial % 3 == 0 ? 1L << 20 : span;
      FloatPArray delta = FloatPIteratedTest.array(f, r, dInner, spread);
      FloatPArray a = FloatPIteratedTest.array(f, r, cells, spread);
      for (int i = 0; i < cells; i++) {
        if (a.get(i).isZero()) {
          a.set(i, f.minPositive()); // ZOH divides by A
        }
      }
      FloatPArray b = FloatPIteratedTest.array(f, r, dState, spread);
      FloatPArray u = FloatPIteratedTest.array(f, r, dInner, spread);
      FloatPArray start = FloatPIteratedTest.array(f, r, cells, spread);
      if (!wide && trial % 2 == 0) {
        cancelling(f, delta, a, b, u, start);
      }
      FloatP one = f.round(java.math.BigInteger.ONE, 0);
      FloatP two = f.round(java.math.BigInteger.TWO, 0);
      var exp = new FloatPMemo(f, f::exp, 6);
      var signedDecay = new FloatPMemo(f, x -> f.subtract(f.multiply(two, f.exp(x)), one), 6);
      var expm1 = new FloatPMemo(f, x -> f.subtract(f.exp(x), one), 6);
      for (int flags = 0; flags < 8; flags++) {
        boolean signed = (flags & 1) != 0;
        boolean zoh = (flags & 2) != 0;
        boolean first = (flags & 4) != 0;
        FloatPArray fused = FloatPArray.zeros(f, cells);
        FloatPArray.copy(start, 0, fused, 0, cells);
        FloatPScan.step(delta, a, b, u, signed ? signedDecay : exp, zoh ? expm1 : null, first,
            fused);
        FloatPArray expected = elementwise(f, delta, a, b, u, one, two, signed, zoh, first, start);
        assertThat(fused.toList()).as("p=%d trial %d signed=%s zoh=%s first=%s", p, trial,
            signed, zoh, first).isEqualTo(expected.toList());
      }
    }
  }

  /** start[i] = -s / exp(delta[d] * a[i]) where that is defined, s = delta[d] * b[n] * u[d]. */
  private static void cancelling(FloatFormat f, FloatPArray delta, FloatPArray a, FloatPArray b,
      FloatPArray u, FloatPArray start) {
    int dState = b.length();
    for (int i = 0; i < a.length(); i++) {
      int d = i / dState;
      FloatP da = f.exp(f.multiply(delta.get(d), a.get(i)));
      FloatP s = f.iteratedProduct(delta.get(d), b.get(i % dState), u.get(d));
      if (!da.isZero()) {
        start.set(i, f.divide(f.negate(s), da));
      }
    }
  }

  /** MambaFloatP's scan as it was: repeated vectors and one array operation at a time. */
  private static FloatPArray elementwise(FloatFormat f, FloatPArray delta, FloatPArray a,
      FloatPArray b, FloatPArray u, FloatP one, FloatP two, boolean signed, boolean zoh,
      boolean first, FloatPArray start) {
    int dState = b.length();
    int cells = a.length();
    FloatPArray ones = FloatPArray.zeros(f, cells);
    ones.fill(0, cells, one);
    FloatPArray twos = FloatPArray.zeros(f, cells);
    twos.fill(0, cells, two);
    FloatPArray deltaRep = FloatPArray.zeros(f, cells);
    FloatPArray uRep = FloatPArray.zeros(f, cells);
    FloatPArray bRep = FloatPArray.zeros(f, cells);
    FloatPArray.repeatEach(delta, dState, deltaRep);
    FloatPArray.repeatEach(u, dState, uRep);
    for (int d = 0; d < delta.length(); d++) {
      FloatPArray.copy(b, 0, bRep, d * dState, dState);
    }
    FloatPArray e = FloatPArray.zeros(f, cells);
    FloatPArray.multiply(deltaRep, a, e);
    for (int i = 0; i < cells; i++) {
      e.set(i, f.exp(e.get(i)));
    }
    FloatPArray da = FloatPArray.zeros(f, cells);
    if (signed) {
      FloatPArray.multiply(twos, e, da);
      FloatPArray.subtract(da, ones, da);
    } else {
      FloatPArray.copy(e, 0, da, 0, cells);
    }
    FloatPArray scale = FloatPArray.zeros(f, cells);
    if (zoh) {
      FloatPArray.subtract(e, ones, scale);
      FloatPArray.divide(scale, a, scale);
    } else {
      FloatPArray.copy(deltaRep, 0, scale, 0, cells);
    }
    FloatPIterated.product(scale, bRep, uRep, scale);
    FloatPArray state = FloatPArray.zeros(f, cells);
    if (first) {
      FloatPArray.copy(scale, 0, state, 0, cells);
    } else {
      FloatPArray.multiply(da, start, state);
      FloatPArray.add(state, scale, state);
    }
    return state;
  }
}
