package ssmlab.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dyck-k: well-nested strings over k bracket pairs, optionally with nesting depth at most H
 * (Dyck-(k, H) of Yao et al. 2021; with k = 1 and symbols a, b the star-free D_H of Sarrof et
 * al.). Symbols: the k openers then the k closers.
 */
final class DyckLanguage implements Language {

  /** Bracket pairs in order: ( ) [ ] { } < > then a b, c d, e f, g h. */
  static final String PAIRS = "()[]{}<>abcdefgh";
  static final int MAX_PAIRS = PAIRS.length() / 2;
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private final int k;
  private final int maxDepth;
  private final List<String> symbols;

  /** {@code k} pairs from {@link #PAIRS}, depth at most {@code maxDepth}. */
  DyckLanguage(int k, int maxDepth) {
    this(k, maxDepth, pairSymbols(k));
  }

  /** Custom symbols: openers first, then the closers in the same order. */
  DyckLanguage(int k, int maxDepth, List<String> symbols) {
    this.k = k;
    this.maxDepth = maxDepth;
    this.symbols = List.copyOf(symbols);
  }

  static List<String> pairSymbols(int k) {
    if (k < 1 || k > MAX_PAIRS) {
      throw new IllegalArgumentException("--k must be in 1.." + MAX_PAIRS + ", got " + k);
    }
    List<String> s = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      s.add(String.valueOf(PAIRS.charAt(2 * i)));
    }
    for (int i = 0; i < k; i++) {
      s.add(String.valueOf(PAIRS.charAt(2 * i + 1)));
    }
    return s;
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  /** Even length; opens or closes with equal odds where both keep the word completable. */
  @Override
  public List<String> generate(int maxLength, SplittableRandom rng) {
    int n = maxLength - maxLength % 2;
    List<String> out = new ArrayList<>(n);
    int[] stack = new int[Math.min(n / 2, maxDepth) + 1];
    int d = 0;
    for (int i = 0; i < n; i++) {
      int remaining = n - i;
      boolean canOpen = d < maxDepth && d + 1 <= remaining - 1;
      boolean canClose = d > 0;
      if (canOpen && (!canClose || rng.nextBoolean())) {
        int t = rng.nextInt(k);
        stack[d++] = t;
        out.add(symbols.get(t));
      } else {
        out.add(symbols.get(k + stack[--d]));
      }
    }
    return out;
  }

  @Override
  public Scanner scanner() {
    return new Scanner() {
      private int[] stack = new int[16];
      private int d;

      @Override
      public int read(String symbol) {
        int i = symbols.indexOf(symbol);
        if (i < 0) {
          throw LanguageTask.notAllowed(symbol);
        }
        if (i < k) {
          if (d == maxDepth) {
            throw LanguageTask.notAllowed(symbol);
          }
          if (d == stack.length) {
            stack = Arrays.copyOf(stack, 2 * d);
          }
          stack[d++] = i;
        } else if (d == 0 || stack[d - 1] != i - k) {
          throw LanguageTask.notAllowed(symbol);
        } else {
          d--;
        }
        return mask(d, d == 0 ? -1 : stack[d - 1]);
      }
    };
  }

  /** Openers while below the bound, the closer of the top bracket, the end at depth 0. */
  private int mask(int depth, int top) {
    int m = depth < maxDepth ? (1 << k) - 1 : 0;
    if (depth == 0) {
      m |= Language.end(2 * k);
    } else {
      m |= 1 << (k + top);
    }
    return m;
  }

  @Override
  public List<Integer> masks() {
    List<Integer> out = new ArrayList<>();
    out.add(mask(0, -1));
    for (int t = 0; t < k; t++) {
      if (maxDepth > 1) {
        out.add(mask(1, t));
      }
      if (maxDepth != UNBOUNDED) {
        out.add(mask(maxDepth, t));
      }
    }
    return out;
  }
}
