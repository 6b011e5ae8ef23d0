package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Languages against membership predicates written from their definitions: the allowed-next sets
 * by exhaustive search over short extensions, generated words by membership.
 */
final class LanguageTasksTest {

  /** Membership on strings of one-character symbols. */
  record Case(String name, Language language, Predicate<String> member, int maxPrefix,
      int maxExtension) {
    @Override
    public String toString() {
      return name;
    }
  }

  static boolean dyck(String w, String pairs, int maxDepth) {
    StringBuilder stack = new StringBuilder();
    for (char c : w.toCharArray()) {
      int i = pairs.indexOf(c);
      if (i % 2 == 0) {
        stack.append(c);
        if (stack.length() > maxDepth) {
          return false;
        }
      } else {
        if (stack.isEmpty() || stack.charAt(stack.length() - 1) != pairs.charAt(i - 1)) {
          return false;
        }
        stack.setLength(stack.length() - 1);
      }
    }
    return stack.isEmpty();
  }

  static boolean shuffle(String w, String pairs) {
    for (int p = 0; p < pairs.length(); p += 2) {
      int depth = 0;
      for (char c : w.toCharArray()) {
        depth += c == pairs.charAt(p) ? 1 : c == pairs.charAt(p + 1) ? -1 : 0;
        if (depth < 0) {
          return false;
        }
      }
      if (depth != 0) {
        return false;
      }
    }
    return true;
  }

  /** Tomita 3: no odd-length block of 1s directly followed by an odd-length block of 0s. */
  static boolean tomita3(String w) {
    var blocks = new ArrayList<String>();
    var m = java.util.regex.Pattern.compile("0+|1+").matcher(w);
    while (m.find()) {
      blocks.add(m.group());
    }
    for (int i = 0; i + 1 < blocks.size(); i++) {
      if (blocks.get(i).charAt(0) == '1' && blocks.get(i).length() % 2 == 1
          && blocks.get(i + 1).length() % 2 == 1) {
        return false;
      }
    }
    return true;
  }

