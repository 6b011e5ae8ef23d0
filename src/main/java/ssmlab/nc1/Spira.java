package ssmlab.nc1;

/**
 * Spira's balancing: an equivalent formula of and/or depth O(log size).
 *
 * <p>Pick a subformula G with between a third and two thirds of the leaves; then F is equivalent
 * to {@code (G & F[G:=1]) | (!G & F[G:=0])}, and the three parts, each with at most about two
 * thirds of the leaves, are balanced recursively, so the depth is at most about {@code 2
 * log_{3/2} s = 3.42 log2 s}. A subformula whose depth is already within that bound is kept as it
 * is (only its children are balanced), which keeps short formulas short. Constants introduced by
 * the substitution are folded away.
 */
public final class Spira {

  private Spira() {}

  /** An equivalent formula of depth at most {@link #depthBound} of its leaf count. */
  public static BoolFormula balance(BoolFormula f) {
    f = fold(f);
    int s = f.leaves();
    BoolFormula structural = switch (f) {
      case BoolFormula.Var v -> v;
      case BoolFormula.Const c -> c;
      case BoolFormula.Not n -> fold(new BoolFormula.Not(balance(n.arg())));
      case BoolFormula.And a -> fold(new BoolFormula.And(balance(a.left()), balance(a.right())));
      case BoolFormula.Or o -> fold(new BoolFormula.Or(balance(o.left()), balance(o.right())));
    };
    if (s <= 3 || structural.depth() <= depthBound(s)) {
      return structural;
    }
    BoolFormula g = separator(f, s);
    BoolFormula g1 = balance(g);
    BoolFormula f1 = balance(replace(f, g, BoolFormula.TRUE));
    BoolFormula f0 = balance(replace(f, g, BoolFormula.FALSE));
    BoolFormula split = fold(new BoolFormula.Or(
        new BoolFormula.And(g1, f1), new BoolFormula.And(new BoolFormula.Not(g1), f0)));
    return split.depth() < structural.depth() ? split : structural;
  }

  /** {@code ceil(2 log_{3/2} s)}, the depth Spira's recursion guarantees up to rounding. */
  public static int depthBound(int leaves) {
    return leaves <= 1 ? 0 : (int) Math.ceil(2 * Math.log(leaves) / Math.log(1.5));
  }

  /** Walks to the heavier child while the subformula has more than 2s/3 leaves. */
  private static BoolFormula separator(BoolFormula f, int s) {
    BoolFormula g = f;
    while (3 * g.leaves() > 2 * s) {
      g = switch (g) {
        case BoolFormula.Not n -> n.arg();
        case BoolFormula.And a -> heavier(a.left(), a.right());
        case BoolFormula.Or o -> heavier(o.left(), o.right());
        default -> throw new AssertionError("a leaf has one leaf: " + g);
      };
    }
    return g;
  }

  private static BoolFormula heavier(BoolFormula a, BoolFormula b) {
    return a.leaves() >= b.leaves() ? a : b;
  }

  /** {@code f} with the node {@code target} (by identity) replaced by {@code by}, folded. */
  static BoolFormula replace(BoolFormula f, BoolFormula target, BoolFormula by) {
    if (f == target) {
      return by;
    }
    return switch (f) {
      case BoolFormula.Var v -> v;
      case BoolFormula.Const c -> c;
      case BoolFormula.Not n -> fold(new BoolFormula.Not(replace(n.arg(), target, by)));
      case BoolFormula.And a -> fold(new BoolFormula.And(
          replace(a.left(), target, by), replace(a.right(), target, by)));
      case BoolFormula.Or o -> fold(new BoolFormula.Or(
          replace(o.left(), target, by), replace(o.right(), target, by)));
    };
  }

  /** One step of constant folding at the root (children are assumed folded). */
  static BoolFormula fold(BoolFormula f) {
    return switch (f) {
      case BoolFormula.Not n -> switch (n.arg()) {
        case BoolFormula.Const c -> new BoolFormula.Const(!c.value());
        case BoolFormula.Not inner -> inner.arg();
        default -> n;
      };
      case BoolFormula.And a -> {
        if (a.left() instanceof BoolFormula.Const c) {
          yield c.value() ? a.right() : BoolFormula.FALSE;
        }
        if (a.right() instanceof BoolFormula.Const c) {
          yield c.value() ? a.left() : BoolFormula.FALSE;
        }
        yield a;
      }
      case BoolFormula.Or o -> {
        if (o.left() instanceof BoolFormula.Const c) {
          yield c.value() ? BoolFormula.TRUE : o.right();
        }
        if (o.right() instanceof BoolFormula.Const c) {
          yield c.value() ? BoolFormula.TRUE : o.left();
        }
        yield o;
      }
      default -> f;
    };
  }
}
