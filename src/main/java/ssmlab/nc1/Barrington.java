package ssmlab.nc1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Barrington's construction (1986; paper, Lemma C.12): a fan-in-2 formula of and/or depth d
 * becomes a width-5 permutation branching program of length at most 4^d that computes it with a
 * 5-cycle.
 *
 * <p>To sigma-compute, with products first-factor-first:
 * <ul>
 *   <li>x_j: the one instruction (j, e, sigma);
 *   <li>!f: a program P that sigma^-1-computes f, with sigma multiplied into both permutations of
 *       P's last instruction (f = 1 gives sigma^-1 sigma = e, f = 0 gives sigma);
 *   <li>f & g: with 5-cycles alpha, beta whose commutator alpha beta alpha^-1 beta^-1 is sigma,
 *       the concatenation P Q P^-1 Q^-1 where P alpha-computes f and Q beta-computes g; it is e
 *       unless f = g = 1, when it is the commutator. Length 2|P| + 2|Q|.
 *   <li>f | g = !(!f & !g); a constant c is one instruction yielding sigma^c for either bit.
 * </ul>
 * Why width 5: S5 is not solvable, so a 5-cycle is a commutator of 5-cycles; in S4 or S3 no
 * such pair exists.
 */
public final class Barrington {

  /** The cycle (1 2 3 4 5), one-line {@code 23451}: the programs this class builds compute it. */
  public static final Perm SIGMA = Perm.parse("23451");

  private static final Perm E = Perm.identity(5);

  /** For every 5-cycle sigma, a pair of 5-cycles whose commutator is sigma. */
  private static final Map<Perm, Perm[]> COMMUTATOR_PAIRS = commutatorPairs();

  private Barrington() {}

  /** A program that {@link #SIGMA}-computes {@code f}. */
  public static BranchingProgram compile(BoolFormula f) {
    List<BranchingProgram.Instruction> out = new ArrayList<>();
    emit(f, SIGMA, out);
    return new BranchingProgram(out, SIGMA);
  }

  /** The length {@link #compile} gives, without building the program. */
  public static long length(BoolFormula f) {
    return switch (f) {
      case BoolFormula.Var v -> 1;
      case BoolFormula.Const c -> 1;
      case BoolFormula.Not n -> length(n.arg());
      case BoolFormula.And a -> 2 * (length(a.left()) + length(a.right()));
      case BoolFormula.Or o -> 2 * (length(o.left()) + length(o.right()));
    };
  }

  /** Two 5-cycles alpha, beta with alpha beta alpha^-1 beta^-1 = sigma. */
  static Perm[] commutatorPair(Perm sigma) {
    Perm[] pair = COMMUTATOR_PAIRS.get(sigma);
    if (pair == null) {
      throw new IllegalArgumentException("not a 5-cycle: " + sigma);
    }
    return pair;
  }

  /** Appends to {@code out} a program that {@code sigma}-computes {@code f}. */
  private static void emit(BoolFormula f, Perm sigma, List<BranchingProgram.Instruction> out) {
    switch (f) {
      case BoolFormula.Var v -> out.add(new BranchingProgram.Instruction(v.index(), E, sigma));
      case BoolFormula.Const c -> {
        Perm p = c.value() ? sigma : E;
        out.add(new BranchingProgram.Instruction(1, p, p));
      }
      case BoolFormula.Not n -> {
        emit(n.arg(), sigma.inverse(), out);
        int last = out.size() - 1;
        BranchingProgram.Instruction ins = out.get(last);
        out.set(last, new BranchingProgram.Instruction(
            ins.variable(), ins.if0().then(sigma), ins.if1().then(sigma)));
      }
      case BoolFormula.And a -> {
        Perm[] ab = commutatorPair(sigma);
        int p0 = out.size();
        emit(a.left(), ab[0], out);
        int q0 = out.size();
        emit(a.right(), ab[1], out);
        int q1 = out.size();
        appendInverse(out, p0, q0);
        appendInverse(out, q0, q1);
      }
      case BoolFormula.Or o -> emit(new BoolFormula.Not(new BoolFormula.And(
          new BoolFormula.Not(o.left()), new BoolFormula.Not(o.right()))), sigma, out);
    }
  }

  /** Appends out[from..to) run backwards with inverted permutations. */
  private static void appendInverse(List<BranchingProgram.Instruction> out, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      out.add(out.get(i).inverse());
    }
  }

  private static Map<Perm, Perm[]> commutatorPairs() {
    List<Perm> cycles = new ArrayList<>();
    for (Perm p : Perm.all(5)) {
      if (p.isFullCycle()) {
        cycles.add(p);
      }
    }
    Map<Perm, Perm[]> pairs = new HashMap<>();
    for (Perm alpha : cycles) {
      for (Perm beta : cycles) {
        Perm c = alpha.then(beta).then(alpha.inverse()).then(beta.inverse());
        if (c.isFullCycle()) {
          pairs.putIfAbsent(c, new Perm[] {alpha, beta});
        }
      }
    }
    if (pairs.size() != cycles.size()) {
      throw new AssertionError("some 5-cycle is no commutator of 5-cycles");
    }
    return pairs;
  }
}