  static long count(String w, char c) {
    return w.chars().filter(x -> x == c).count();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("dyck1", new DyckLanguage(1, DyckLanguage.UNBOUNDED),
            w -> dyck(w, "()", Integer.MAX_VALUE), 7, 8),
        new Case("dyck-2-2", new DyckLanguage(2, 2), w -> dyck(w, "()[]", 2), 6, 3),
        new Case("shuffle-2", new ShuffleDyckLanguage(2), w -> shuffle(w, "()[]"), 4, 5),
        new Case("starfree-d-2", new DyckLanguage(1, 2, List.of("a", "b")),
            w -> dyck(w, "ab", 2), 8, 3),
        new Case("tomita1", Tomita.grammar(1), w -> w.matches("1*"), 8, 4),
        new Case("tomita2", Tomita.grammar(2), w -> w.matches("(10)*"), 8, 4),
        new Case("tomita3", Tomita.grammar(3), LanguageTasksTest::tomita3, 8, 4),
        new Case("tomita4", Tomita.grammar(4), w -> !w.contains("000"), 8, 4),
        new Case("tomita5", Tomita.grammar(5),
            w -> count(w, '0') % 2 == 0 && count(w, '1') % 2 == 0, 8, 4),
        new Case("tomita6", Tomita.grammar(6), w -> (count(w, '0') - count(w, '1')) % 3 == 0,
            8, 4),
        new Case("tomita7", Tomita.grammar(7), w -> w.matches("0*1*0*1*"), 8, 4),
        new Case("aa-star", Tomita.evenAs(), w -> w.length() % 2 == 0, 8, 2),
        new Case("anbn", new AnBnLanguage(),
            w -> w.matches("a*b*") && count(w, 'a') == count(w, 'b'), 7, 8));
  }

  private static List<String> strings(List<String> symbols, int length) {
    List<String> out = new ArrayList<>(List.of(""));
    for (int i = 0; i < length; i++) {
      List<String> next = new ArrayList<>();
      for (String s : out) {
        for (String a : symbols) {
          next.add(s + a);
        }
      }
      out = next;
    }
    return out;
  }

  private static boolean extendable(Case c, String prefix) {
    for (int e = 0; e <= c.maxExtension(); e++) {
      for (String w : strings(c.language().symbols(), e)) {
        if (c.member().test(prefix + w)) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scanner_nextSets_matchExhaustiveSearch(Case c) {
    List<String> symbols = c.language().symbols();
    for (int len = 1; len <= c.maxPrefix(); len++) {
      for (String p : strings(symbols, len)) {
        if (!extendable(c, p)) {
          continue;
        }
        Language.Scanner s = c.language().scanner();
        int mask = 0;
        for (char ch : p.toCharArray()) {
          mask = s.read(String.valueOf(ch));
        }
        var expected = new StringBuilder("{");
        for (String a : symbols) {
          if (extendable(c, p + a)) {
            expected.append(expected.length() > 1 ? "," : "").append(a);
          }
        }
        if (c.member().test(p)) {
          expected.append(expected.length() > 1 ? "," : "").append("$");
        }
        expected.append("}");
        assertThat(LanguageTask.label(symbols, mask)).as("%s prefix %s", c, p)
            .isEqualTo(expected.toString());
        assertThat(c.language().masks()).as("%s mask of %s listed", c, p).contains(mask);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generate_wordsAreMembersOfTheLongestPossibleLength(Case c) {
    var rng = new SplittableRandom(5);
    int maxN = c.language().symbols().size() > 2 ? 8 : 12;
    for (int n = 0; n <= maxN; n++) {
      int longest = -1;
      for (int m = n; m >= 0 && longest < 0; m--) {
        for (String w : strings(c.language().symbols(), m)) {
          if (c.member().test(w)) {
            longest = m;
            break;
          }
        }
      }
      for (int rep = 0; rep < 20; rep++) {
        String w = String.join("", c.language().generate(n, rng));
        assertThat(c.member().test(w)).as("%s generated %s", c, w).isTrue();
        assertThat(w.length()).as("%s n=%d", c, n).isEqualTo(longest);
      }
    }
  }

  @Test
  void dyck1_sarrofExample_closingAllowedExceptAtTheEnd() {
    // Sarrof et al.: ((()())) -> 11111110 for "a closing bracket is allowed"
    Task t = TaskRegistry.create("dyck1");
    List<String> targets = t.solve(Arrays.asList("( ( ( ) ( ) ) )".split(" ")));
    assertThat(targets).containsExactly("{(,)}", "{(,)}", "{(,)}", "{(,)}", "{(,)}", "{(,)}",
        "{(,)}", "{(,$}");
  }

  @Test
  void starfreeD2_depthLabels_matchSarrofsTwoBitStates() {
    // D_2: '10' at depth 0 (only a, or the end), '01' at depth 2 (only b), '11' otherwise
    Task t = TaskRegistry.create("starfree-d", java.util.Map.of("n", "2"));
    assertThat(t.solve(Arrays.asList("a a b b a b".split(" "))))
        .containsExactly("{a,b}", "{b}", "{a,b}", "{a,$}", "{a,b}", "{a,$}");
  }

  @Test
  void otherLanguages_handComputed() {
    assertThat(TaskRegistry.create("anbn").solve(Arrays.asList("a a b b".split(" "))))
        .containsExactly("{a,b}", "{a,b}", "{b}", "{$}");
    assertThat(TaskRegistry.create("aa-star").solve(Arrays.asList("a a a a".split(" "))))
        .containsExactly("{a}", "{a,$}", "{a}", "{a,$}");
    assertThat(TaskRegistry.create("shuffle-dyck").solve(Arrays.asList("( [ ) ]".split(" "))))
        .containsExactly("{(,[,)}", "{(,[,),]}", "{(,[,]}", "{(,[,$}");
    assertThat(TaskRegistry.create("dyck", java.util.Map.of("depth", "2"))
        .solve(Arrays.asList("( [ ] )".split(" "))))
        .containsExactly("{(,[,)}", "{]}", "{(,[,)}", "{(,[,$}");
    // Tomita 3 on 1 0 0: the odd 0-block after the odd 1-block is open after "1 0"
    assertThat(TaskRegistry.create("tomita", java.util.Map.of("n", "3"))
        .solve(Arrays.asList("1 0 0".split(" "))))
        .containsExactly("{0,1,$}", "{0}", "{0,1,$}");
  }

  @Test
  void solve_notAWord_isRejected() {
    Task t = TaskRegistry.create("dyck1");
    assertThatThrownBy(() -> t.solve(List.of("(", "(")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.solve(List.of(")", "(")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flipflop_readTargetsTheLastWrite() {
    Task t = TaskRegistry.create("flipflop");
    assertThat(t.solve(Arrays.asList("w 1 i 0 r 1 w 0 r 0".split(" "))))
        .containsExactly(null, null, null, null, "1", null, null, null, "0", null);
    assertThatThrownBy(() -> t.solve(Arrays.asList("w 1 r 0".split(" "))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flipflop_instructionFrequencies_followPIgnore() {
    Task t = TaskRegistry.create("flipflop", java.util.Map.of("p-ignore", "0.8"));
    Sample s = t.sample(20_000, new SplittableRandom(1));
    long ignores = 0;
    long reads = 0;
    for (int i = 0; i < s.length(); i += 2) {
      ignores += s.input().get(i).equals("i") ? 1 : 0;
      reads += s.input().get(i).equals("r") ? 1 : 0;
    }
    assertThat(ignores / 10_000.0).isBetween(0.78, 0.82);
    assertThat(reads / 10_000.0).isBetween(0.09, 0.11);
  }
}
