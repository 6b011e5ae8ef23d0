package ssmlab.nc1;

import java.util.TreeSet;

/**
 * A Boolean formula over variables x1, x2, ..., the constants 0 and 1, not, and, or (fan-in 2):
 * the formulas of Definition C.4, with variables for Barrington's construction.
 */
public sealed interface BoolFormula {

  /** The variable {@code x<index>}, index at least 1. */
  record Var(int index) implements BoolFormula {
    public Var {
      if (index < 1) {
        throw new IllegalArgumentException("variable index must be at least 1: x" + index);
      }
    }
  }

  /** The constant 0 or 1. */
  record Const(boolean value) implements BoolFormula {}

  record Not(BoolFormula arg) implements BoolFormula {}

  record And(BoolFormula left, BoolFormula right) implements BoolFormula {}

  record Or(BoolFormula left, BoolFormula right) implements BoolFormula {}

  Const TRUE = new Const(true);
  Const FALSE = new Const(false);

  /**
   * The value under {@code assignment}, where {@code assignment[i]} is x_i (index 0 unused).
   *
   * @throws IllegalArgumentException if a variable has no value
   */
  default boolean eval(boolean[] assignment) {
    return switch (this) {
      case Var v -> {
        if (v.index() >= assignment.length) {
          throw new IllegalArgumentException("no value for x" + v.index());
        }
        yield assignment[v.index()];
      }
      case Const c -> c.value();
      case Not n -> !n.arg().eval(assignment);
      case And a -> a.left().eval(assignment) && a.right().eval(assignment);
      case Or o -> o.left().eval(assignment) || o.right().eval(assignment);
    };
  }

  /** Number of leaves (variables and constants), the size Spira's balancing halves. */
  default int leaves() {
    return switch (this) {
      case Var v -> 1;
      case Const c -> 1;
      case Not n -> n.arg().leaves();
      case And a -> a.left().leaves() + a.right().leaves();
      case Or o -> o.left().leaves() + o.right().leaves();
    };
  }

  /** Depth in and/or gates; negations are free, as in Barrington's construction. */
  default int depth() {
    return switch (this) {
      case Var v -> 0;
      case Const c -> 0;
      case Not n -> n.arg().depth();
      case And a -> 1 + Math.max(a.left().depth(), a.right().depth());
      case Or o -> 1 + Math.max(o.left().depth(), o.right().depth());
    };
  }

  /** The largest variable index, 0 if there is none. */
  default int maxVariable() {
    return switch (this) {
      case Var v -> v.index();
      case Const c -> 0;
      case Not n -> n.arg().maxVariable();
      case And a -> Math.max(a.left().maxVariable(), a.right().maxVariable());
      case Or o -> Math.max(o.left().maxVariable(), o.right().maxVariable());
    };
  }

  /** The indices of the variables that occur, ascending. */
  default TreeSet<Integer> variables() {
    TreeSet<Integer> out = new TreeSet<>();
    collectVariables(this, out);
    return out;
  }

  private static void collectVariables(BoolFormula f, TreeSet<Integer> out) {
    switch (f) {
      case Var v -> out.add(v.index());
      case Const c -> { }
      case Not n -> collectVariables(n.arg(), out);
      case And a -> {
        collectVariables(a.left(), out);
        collectVariables(a.right(), out);
      }
      case Or o -> {
        collectVariables(o.left(), out);
        collectVariables(o.right(), out);
      }
    }
  }

  /** Fully parenthesised infix with {@code ! & |}, e.g. {@code ((x1&!x2)|0)}. */
  default String toInfix() {
    return switch (this) {
      case Var v -> "x" + v.index();
      case Const c -> c.value() ? "1" : "0";
      case Not n -> "!" + n.arg().toInfix();
      case And a -> "(" + a.left().toInfix() + "&" + a.right().toInfix() + ")";
      case Or o -> "(" + o.left().toInfix() + "|" + o.right().toInfix() + ")";
    };
  }
}
