package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.tasks.EncodedSample;
import ssmlab.tasks.Sample;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskClass;
import ssmlab.tasks.Vocabulary;
import ssmlab.train.Evaluator;
import ssmlab.train.LengthAccuracy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attacks on how accuracy is measured ({@code eval}, sweeps, the demo): a sequence without a
 * labelled position has nothing to get right and must not count as a right sequence.
 */
final class EvalAttacksTest {

  /** Hands out four fixed samples of length 3 in turn (-1: no label). */
  private static final class FixedTask implements Task {
    private static final int[][] TARGETS = {{-1, -1, -1}, {-1, 1, -1}, {0, -1, 1}, {-1, -1, -1}};
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public EncodedSample sampleEncoded(int length, SplittableRandom rng) {
      return new EncodedSample(new int[length], TARGETS[next.getAndIncrement() % 4].clone());
    }

    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public String description() {
      return "four fixed samples";
    }

    @Override
    public TaskClass taskClass() {
      return TaskClass.values()[0];
    }

    @Override
    public Vocabulary inputVocabulary() {
      return Vocabulary.of("a");
    }

    @Override
    public Vocabulary targetVocabulary() {
      return Vocabulary.of("0", "1");
    }

    @Override
    public Sample sample(int length, SplittableRandom rng) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> solve(List<String> input) {
      throw new UnsupportedOperationException();
    }
  }

  // A model that always says 1: of 3 labelled positions it gets 2 right; of the 2 sequences
  // with a label, 1 is all right. The 2 unlabelled sequences counted as right made it 3/4.
  @Test
  void unlabelledSequences_areLeftOutOfSequenceAccuracyAndCounted() {
    Evaluator.Forward alwaysOne = (tokens, batch, len) -> {
      float[] logits = new float[batch * len * 2];
      for (int row = 0; row < batch * len; row++) {
        logits[row * 2 + 1] = 1;
      }
      return logits;
    };
    LengthAccuracy a = Evaluator.evaluate(alwaysOne, 2, new FixedTask(), 3, 4, 0);
    assertThat(a.tokenAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.sequenceAccuracy()).isEqualTo(0.5);
    assertThat(a.sequences()).isEqualTo(2);
    assertThat(a.unlabelled()).isEqualTo(2);
  }

  @Test
  void noLabelledSequenceAtAll_isZeroNotOne() {
    var task = new FixedTask();
    Evaluator.Forward zeros = (tokens, batch, len) -> new float[batch * len * 2];
    LengthAccuracy a = Evaluator.evaluate(zeros, 2, task, 3, 1, 0);
    assertThat(a.sequenceAccuracy()).isZero();
    assertThat(a.sequences()).isZero();
    assertThat(a.unlabelled()).isEqualTo(1);
  }

  // Flip-flop strings of length 10 often have no read instruction, hence no label.
  @Test
  void evalOutput_reportsTheCounts(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("ff");
    Cli.Result t = Cli.run("train", "--task", "flipflop", "--model", "lstm", "--d-model", "8",
        "--layers", "1", "--steps", "2", "--batch", "2", "--train-lengths", "4", "--no-progress",
        "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Cli.Result e = Cli.run("eval", "--run", run.toString(), "--lengths", "10", "--count", "64");
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode row = JsonMapper.builder().build().readTree(e.out()).get("lengths").get(0);
    int sequences = row.get("sequences").asInt();
    int unlabelled = row.get("unlabelled").asInt();
    assertThat(sequences + unlabelled).isEqualTo(64);
    assertThat(unlabelled).isPositive();
  }

  @Test
  void taskOption_scoresTheRunOnChangedWords_andRefusesAnotherVocabulary(@TempDir Path dir)
      throws Exception {
    Path run = dir.resolve("s5");
    Cli.Result t = Cli.run("train", "--task", "s5", "--model", "lstm", "--d-model", "8",
        "--layers", "1", "--steps", "2", "--batch", "2", "--train-lengths", "4", "--no-progress",
        "--out", run.toString());
    assertThat(t.code()).as(t.err()).isZero();
    Cli.Result e = Cli.run("eval", "--run", run.toString(), "--lengths", "16", "--count", "32",
        "--task-option", "words=barrington", "--task-option", "label=final");
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode out = JsonMapper.builder().build().readTree(e.out());
    assertThat(out.get("task_options").get("words").asString()).isEqualTo("barrington");
    JsonNode row = out.get("lengths").get(0);
    assertThat(row.get("sequences").asInt()).isEqualTo(32);
    // one label per sequence: token and sequence accuracy are the same fraction
    assertThat(row.get("token_accuracy").asDouble())
        .isEqualTo(row.get("sequence_accuracy").asDouble());

    Cli.Result bad = Cli.run("eval", "--run", run.toString(), "--lengths", "16",
        "--task-option", "group=A5");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).doesNotContain("\n").contains("no option --group");
  }
}
