package ssmlab.nc1;

import java.util.IdentityHashMap;

/**
 * Spira's balancing: an equivalent formula of and/or depth O(log size).
 *
 * <p>Pick a subformula G with between a third and two thirds of the leaves; then F is equivalent
 * to {@code (G & F[G:=1]) | (!G & F[G:=0])}, and the three parts, each with at most about two
 * thirds of the leaves, are balanced recursively, so the depth is at most about {@code 2
 * log_{3/2} s = 3.42 log2 s} and the work about s^2.7 (three parts of two thirds each). A
 * subformula whose depth is already within that bound is kept as it is, which keeps shallow
 * formulas (and their programs) short. Constants introduced by the substitution are folded
 * away.
 */
public final class Spira {

  // leaf counts and depths by node identity: the recursion asks for them again and again
  private final IdentityHashMap<BoolFormula, Integer> leaves = new IdentityHashMap<>();
  private final IdentityHashMap<BoolFormula, Integer> depths = new IdentityHashMap<>();

  private Spira() {}

  /** An equivalent formula of depth at most {@link #depthBound} of its leaf count. */
  public static BoolFormula balance(BoolFormula f) {
    return new Spira().run(f);
  }

  private BoolFormula run(BoolFormula f) {
    f = fold(f);
    int s = leaves(f);
    if (s <= 3 || depth(f) <= depthBound(s)) {
      return f;
    }
    BoolFormula g = separator(f, s);
    BoolFormula g1 = run(g);
    BoolFormula f1 = run(replace(f, g, BoolFormula.TRUE));
    BoolFormula f0 = run(replace(f, g, BoolFormula.FALSE));
    BoolFormula split = fold(new BoolFormula.Or(
        new BoolFormula.And(g1, f1), new BoolFormula.And(new BoolFormula.Not(g1), f0)));
    return depth(split) < depth(f) ? split : f;
  }

  /** {@code ceil(2 log_{3/2} s)}, the depth Spira's recursion guarantees up to rounding. */
  public static int depthBound(int leaves) {
    return leaves <= 1 ? 0 : (int) Math.ceil(2 * Math.log(leaves) / Math.log(1.5));
  }

  /** Walks to the heavier child while the subformula has more than 2s/3 leaves. */
  private BoolFormula separator(BoolFormula f, int s) {
    BoolFormula g = f;
    while (3 * leaves(g) > 2 * s) {
      g = switch (g) {
        case BoolFormula.Not n -> n.arg();
        case BoolFormula.And a -> heavier(a.left(), a.right());
        case BoolFormula.Or o -> heavier(o.left(), o.right());
        default -> throw new AssertionError("a leaf has one leaf: " + g);
      };
    }
    return g;
  }

  private BoolFormula heavier(BoolFormula a, BoolFormula b) {
    return leaves(a) >= leaves(b) ? a : b;
  }

  private int leaves(BoolFormula f) {
    Integer c = leaves.get(f);
    if (c == null) {
      c = switch (f) {
        case BoolFormula.Var v -> 1;
        case BoolFormula.Const k -> 1;
        case BoolFormula.Not n -> leaves(n.arg());
        case BoolFormula.And a -> leaves(a.left()) + leaves(a.right());
        case BoolFormula.Or o -> leaves(o.left()) + leaves(o.right());
      };
      leaves.put(f, c);
    }
    return c;
  }

  private int depth(BoolFormula f) {
    Integer d = depths.get(f);
    if (d == null) {
      d = switch (f) {
        case BoolFormula.Var v -> 0;
        case BoolFormula.Const k -> 0;
        case BoolFormula.Not n -> depth(n.arg());
        case BoolFormula.And a -> 1 + Math.max(depth(a.left()), depth(a.right()));
        case BoolFormula.Or o -> 1 + Math.max(depth(o.left()), depth(o.right()));
      };
      depths.put(f, d);
    }
    return d;
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
