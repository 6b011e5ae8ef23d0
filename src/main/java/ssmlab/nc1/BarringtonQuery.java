package ssmlab.nc1;

import ssmlab.nc1.BranchingProgram.Instruction;

/**
 * The uniformity of Barrington's reduction: instruction i of the program {@link
 * Barrington#compile} makes from a complete formula of depth d (length 4^d), computed by walking
 * one root-to-leaf path, d steps of constant work, without building the program.
 *
 * <p>At an AND gate of height h with commutator pair (α, β) for σ, the program is P Q P^-1 Q^-1
 * with |P| = |Q| = 4^{h−1}, so the top base-4 digit q of i picks the segment: q = 0, 1 read P (α)
 * or Q (β) at the lower digits r; q = 2, 3 read P or Q backwards, at 4^{h−1} − 1 − r, and invert
 * the instruction. An OR is ¬(¬l ∧ ¬r) as the compiler writes it: the AND part computes σ^-1, a
 * NOT child τ-computes by τ^-1-computing the child and multiplying τ into its last instruction,
 * and the OR's own NOT multiplies σ into the program's last instruction.
 */
public final class BarringtonQuery {
  private static final Perm E = Perm.identity(5);

  private BarringtonQuery() {}

  /** 4^d: the length of the program of a complete formula of depth d. */
  public static long length(CompleteFormula f) {
    return 1L << 2 * f.depth();
  }

  /** Instruction {@code i} of {@code Barrington.compile(f.toFormula())}. */
  public static Instruction instruction(CompleteFormula f, long i) {
    if (i < 0 || i >= length(f)) {
      throw new IllegalArgumentException("instruction " + i + " of a program of length "
          + length(f));
    }
    return at(f, 0, f.depth(), Barrington.SIGMA, i);
  }

  /** Instruction i of the program that σ-computes the subformula at {@code node}. */
  private static Instruction at(CompleteFormula f, long node, int height, Perm sigma, long i) {
    if (height == 0) {
      return new Instruction(f.variable(node - ((1L << f.depth()) - 1)), E, sigma);
    }
    boolean or = f.isOr(node);
    Perm[] ab = Barrington.commutatorPair(or ? sigma.inverse() : sigma);
    int shift = 2 * (height - 1);
    int q = (int) (i >>> shift);
    long r = i & ((1L << shift) - 1);
    long j = q >= 2 ? (1L << shift) - 1 - r : r;
    long child = 2 * node + 1 + (q & 1);
    Instruction ins = or ? negated(f, child, height - 1, ab[q & 1], j)
        : at(f, child, height - 1, ab[q & 1], j);
    if (q >= 2) {
      ins = ins.inverse();
    }
    return or && i == (1L << shift + 2) - 1 ? then(ins, sigma) : ins;
  }

  /** Instruction j of the program that τ-computes ¬(subformula at node). */
  private static Instruction negated(CompleteFormula f, long node, int height, Perm tau, long j) {
    Instruction ins = at(f, node, height, tau.inverse(), j);
    return j == (1L << 2 * height) - 1 ? then(ins, tau) : ins;
  }

  private static Instruction then(Instruction ins, Perm p) {
    return new Instruction(ins.variable(), ins.if0().then(p), ins.if1().then(p));
  }
}
