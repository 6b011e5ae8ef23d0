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
    var r = new SplittableRandom(7000 + p);
    for (int trial = 0; trial < 8; trial++) {
      FloatFormat f = FloatFormat.of(p, trial % 4 == 0 ? 5 : 8 + r.nextInt(3));
      int dInner = 1 + r.nextInt(6);
      int dState = 1 + r.nextInt(5);
      int cells = dInner * dState;
      long span = trial % 3 == 0 ? 1L << 20 : 6;
      FloatPArray delta = FloatPIteratedTest.array(f, r, dInner, span);
      FloatPArray a = FloatPIteratedTest.array(f, r, cells, span);
      for (int i = 0; i < cells; i++) {
        if (a.get(i).isZero()) {
          a.set(i, f.minPositive()); // ZOH divides by A
        }
      }
      FloatPArray b = FloatPIteratedTest.array(f, r, dState, span);
      FloatPArray u = FloatPIteratedTest.array(f, r, dInner, span);
      FloatPArray start = FloatPIteratedTest.array(f, r, cells, span);
      FloatP one = f.round(java.math.BigInteger.ONE, 0);
      FloatP two = f.round(java.math.BigInteger.TWO, 0);
      var exp = new FloatPMemo(f, f::exp, 6);
      for (int flags = 0; flags < 8; flags++) {
        boolean signed = (flags & 1) != 0;
        boolean zoh = (flags & 2) != 0;
        boolean first = (flags & 4) != 0;
        FloatPArray fused = FloatPArray.zeros(f, cells);
        FloatPArray.copy(start, 0, fused, 0, cells);
        FloatPScan.step(delta, a, b, u, exp, one, two, signed, zoh, first, fused);
        FloatPArray expected = elementwise(f, delta, a, b, u, one, two, signed, zoh, first, start);
        assertThat(fused.toList()).as("p=%d trial %d signed=%s zoh=%s first=%s", p, trial,
            signed, zoh, first).isEqualTo(expected.toList());
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
