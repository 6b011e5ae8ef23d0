package ssmlab.nn;

import java.util.SplittableRandom;

/** Seeded parameter initialisers (the PyTorch defaults the reference code relies on). */
public final class Init {

  private Init() {}

  /** Fills {@code a} with draws from U(-bound, bound). */
  public static void uniform(float[] a, float bound, SplittableRandom rng) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
    }
  }

  /** Fills {@code a} with draws from N(0, std²) (Box-Muller, fixed draw order). */
  public static void normal(float[] a, float std, SplittableRandom rng) {
    for (int i = 0; i < a.length; i++) {
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      a[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
  }

  /** PyTorch's {@code nn.Linear} default: U(-1/√fanIn, 1/√fanIn). */
  public static void linearDefault(float[] a, int fanIn, SplittableRandom rng) {
    uniform(a, (float) (1 / Math.sqrt(fanIn)), rng);
  }

  /** Fills {@code a} with {@code value}. */
  public static void constant(float[] a, float value) {
    java.util.Arrays.fill(a, value);
  }
}
