package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

final class TaskRegistryTest {

  @Test
  void specs_holdEveryTaskOfTheIssue() {
    assertThat(TaskRegistry.specs().stream().map(TaskSpec::name)).contains(
        "s5", "a5", "s4", "s3", "a4xz5", "z60", "z2", "perm", "s5-identity", "parity",
        "modcount", "dyck1", "dyck", "shuffle-dyck", "tomita", "starfree-d", "anbn", "aa-star",
        "flipflop", "even-pairs", "modarith", "modarith-brackets", "cycle-nav", "reverse",
        "stack-manip", "arith", "bfvp", "copy", "lis-cot");
  }

  @Test
  void create_numericOptionValues_areTheirText() {
    Task t = TaskRegistry.create("modcount", Map.of("m", 7));
    assertThat(t.targetVocabulary().size()).isEqualTo(7);
  }

  @Test
  void create_unknownTask_throws() {
    assertThatThrownBy(() -> TaskRegistry.create("s6"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown task: s6");
  }

  @Test
  void create_optionTheTaskLacks_throws() {
    assertThatThrownBy(() -> TaskRegistry.create("parity", Map.of("k", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task parity has no option --k");
  }

  @Test
  void create_badValues_throwOneLine() {
    assertThatThrownBy(() -> TaskRegistry.create("modcount", Map.of("m", "1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--m");
    assertThatThrownBy(() -> TaskRegistry.create("arith", Map.of("m", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
    assertThatThrownBy(() -> TaskRegistry.create("s5", Map.of("label", "some")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--label");
    assertThatThrownBy(() -> TaskRegistry.create("tomita", Map.of("n", "8")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
        () -> TaskRegistry.create("bfvp", Map.of("via", "barrington", "form", "prefix")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sample_lengthBelowOne_throws() {
    assertThatThrownBy(() -> TaskRegistry.create("s5").sample(0, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
  }

  @Test
  void lengthRange_parsesSingleAndRange() {
    assertThat(LengthRange.parse("7")).isEqualTo(new LengthRange(7, 7));
    assertThat(LengthRange.parse("2..40")).isEqualTo(new LengthRange(2, 40));
    assertThatThrownBy(() -> LengthRange.parse("0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LengthRange.parse("5..2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LengthRange.parse("a..b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
