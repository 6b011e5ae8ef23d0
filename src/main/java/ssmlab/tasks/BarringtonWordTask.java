package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nc1.Barrington;
import ssmlab.nc1.BoolFormula;
import ssmlab.nc1.BranchingProgram;
import ssmlab.nc1.Perm;

/**
 * BFVP through Barrington's reduction: a random variable-free formula, its leaves read as
 * variables set to their constants, compiled into a width-5 branching program; the input is the
 * S5 word the program yields, the one label at its end "1" iff the product is the 5-cycle
 * {@code 23451} (the formula is true) and "0" iff it is the identity (false). Balanced.
 *
 * <p>Program lengths are 1 or 2(a + b) for the operands' lengths a, b: exactly {1} and the
 * n >= 4 with n = 4 mod 6. The generator builds a formula of the greatest such length at most
 * the one asked for and pads the rest (at most 5 tokens); each and/or node halves the length, so
 * the formula has depth about log2 n and about sqrt(n) leaves.
 */
final class BarringtonWordTask extends BaseTask {

  private static final double P_NOT = 0.25;
  private static final String SIGMA = Barrington.SIGMA.toString();
  private static final String IDENTITY = Perm.identity(5).toString();

  BarringtonWordTask() {
    super("bfvp", "BFVP via Barrington: the S5 word of a random formula's branching program",
        TaskClass.NC1_COMPLETE,
        withPad(Perm.all(5).stream().map(Perm::toString).toList()), Vocabulary.of("0", "1"));
  }

  /** Whether a program of exactly n instructions comes out of some formula. */
  static boolean programLength(int n) {
    return n == 1 || n >= 4 && n % 6 == 4;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    return padTo(programWord(length, rng), length);
  }

  /**
   * The S5 word of a random formula's branching program, of the greatest program length at most
   * {@code length}, unpadded; its product is {@code 23451} iff the formula is true, else the
   * identity.
   */
  static List<String> programWord(int length, SplittableRandom rng) {
    int n = length;
    while (!programLength(n)) {
      n--;
    }
    boolean value = rng.nextBoolean();
    List<Boolean> leaves = new ArrayList<>();
    BoolFormula f = formula(n, value, rng, leaves);
    boolean[] assignment = new boolean[leaves.size() + 1];
    for (int i = 0; i < leaves.size(); i++) {
      assignment[i + 1] = leaves.get(i);
    }
    BranchingProgram p = Barrington.compile(f);
    List<String> out = new ArrayList<>(length);
    for (Perm g : p.word(assignment)) {
      out.add(g.toString());
    }
    return out;
  }

  /** A formula with value {@code value} whose program has exactly {@code n} instructions. */
  private static BoolFormula formula(int n, boolean value, SplittableRandom rng,
      List<Boolean> leaves) {
    if (rng.nextDouble() < P_NOT) {
      return new BoolFormula.Not(formula(n, !value, rng, leaves));
    }
    if (n == 1) {
      leaves.add(value);
      return new BoolFormula.Var(leaves.size());
    }
    int m = n / 2;
    int a;
    if (m == 2) {
      a = 1;
    } else if (m % 2 == 1) {
      a = rng.nextBoolean() ? 1 : m - 1;
    } else {
      a = 4 + 6 * rng.nextInt((m - 8) / 6 + 1); // a and m - a both = 4 mod 6
    }
    boolean and = rng.nextBoolean();
    boolean x = value;
    boolean y = value;
    if (value != and) {
      int r = rng.nextInt(3);
      x = r == 1 ? !value : value;
      y = r == 2 ? !value : value;
    }
    BoolFormula left = formula(a, x, rng, leaves);
    BoolFormula right = formula(m - a, y, rng, leaves);
    return and ? new BoolFormula.And(left, right) : new BoolFormula.Or(left, right);
  }

  @Override
  public List<String> solve(List<String> input) {
    int n = unpaddedLength(input);
    Perm p = Perm.identity(5);
    for (int i = 0; i < n; i++) {
      if (!inputVocabulary().contains(input.get(i)) || input.get(i).equals(Vocabulary.PAD)) {
        throw invalid(name(), "'" + input.get(i) + "' is not in S5");
      }
      p = p.then(Perm.parse(input.get(i)));
    }
    String s = p.toString();
    if (!s.equals(SIGMA) && !s.equals(IDENTITY)) {
      throw invalid(name(), "the product " + s + " is neither " + SIGMA + " nor the identity");
    }
    List<String> target = unlabelled(input.size());
    target.set(Math.max(n, 1) - 1, s.equals(SIGMA) ? "1" : "0");
    return target;
  }
}
