package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A regular language given by a complete DFA over a small alphabet, start state 0. Words are
 * drawn by a random walk through states from which an accepting state is reachable in exactly
 * the remaining number of steps.
 */
final class DfaLanguage implements Language {

  private final List<String> symbols;
  private final int[][] delta; // delta[state][symbol]
  private final boolean[] accepting;
  private final boolean[] coReachable; // some accepting state is reachable
  private final int[] maskOf; // next-symbol mask of each state

  /** At most 31 states (generation keeps state sets in an int). */
  DfaLanguage(List<String> symbols, int[][] delta, boolean[] accepting) {
    if (delta.length > 31) {
      throw new IllegalArgumentException("too many states: " + delta.length);
    }
    this.symbols = List.copyOf(symbols);
    this.delta = delta;
    this.accepting = accepting;
    int q = delta.length;
    coReachable = accepting.clone();
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int s = 0; s < q; s++) {
        for (int a = 0; a < symbols.size() && !coReachable[s]; a++) {
          if (coReachable[delta[s][a]]) {
            coReachable[s] = true;
            changed = true;
          }
        }
      }
    }
    maskOf = new int[q];
    for (int s = 0; s < q; s++) {
      for (int a = 0; a < symbols.size(); a++) {
        if (coReachable[delta[s][a]]) {
          maskOf[s] |= 1 << a;
        }
      }
      if (accepting[s]) {
        maskOf[s] |= Language.end(symbols.size());
      }
    }
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  @Override
  public List<String> generate(int maxLength, SplittableRandom rng) {
    int q = delta.length;
    int sigma = symbols.size();
    // bit s of live[r]: an accepting state is reachable from state s in exactly r steps
    int[] live = new int[maxLength + 1];
    for (int s = 0; s < q; s++) {
      live[0] |= accepting[s] ? 1 << s : 0;
    }
    for (int r = 1; r <= maxLength; r++) {
      for (int s = 0; s < q; s++) {
        for (int a = 0; a < sigma; a++) {
          live[r] |= (live[r - 1] >> delta[s][a] & 1) << s;
        }
      }
    }
    int n = maxLength;
    while (n > 0 && (live[n] & 1) == 0) {
      n--;
    }
    List<String> out = new ArrayList<>(n);
    int[] choices = new int[sigma];
    int s = 0;
    for (int r = n; r > 0; r--) {
      int c = 0;
      for (int a = 0; a < sigma; a++) {
        if ((live[r - 1] >> delta[s][a] & 1) != 0) {
          choices[c++] = a;
        }
      }
      int a = choices[rng.nextInt(c)];
      out.add(symbols.get(a));
      s = delta[s][a];
    }
    return out;
  }

  @Override
  public Scanner scanner() {
    int[] state = {0};
    return symbol -> {
      int a = symbols.indexOf(symbol);
      if (a < 0 || !coReachable[delta[state[0]][a]]) {
        throw LanguageTask.notAllowed(symbol);
      }
      state[0] = delta[state[0]][a];
      return maskOf[state[0]];
    };
  }

  /** Masks of the states reachable from the start by a nonempty path that stay co-reachable. */
  @Override
  public List<Integer> masks() {
    int q = delta.length;
    boolean[] reached = new boolean[q];
    List<Integer> frontier = new ArrayList<>(List.of(0));
    TreeSet<Integer> out = new TreeSet<>();
    while (!frontier.isEmpty()) {
      int s = frontier.removeLast();
      for (int a = 0; a < symbols.size(); a++) {
        int t = delta[s][a];
        if (coReachable[t] && !reached[t]) {
          reached[t] = true;
          out.add(maskOf[t]);
          frontier.add(t);
        }
      }
    }
    return List.copyOf(out);
  }
}
