package ssmlab.nc1;

import java.util.SplittableRandom;

/** Random Boolean formulas with variables for tests: balanced-ish or skewed (chains). */
final class RandomFormulas {

  private RandomFormulas() {}

  /** A formula with {@code leaves} leaves over x1..x{vars}, uniform splits, random negations. */
  static BoolFormula random(int leaves, int vars, SplittableRandom rng) {
    BoolFormula f;
    if (leaves == 1) {
      int r = rng.nextInt(vars + 2);
      f = r < vars ? new BoolFormula.Var(r + 1) : new BoolFormula.Const(r == vars);
    } else {
      int left = 1 + rng.nextInt(leaves - 1);
      BoolFormula a = random(left, vars, rng);
      BoolFormula b = random(leaves - left, vars, rng);
      f = rng.nextBoolean() ? new BoolFormula.And(a, b) : new BoolFormula.Or(a, b);
    }
    return rng.nextInt(4) == 0 ? new BoolFormula.Not(f) : f;
  }

  /** A left-deep chain: depth leaves - 1, the worst case Spira's balancing exists for. */
  static BoolFormula chain(int leaves, int vars, SplittableRandom rng) {
    BoolFormula f = new BoolFormula.Var(1 + rng.nextInt(vars));
    for (int i = 1; i < leaves; i++) {
      BoolFormula x = new BoolFormula.Var(1 + rng.nextInt(vars));
      if (rng.nextBoolean()) {
        x = new BoolFormula.Not(x);
      }
      f = rng.nextBoolean() ? new BoolFormula.And(f, x) : new BoolFormula.Or(x, f);
    }
    return f;
  }

  /** Assignment number {@code bits} over x1..x{vars}: x_i is bit i-1. */
  static boolean[] assignment(int bits, int vars) {
    boolean[] a = new boolean[vars + 1];
    for (int i = 1; i <= vars; i++) {
      a[i] = (bits >> (i - 1) & 1) == 1;
    }
    return a;
  }
}
