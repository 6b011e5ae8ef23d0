package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Longest increasing subsequence with chain of thought (in the spirit of Ren et al. 2024): n
 * random values in 0..V-1, the separator {@code |}, then the DP table dp_1..dp_n, dp_j being the
 * length of the longest strictly increasing subsequence ending at j. Next-token targets: the
 * separator's is dp_1, dp_j's is dp_(j+1), dp_n's is the answer max_j dp_j. Inputs have 2n + 1
 * tokens; an even length gets one padding token.
 *
 * <p>Without the chain of thought ({@code cot=false}) the input is the n values and the
 * separator, whose target is the answer itself: n + 1 tokens, one label.
 */
final class LisCotTask extends BaseTask {

  private final int vocab;
  private final boolean cot;
  private final String[] numbers;

  LisCotTask(int vocab, boolean cot) {
    super("lis-cot", "longest increasing subsequence: the DP table, then the answer",
        TaskClass.TC0, withPad(CopyTask.with(numbers(vocab + 1), CopyTask.SEPARATOR)),
        new Vocabulary(numbers(vocab + 1).subList(1, vocab + 1)));
    this.vocab = vocab;
    this.cot = cot;
    this.numbers = numbers(vocab + 1).toArray(String[]::new);
  }

  private static List<String> numbers(int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int n = cot ? (length - 1) / 2 : length - 1;
    int[] a = new int[n];
    List<String> out = new ArrayList<>(length);
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextInt(vocab);
      out.add(numbers[a[i]]);
    }
    out.add(CopyTask.SEPARATOR);
    if (cot) {
      for (int d : table(a)) {
        out.add(numbers[d]);
      }
    }
    return padTo(out, length);
  }

  /** dp_j = 1 + max{dp_i : i < j, a_i < a_j}, via best[v] = largest dp so far ending in v. */
  private int[] table(int[] a) {
    int[] best = new int[vocab];
    int[] dp = new int[a.length];
    for (int j = 0; j < a.length; j++) {
      int m = 0;
      for (int v = 0; v < a[j]; v++) {
        m = Math.max(m, best[v]);
      }
      dp[j] = m + 1;
      best[a[j]] = Math.max(best[a[j]], dp[j]);
    }
    return dp;
  }

  @Override
  public List<String> solve(List<String> input) {
    if (!cot) {
      return solveAnswerOnly(input);
    }
    int total = unpaddedLength(input);
    int n = total / 2;
    if (total % 2 == 0 || !input.get(n).equals(CopyTask.SEPARATOR)) {
      throw invalid(name(), "expected n values, |, n table entries");
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = value(input.get(i), vocab - 1);
    }
    int[] dp = table(a);
    List<String> target = unlabelled(input.size());
    int answer = 0;
    for (int j = 0; j < n; j++) {
      if (value(input.get(n + 1 + j), vocab) != dp[j]) {
        throw invalid(name(), "wrong table entry at " + (n + 1 + j));
      }
      target.set(n + j, numbers[dp[j]]);
      answer = Math.max(answer, dp[j]);
    }
    if (n > 0) {
      target.set(2 * n, numbers[answer]);
    }
    return target;
  }

  /** n values and the separator: the separator's target is the answer max_j dp_j. */
  private List<String> solveAnswerOnly(List<String> input) {
    int n = unpaddedLength(input) - 1;
    if (n < 0 || !input.get(n).equals(CopyTask.SEPARATOR)) {
      throw invalid(name(), "expected n values, then |");
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = value(input.get(i), vocab - 1);
    }
    int answer = 0;
    for (int d : table(a)) {
      answer = Math.max(answer, d);
    }
    List<String> target = unlabelled(input.size());
    if (n > 0) {
      target.set(n, numbers[answer]);
    }
    return target;
  }

  private int value(String tok, int max) {
    try {
      int v = Integer.parseInt(tok);
      if (v >= 0 && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw invalid(name(), "'" + tok + "' is not a value in 0.." + max);
  }
}
