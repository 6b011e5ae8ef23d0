package ssmlab.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SimdTest {

  /** Simd.sum must add in its documented tree order, whatever the JIT tier, bit for bit. */
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void sum_isTheFixedTree(long seed) {
    var rng = new SplittableRandom(seed);
    int lanes = Simd.SPECIES.length();
    float[] x = new float[lanes];
    for (int i = 0; i < lanes; i++) {
      x[i] = (float) rng.nextDouble(-1e4, 1e4) * (float) Math.pow(2, rng.nextInt(-20, 20));
    }
    float[] tree = x.clone();
    for (int h = lanes / 2; h >= 1; h /= 2) {
      float[] next = new float[lanes];
      for (int i = 0; i < lanes; i++) {
        next[i] = tree[i] + tree[(i + h) % lanes];
      }
      tree = next;
    }
    float expected = tree[0];
    // Enough calls for C2 to compile the loop: the compiled result must not drift.
    for (int rep = 0; rep < 20_000; rep++) {
      float got = Simd.sum(FloatVector.fromArray(Simd.SPECIES, x, 0));
      assertThat(Float.floatToRawIntBits(got)).as("seed=%d rep=%d", seed, rep)
          .isEqualTo(Float.floatToRawIntBits(expected));
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void log1p_withinFourUlpOfMath(long seed) {
    var rng = new SplittableRandom(seed);
    int lanes = Simd.SPECIES.length();
    float[] t = new float[lanes];
    float[] y = new float[lanes];
    for (int rep = 0; rep < 2000; rep++) {
      for (int i = 0; i < lanes; i++) {
        t[i] = rep == 0 && i < 3 ? new float[] {0f, 1f, 0.41421356f}[i]
            : (float) Math.pow(2, -rng.nextDouble(0, 30));
      }
      VectorKernels.log1p(FloatVector.fromArray(Simd.SPECIES, t, 0)).intoArray(y, 0);
      for (int i = 0; i < lanes; i++) {
        double exact = Math.log1p(t[i]);
        assertThat(Math.abs(y[i] - exact)).as("seed=%d t=%s", seed, t[i])
            .isLessThanOrEqualTo(4 * Math.ulp((float) exact));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theSwitch_readsOneSpellingEverywhere() {
    for (String on : new String[] {null, "true", "TRUE", " on ", "yes", "1"}) {
      assertThat(SimdSwitch.enabledBy(on)).as(on).isTrue();
    }
    for (String off : new String[] {"false", "False", "OFF", "no", "0"}) {
      assertThat(SimdSwitch.enabledBy(off)).as(off).isFalse();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimdSwitch.enabledBy("fasle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dssmlab.simd=fasle: must be true or false (also on/off, yes/no, 1/0)");
  }
}
