package ssmlab.model.mamba;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import ssmlab.arith.Arithmetic;

import java.util.Locale;

/**
 * How the continuous (A, B) become the discrete (deltaA, deltaB). Both use ZOH for A,
 * {@code deltaA = exp(delta*A)}; they differ in B, {@code deltaB_u = f * B * u}, where the
 * input scale {@code f} is defined here once for every number system that computes it.
 *
 * <p>ZOH's {@code f = expm1(x)/A = delta * phi(x)}, {@code x = delta*A},
 * {@code phi(x) = expm1(x)/x}; its A-derivative is {@code delta^2 * psi(x)},
 * {@code psi(x) = (x e^x - expm1(x))/x^2}. Near x = 0 both lose digits to cancellation, so in
 * float lanes they come from their Taylor series there:
 * {@code phi = 1 + x/2 + x^2/6 + x^3/24}, {@code psi = 1/2 + x/3 + x^2/8 + x^3/30}.
 */
public enum Discretization {
  /** {@code deltaB = delta*B} (Euler), as the reference code and its CUDA kernel compute. */
  MAMBA,
  /**
   * The paper's exact ZOH (Definition A.4): {@code deltaB = (delta*A)^-1 (exp(delta*A) - 1) delta*B},
   * which for diagonal A is {@code (deltaA - 1) / A * B}.
   */
  ZOH;

  /** The reference code's, what a config that does not say gets. */
  public static final Discretization DEFAULT = MAMBA;

  private static final float PHI_SERIES_BELOW = 0.02f;
  private static final float PSI_SERIES_BELOW = 0.1f;

  /** {@code f}: delta (Euler), or {@code expm1(delta*A)/A} (ZOH; delta where A = 0). */
  public float inputScale(float delta, float a) {
    if (this == MAMBA || a == 0f) {
      return delta;
    }
    return (float) (Math.expm1((double) delta * a) / a);
  }

  /** {@code df/d delta}: 1 (Euler), or {@code e = exp(delta*A)} (ZOH). */
  public float inputScaleDDelta(float e) {
    return this == MAMBA ? 1f : e;
  }

  /** {@code df/dA}: 0 (Euler), or {@code (x e^x - expm1(x)) / A^2} (ZOH; delta^2/2 at A = 0). */
  public float inputScaleDA(float delta, float a) {
    if (this == MAMBA) {
      return 0f;
    }
    if (a == 0f) {
      return 0.5f * delta * delta;
    }
    double x = (double) delta * a;
    return (float) ((x * Math.exp(x) - Math.expm1(x)) / ((double) a * a));
  }

  /**
   * {@code f} in {@code ar}: delta, or {@code (e - 1) / A} with {@code e = exp(delta*A)} already
   * computed; {@code one} is {@code ar}'s constant.
   */
  public <T> T inputScale(Arithmetic<T> ar, T delta, T a, T e, T one) {
    return this == MAMBA ? delta : ar.divide(ar.subtract(e, one), a);
  }

  /** ZOH's {@code phi(x) = expm1(x)/x} on every lane, {@code e = exp(x)}. */
  static FloatVector phi(FloatVector x, FloatVector e) {
    VectorSpecies<Float> s = x.species();
    FloatVector series = x.fma(1f / 24, 1f / 6).fma(x, FloatVector.broadcast(s, 0.5f))
        .fma(x, FloatVector.broadcast(s, 1f));
    VectorMask<Float> small = x.abs().lt(PHI_SERIES_BELOW);
    return e.sub(1f).div(x).blend(series, small);
  }

  /** ZOH's {@code psi(x) = (x e^x - expm1(x)) / x^2} on every lane, {@code e = exp(x)}. */
  static FloatVector psi(FloatVector x, FloatVector e) {
    VectorSpecies<Float> s = x.species();
    FloatVector series = x.fma(1f / 30, 1f / 8).fma(x, FloatVector.broadcast(s, 1f / 3))
        .fma(x, FloatVector.broadcast(s, 0.5f));
    VectorMask<Float> small = x.abs().lt(PSI_SERIES_BELOW);
    return x.mul(e).sub(e.sub(1f)).div(x.mul(x)).blend(series, small);
  }

  /** The name as the command line and config.json write it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code mamba} or {@code zoh}. */
  public static Discretization parse(String s) {
    for (Discretization d : values()) {
      if (d.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("discretization must be mamba or zoh, got '" + s + "'");
  }
}
