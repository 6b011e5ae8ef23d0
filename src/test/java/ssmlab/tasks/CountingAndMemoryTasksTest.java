package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

final class CountingAndMemoryTasksTest {

  private static List<String> tokens(String s) {
    return Arrays.asList(s.split(" "));
  }

  @Test
  void parity_oddPrefixIsOne() {
    assertThat(TaskRegistry.create("parity").solve(tokens("1 1 0 1 0")))
        .containsExactly("1", "0", "0", "1", "1");
  }

  @Test
  void parity_isTheComplementOfSarrofsEvenParityExample() {
    // Sarrof et al. generated_ds: 01100101 -> 10111001 (1 = even number of ones so far)
    List<String> odd = TaskRegistry.create("parity").solve(tokens("0 1 1 0 0 1 0 1"));
    assertThat(String.join("", odd)).isEqualTo("01000110");
  }

  @Test
  void modcount_countsOnesModM() {
    assertThat(TaskRegistry.create("modcount", Map.of("m", "3")).solve(tokens("1 1 0 1 1")))
        .containsExactly("1", "2", "2", "0", "1");
  }

  @Test
  void evenPairs_firstEqualsLast() {
    Task t = TaskRegistry.create("even-pairs");
    // 0110: pairs 01, 11, 10 -> two unequal pairs -> even
    assertThat(t.solve(tokens("0 1 1 0"))).containsExactly(null, null, null, "1");
    // 011: one unequal pair -> odd
    assertThat(t.solve(tokens("0 1 1")).getLast()).isEqualTo("0");
    assertThat(TaskRegistry.create("even-pairs", Map.of("label", "all")).solve(tokens("1 0 1")))
        .containsExactly("1", "0", "1");
  }

  @Test
  void cycleNav_walksTheFiveCycle() {
    Task t = TaskRegistry.create("cycle-nav", Map.of("label", "all"));
    // +1 +1 -1 stay -1 -1 -1 -> 1 2 1 1 0 4 3
    assertThat(t.solve(tokens("1 1 2 0 2 2 2"))).containsExactly("1", "2", "1", "1", "0", "4",
        "3");
  }

  @Test
  void copy_targetsOnTheCopyOnly() {
    Task t = TaskRegistry.create("copy");
    assertThat(t.solve(tokens("a b c | a b c"))).containsExactly(null, null, null, "a", "b",
        "c", ".");
    assertThatThrownBy(() -> t.solve(tokens("a b c | a c c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reverse_targetsTheReversedString() {
    Task t = TaskRegistry.create("reverse");
    assertThat(t.solve(tokens("a a b | b a a <pad>"))).containsExactly(null, null, null, "b",
        "a", "a", ".", null);
  }

  @Test
  void stackManip_finalStackTopFirst() {
    Task t = TaskRegistry.create("stack-manip");
    // stack 0 1 (bottom first); push1 -> 0 1 1; pop -> 0 1; push0 -> 0 1 0; top first: 0 1 0
    assertThat(t.solve(tokens("0 1 push1 pop push0 | 0 1 0")))
        .containsExactly(null, null, null, null, null, "0", "1", "0", ".");
    assertThatThrownBy(() -> t.solve(tokens("pop | ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lisCot_dpTableThenAnswer() {
    Task t = TaskRegistry.create("lis-cot");
    // 3 1 4 1 5 9 2: dp = 1 1 2 1 3 4 2, answer 4
    assertThat(t.solve(tokens("3 1 4 1 5 9 2 | 1 1 2 1 3 4 2"))).containsExactly(
        null, null, null, null, null, null, null, "1", "1", "2", "1", "3", "4", "2", "4");
    assertThatThrownBy(() -> t.solve(tokens("3 1 | 1 2")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lisWithoutCot_theAnswerRightAfterTheSeparator() {
    Task t = TaskRegistry.create("lis-cot", java.util.Map.of("cot", "false"));
    // 3 1 4 1 5 9 2: the longest strictly increasing subsequence (1 4 5 9) has length 4
    assertThat(t.solve(tokens("3 1 4 1 5 9 2 |"))).containsExactly(
        null, null, null, null, null, null, null, "4");
    assertThat(t.sample(8, new java.util.SplittableRandom(1)).input()).hasSize(8)
        .endsWith("|");
    assertThatThrownBy(() -> t.solve(tokens("3 1 4")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskRegistry.create("lis-cot", java.util.Map.of("cot", "maybe")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
