package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every task promises: exact lengths, fixed vocabularies, determinism, solver agreement. */
final class TaskContractTest {

  /** Every registered task with default options, and the option variants worth covering. */
  static Stream<Task> tasks() {
    List<Task> out = new ArrayList<>();
    for (TaskSpec s : TaskRegistry.specs()) {
      out.add(s.create(TaskOptions.none()));
    }
    out.add(TaskRegistry.create("s5", Map.of("label", "final")));
    out.add(TaskRegistry.create("perm", Map.of("k", "7")));
    out.add(TaskRegistry.create("group", Map.of("group", "A4_x_Z5")));
    out.add(TaskRegistry.create("modcount", Map.of("m", "7")));
    out.add(TaskRegistry.create("dyck", Map.of("k", "8", "depth", "1")));
    out.add(TaskRegistry.create("shuffle-dyck", Map.of("k", "6")));
    for (int n = 1; n <= 7; n++) {
      out.add(TaskRegistry.create("tomita", Map.of("n", Integer.toString(n))));
    }
    out.add(TaskRegistry.create("starfree-d", Map.of("n", "12")));
    out.add(TaskRegistry.create("arith", Map.of("semiring", "bool", "depth", "3")));
    out.add(TaskRegistry.create("arith", Map.of("m", "12")));
    out.add(TaskRegistry.create("bfvp", Map.of("form", "prefix")));
    out.add(TaskRegistry.create("bfvp", Map.of("form", "postfix")));
    out.add(TaskRegistry.create("bfvp", Map.of("via", "barrington")));
    out.add(TaskRegistry.create("even-pairs", Map.of("label", "all")));
    out.add(TaskRegistry.create("flipflop", Map.of("p-ignore", "0.98")));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void sample_everyLength_isExactAndInVocabulary(Task task) {
    var rng = new SplittableRandom(7);
    for (int length = 1; length <= 60; length++) {
      checkSample(task, task.sample(length, rng), length);
    }
    for (int length : new int[] {127, 128, 500}) {
      checkSample(task, task.sample(length, rng), length);
    }
  }

  private static void checkSample(Task task, Sample s, int length) {
    assertThat(s.input()).as("%s length %d", task.name(), length).hasSize(length);
    assertThat(s.target()).hasSize(length);
    for (int i = 0; i < length; i++) {
      String in = s.input().get(i);
      String t = s.target().get(i);
      assertThat(task.inputVocabulary().contains(in)).as("%s input %s", task.name(), in).isTrue();
      if (t != null) {
        assertThat(task.targetVocabulary().contains(t)).as("%s target %s", task.name(), t)
            .isTrue();
      }
      if (Vocabulary.PAD.equals(in)) {
        assertThat(t).as("%s: a pad is unlabelled", task.name()).isNull();
        assertThat(s.input().subList(i, length)).as("%s: padding only at the end", task.name())
            .containsOnly(Vocabulary.PAD);
      }
    }
    assertThat(task.solve(s.input())).isEqualTo(s.target());
    EncodedSample e = s.encode(task.inputVocabulary(), task.targetVocabulary());
    for (int i = 0; i < length; i++) {
      assertThat(task.inputVocabulary().token(e.inputIds()[i])).isEqualTo(s.input().get(i));
      assertThat(e.targetIds()[i] < 0 ? null : task.targetVocabulary().token(e.targetIds()[i]))
          .isEqualTo(s.target().get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void sample_sameSeed_sameSample(Task task) {
    for (long seed = 0; seed < 5; seed++) {
      Sample a = task.sample(33, new SplittableRandom(seed));
      Sample b = task.sample(33, new SplittableRandom(seed));
      assertThat(a).as("%s seed %d", task.name(), seed).isEqualTo(b);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void sample_mostLengths_haveALabel(Task task) {
    var rng = new SplittableRandom(3);
    int labelled = 0;
    // sparse flip-flop (p-ignore 0.98) reads about once in 100 instructions
    int base = task.name().equals("flipflop") ? 1000 : 40;
    for (int i = 0; i < 50; i++) {
      if (task.sampleEncoded(base + i, rng).labelled() > 0) {
        labelled++;
      }
    }
    assertThat(labelled).as(task.name()).isGreaterThanOrEqualTo(45);
  }
}
