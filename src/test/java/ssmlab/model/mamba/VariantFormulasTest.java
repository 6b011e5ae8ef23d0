package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ssmlab.arith.DoubleArithmetic;
import ssmlab.tensor.Simd;

/** The variants' formulas agree in every number system that computes them. */
final class VariantFormulasTest {
  private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

  @ParameterizedTest
  @EnumSource(Eigenvalues.class)
  void deltaA_floatLanesAndArithmetic_agree(Eigenvalues ev) {
    SplittableRandom rng = new SplittableRandom(1);
    float[] e = new float[Simd.SPECIES.length()];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) rng.nextDouble();
    }
    float[] lanes = new float[e.length];
    ev.deltaA(FloatVector.fromArray(Simd.SPECIES, e, 0)).intoArray(lanes, 0);
    for (int i = 0; i < e.length; i++) {
      float expected = ev == Eigenvalues.SIGNED ? 2 * e[i] - 1 : e[i];
      assertThat(ev.deltaA(e[i])).isEqualTo(expected);
      assertThat(lanes[i]).isEqualTo(expected);
      assertThat(ev.deltaA(D, (double) e[i], 1.0, 2.0)).isCloseTo(expected, within(1e-7));
      assertThat(ev.slope() * e[i]).isCloseTo(derivative(ev, e[i]), within(1e-3f));
    }
  }

  @ParameterizedTest
  @EnumSource(Discretization.class)
  void inputScale_floatAndArithmetic_agree_andPartialsMatchFiniteDifferences(Discretization d) {
    SplittableRandom rng = new SplittableRandom(2);
    for (int k = 0; k < 50; k++) {
      float delta = (float) rng.nextDouble(0.01, 1);
      float a = (float) -rng.nextDouble(0.1, 4);
      double e = Math.exp((double) delta * a);
      float f = d.inputScale(delta, a);
      assertThat((double) f).isCloseTo(d.inputScale(D, (double) delta, (double) a, e, 1.0),
          within(1e-6));
      double h = 1e-3;
      double dDelta = (d.inputScale(D, delta + h, (double) a, Math.exp((delta + h) * a), 1.0)
          - d.inputScale(D, delta - h, (double) a, Math.exp((delta - h) * a), 1.0)) / (2 * h);
      double dA = (d.inputScale(D, (double) delta, a + h, Math.exp(delta * (a + h)), 1.0)
          - d.inputScale(D, (double) delta, a - h, Math.exp(delta * (a - h)), 1.0)) / (2 * h);
      assertThat((double) d.inputScaleDDelta((float) e)).isCloseTo(dDelta, within(1e-4));
      assertThat((double) d.inputScaleDA(delta, a)).isCloseTo(dA, within(1e-4));
    }
  }

  private static float derivative(Eigenvalues ev, float e) {
    float h = 1e-3f;
    return e * (ev.deltaA(e * (1 + h)) - ev.deltaA(e * (1 - h))) / (2 * h * e);
  }
}
