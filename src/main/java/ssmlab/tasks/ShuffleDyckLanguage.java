package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shuffle-k: interleavings of k Dyck-1 languages, each pair balanced on its own (Bhattamishra et
 * al. 2020); a closer is allowed whenever its pair has an open bracket.
 */
final class ShuffleDyckLanguage implements Language {

  private final int k;
  private final List<String> symbols;

  ShuffleDyckLanguage(int k) {
    this.k = k;
    this.symbols = DyckLanguage.pairSymbols(k);
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  @Override
  public List<String> generate(int maxLength, SplittableRandom rng) {
    int n = maxLength - maxLength % 2;
    List<String> out = new ArrayList<>(n);
    int[] open = new int[k];
    int[] nonzero = new int[k];
    int depth = 0;
    for (int i = 0; i < n; i++) {
      int remaining = n - i;
      boolean canOpen = depth + 1 <= remaining - 1;
      if (canOpen && (depth == 0 || rng.nextBoolean())) {
        int t = rng.nextInt(k);
        open[t]++;
        depth++;
        out.add(symbols.get(t));
      } else {
        int c = 0;
        for (int t = 0; t < k; t++) {
          if (open[t] > 0) {
            nonzero[c++] = t;
          }
        }
        int t = nonzero[rng.nextInt(c)];
        open[t]--;
        depth--;
        out.add(symbols.get(k + t));
      }
    }
    return out;
  }

  @Override
  public Scanner scanner() {
    int[] open = new int[k];
    return symbol -> {
      int i = symbols.indexOf(symbol);
      if (i < 0 || i >= k && open[i - k] == 0) {
        throw LanguageTask.notAllowed(symbol);
      }
      if (i < k) {
        open[i]++;
      } else {
        open[i - k]--;
      }
      return mask(open);
    };
  }

  private int mask(int[] open) {
    int m = (1 << k) - 1;
    int closers = 0;
    for (int t = 0; t < k; t++) {
      if (open[t] > 0) {
        closers |= 1 << t;
      }
    }
    return m | closers << k | (closers == 0 ? Language.end(2 * k) : 0);
  }

  @Override
  public List<Integer> masks() {
    List<Integer> out = new ArrayList<>();
    int base = (1 << k) - 1;
    for (int closers = 0; closers < 1 << k; closers++) {
      out.add(base | closers << k | (closers == 0 ? Language.end(2 * k) : 0));
    }
    return out;
  }
}
