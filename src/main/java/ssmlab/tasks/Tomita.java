package ssmlab.tasks;

import java.util.List;

/**
 * The seven Tomita grammars over {0, 1} (Tomita 1982) and (aa)*, as DFAs with start state 0;
 * the last state of each is the dead state where there is one.
 */
final class Tomita {

  private static final List<String> BITS = List.of("0", "1");

  private Tomita() {}

  /** Tomita n, 1..7. */
  static DfaLanguage grammar(int n) {
    return switch (n) {
      // 1*
      case 1 -> dfa(new int[][] {{1, 0}, {1, 1}}, 0);
      // (10)*
      case 2 -> dfa(new int[][] {{2, 1}, {0, 2}, {2, 2}}, 0);
      // no odd-length block of 1s directly followed by an odd-length block of 0s;
      // 0: free, 1: odd 1-block, 2: odd 0-block after odd 1-block, 3: even 0-block after it
      case 3 -> dfa(new int[][] {{0, 1}, {2, 0}, {3, 4}, {2, 1}, {4, 4}}, 0, 1, 3);
      // no 000: state = trailing zeros
      case 4 -> dfa(new int[][] {{1, 0}, {2, 0}, {3, 0}, {3, 3}}, 0, 1, 2);
      // even number of 0s and even number of 1s: state = 2 * (#1 mod 2) + (#0 mod 2)
      case 5 -> dfa(new int[][] {{1, 2}, {0, 3}, {3, 0}, {2, 1}}, 0);
      // #0 - #1 = 0 mod 3: state = (#0 - #1) mod 3
      case 6 -> dfa(new int[][] {{1, 2}, {2, 0}, {0, 1}}, 0);
      // 0*1*0*1*: state = phase
      case 7 -> dfa(new int[][] {{0, 1}, {2, 1}, {2, 3}, {4, 3}, {4, 4}}, 0, 1, 2, 3);
      default -> throw new IllegalArgumentException("--n must be in 1..7, got " + n);
    };
  }

  /** Star-free Tomita grammars: 1, 2, 4, 7; 3, 5, 6 count modulo a number. */
  static boolean starFree(int n) {
    return n == 1 || n == 2 || n == 4 || n == 7;
  }

  /** (aa)*: strings of a of even length. */
  static DfaLanguage evenAs() {
    return new DfaLanguage(List.of("a"), new int[][] {{1}, {0}}, new boolean[] {true, false});
  }

  private static DfaLanguage dfa(int[][] delta, int... accepting) {
    boolean[] acc = new boolean[delta.length];
    for (int s : accepting) {
      acc[s] = true;
    }
    return new DfaLanguage(BITS, delta, acc);
  }
}
