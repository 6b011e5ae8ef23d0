package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class GroupTasksTest {

  private static List<String> tokens(String s) {
    return Arrays.asList(s.split(" "));
  }

  @Test
  void s5_prefixProducts_handComputed() {
    Task t = TaskRegistry.create("s5");
    // 14352 then 25134 = 23145 (1->1->2, 2->4->3, 3->3->1, 4->5->4, 5->2->5);
    // then 21345 swaps the images 1 and 2: 1->2->1, 2->3->3, 3->1->2, 4->4, 5->5 = 13245
    assertThat(t.solve(tokens("14352 25134 21345")))
        .containsExactly("14352", "23145", "13245");
  }

  @Test
  void s5_labelFinal_labelsOnlyTheLast() {
    Task t = TaskRegistry.create("s5", Map.of("label", "final"));
    assertThat(t.solve(tokens("14352 25134 21345"))).containsExactly(null, null, "13245");
  }

  @Test
  void z60_prefixSumsMod60() {
    Task t = TaskRegistry.create("z60");
    assertThat(t.solve(tokens("15 42 9 59"))).containsExactly("15", "57", "6", "5");
    assertThat(t.inputVocabulary().size()).isEqualTo(60);
  }

  @Test
  void a4xz5_componentwise_handComputed() {
    Task t = TaskRegistry.create("a4xz5");
    // 2143 then 3412: 1->2->4, 2->1->3, 3->4->2, 4->3->1 = 4321; 3 + 4 = 2 mod 5
    assertThat(t.solve(tokens("2143:3 3412:4"))).containsExactly("2143:3", "4321:2");
    assertThat(t.inputVocabulary().size()).isEqualTo(60);
    assertThat(t.taskClass()).isEqualTo(TaskClass.TC0);
  }

  @Test
  void vocabularies_haveTheGroupOrders() {
    assertThat(TaskRegistry.create("s5").inputVocabulary().size()).isEqualTo(120);
    assertThat(TaskRegistry.create("a5").inputVocabulary().size()).isEqualTo(60);
    assertThat(TaskRegistry.create("s4").inputVocabulary().size()).isEqualTo(24);
    assertThat(TaskRegistry.create("s3").inputVocabulary().size()).isEqualTo(6);
    assertThat(TaskRegistry.create("z2").inputVocabulary().size()).isEqualTo(2);
    assertThat(TaskRegistry.create("perm", Map.of("k", "6")).inputVocabulary().size())
        .isEqualTo(720);
    assertThat(TaskRegistry.create("a5").taskClass()).isEqualTo(TaskClass.NC1_COMPLETE);
    assertThat(TaskRegistry.create("s4").taskClass()).isEqualTo(TaskClass.TC0);
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  /** The prefix products against composition of image arrays, written out here. */
  @ParameterizedTest
  @MethodSource("seeds")
  void permTasks_matchDirectComposition(long seed) {
    var rng = new SplittableRandom(seed);
    for (Task t : List.of(TaskRegistry.create("s5"), TaskRegistry.create("a5"),
        TaskRegistry.create("perm", Map.of("k", "7")))) {
      Sample s = t.sample(1 + rng.nextInt(30), rng);
      int k = s.input().getFirst().length();
      int[] acc = new int[k + 1];
      for (int x = 1; x <= k; x++) {
        acc[x] = x;
      }
      for (int i = 0; i < s.length(); i++) {
        String g = s.input().get(i);
        var next = new StringBuilder();
        for (int x = 1; x <= k; x++) {
          acc[x] = g.charAt(acc[x] - 1) - '0'; // x -> g(previous(x))
          next.append(acc[x]);
        }
        assertThat(s.target().get(i)).as("seed=%d %s at %d", seed, t.name(), i)
            .isEqualTo(next.toString());
      }
    }
  }

  @Test
  void a5_elementsAreEvenPermutations() {
    for (String p : TaskRegistry.create("a5").inputVocabulary().tokens()) {
      int inversions = 0;
      for (int i = 0; i < p.length(); i++) {
        for (int j = i + 1; j < p.length(); j++) {
          inversions += p.charAt(i) > p.charAt(j) ? 1 : 0;
        }
      }
      assertThat(inversions % 2).as(p).isZero();
    }
  }

  @Test
  void s5Identity_handComputed() {
    Task t = TaskRegistry.create("s5-identity");
    assertThat(t.solve(tokens("21345 21345"))).containsExactly(null, "1");
    assertThat(t.solve(tokens("21345"))).containsExactly("0");
    // a 3-cycle three times: 23145 23145 23145 = identity
    assertThat(t.solve(tokens("23145 23145 23145")).getLast()).isEqualTo("1");
  }

  @Test
  void s5Identity_isBalancedAndCorrect() {
    Task t = TaskRegistry.create("s5-identity");
    var rng = new SplittableRandom(11);
    int ones = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
      Sample s = t.sample(1 + rng.nextInt(12), rng);
      String label = s.target().getLast();
      ones += label.equals("1") ? 1 : 0;
      // oracle: compose image arrays
      int[] acc = {0, 1, 2, 3, 4, 5};
      for (String g : s.input()) {
        for (int x = 1; x <= 5; x++) {
          acc[x] = g.charAt(acc[x] - 1) - '0';
        }
      }
      boolean identity = Arrays.equals(acc, new int[] {0, 1, 2, 3, 4, 5});
      assertThat(label).isEqualTo(identity ? "1" : "0");
    }
    assertThat((double) ones / n).isBetween(0.47, 0.53);
  }

  @Test
  void group_unknownName_isRejected() {
    assertThatThrownBy(() -> TaskRegistry.create("group", Map.of("group", "Q8")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown group");
    assertThatThrownBy(() -> TaskRegistry.create("perm", Map.of("k", "9")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--k");
  }

  @Test
  void solve_foreignToken_isRejected() {
    assertThatThrownBy(() -> TaskRegistry.create("s5").solve(tokens("12345 1234")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void s5BarringtonWords_lastProductIsTheFormulasValue(long seed) {
    Task words = TaskRegistry.create("s5", Map.of("words", "barrington"));
    Task bfvp = TaskRegistry.create("bfvp", Map.of("via", "barrington"));
    var rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(200);
    Sample s = words.sample(n, rng);
    assertThat(s.input()).hasSize(n).doesNotContain(Vocabulary.PAD);
    String last = s.target().get(n - 1);
    assertThat(last).isIn("23451", "12345");
    assertThat(bfvp.solve(s.input()).get(n - 1)).isEqualTo(last.equals("23451") ? "1" : "0");
  }

  @Test
  void s5BarringtonWords_sameVocabulariesAsRandomWords() {
    Task random = TaskRegistry.create("s5");
    Task words = TaskRegistry.create("s5", Map.of("words", "barrington", "label", "final"));
    assertThat(words.inputVocabulary()).isEqualTo(random.inputVocabulary());
    assertThat(words.targetVocabulary()).isEqualTo(random.targetVocabulary());
  }

  @Test
  void barringtonWords_onlyOverS5() {
    assertThatThrownBy(() -> TaskRegistry.create("a5", Map.of("words", "barrington")))
        .hasMessageContaining("no option --words");
    assertThatThrownBy(() -> TaskRegistry.create("s5", Map.of("words", "formulas")))
        .hasMessageContaining("--words must be one of random, barrington");
  }
}
