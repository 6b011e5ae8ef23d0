package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ssmlab.nc1.ArithmeticEvaluator;
import ssmlab.nc1.Semiring;

/**
 * Arithmetic formula evaluation (paper, Definitions C.1-C.2): a random fully parenthesised
 * formula over Z_m or the Boolean semiring, one label at its last token: the value.
 *
 * <p>Shape: a binary tree with {@code ops} operator nodes, each written {@code (a op b)}, the
 * root with or without parentheses, so a formula has 1, 4 ops - 1 or 4 ops + 1 tokens: every odd
 * length. An even length gets one padding token; a depth bound caps ops at 2^depth - 1 and pads
 * the rest. The generator draws the value first, uniformly, and then for each node a uniform pair
 * of operand values giving the node's value, so the values are balanced.
 */
final class ArithTask extends BaseTask {

  private final Semiring ring;
  private final int maxDepth; // 0: unbounded
  private final char[] ops;
  private final int[][][] pairs; // pairs[op][v] = {a * size + b : a op b = v}
  private final String[] constants;

  ArithTask(String name, String description, TaskClass taskClass, Semiring ring, int maxDepth) {
    super(name, description, taskClass, inputVocabulary(ring), values(ring));
    this.ring = ring;
    this.maxDepth = maxDepth;
    this.ops = ring.hasSubtraction() ? new char[] {'+', '-', '*'} : new char[] {'+', '*'};
    int s = ring.size();
    this.constants = values(ring).tokens().toArray(String[]::new);
    this.pairs = new int[ops.length][s][];
    for (int o = 0; o < ops.length; o++) {
      List<List<Integer>> byValue = new ArrayList<>();
      for (int v = 0; v < s; v++) {
        byValue.add(new ArrayList<>());
      }
      for (int a = 0; a < s; a++) {
        for (int b = 0; b < s; b++) {
          byValue.get(ring.apply(ops[o], a, b)).add(a * s + b);
        }
      }
      for (int v = 0; v < s; v++) {
        pairs[o][v] = byValue.get(v).stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  private static Vocabulary values(Semiring ring) {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      v.add(Integer.toString(i));
    }
    return new Vocabulary(v);
  }

  private static Vocabulary inputVocabulary(Semiring ring) {
    List<String> v = new ArrayList<>(values(ring).tokens());
    v.addAll(ring.hasSubtraction() ? List.of("+", "-", "*") : List.of("+", "*"));
    v.addAll(List.of("(", ")"));
    return withPad(v);
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = length % 2 == 1 ? length : length - 1;
    int opCount = n == 1 ? 0 : n % 4 == 1 ? (n - 1) / 4 : (n + 1) / 4;
    boolean rootParens = n % 4 == 1;
    long cap = capacity(maxDepth);
    if (opCount > cap) {
      opCount = (int) cap;
      rootParens = true;
    }
    List<String> out = new ArrayList<>(length);
    emit(opCount, maxDepth == 0 ? Integer.MAX_VALUE : maxDepth, rng.nextInt(ring.size()),
        rootParens, rng, out);
    return padTo(out, length);
  }

  /** Most operator nodes in a tree of depth d: 2^d - 1. */
  private static long capacity(int depth) {
    return depth == 0 || depth >= 31 ? Integer.MAX_VALUE : (1L << depth) - 1;
  }

  private void emit(int opCount, int depth, int value, boolean parens, SplittableRandom rng,
      List<String> out) {
    if (opCount == 0) {
      out.add(constants[value]);
      return;
    }
    long cap = capacity(depth - 1);
    int lo = (int) Math.max(0, opCount - 1 - cap);
    int hi = (int) Math.min(opCount - 1, cap);
    int left = lo + rng.nextInt(hi - lo + 1);
    int o = rng.nextInt(ops.length);
    int[] p = pairs[o][value];
    int ab = p[rng.nextInt(p.length)];
    int s = ring.size();
    if (parens) {
      out.add("(");
    }
    emit(left, depth - 1, ab / s, true, rng, out);
    out.add(String.valueOf(ops[o]));
    emit(opCount - 1 - left, depth - 1, ab % s, true, rng, out);
    if (parens) {
      out.add(")");
    }
  }

  @Override
  public List<String> solve(List<String> input) {
    return labelLast(input, f -> constants[ArithmeticEvaluator.evaluate(f, ring)]);
  }
}
