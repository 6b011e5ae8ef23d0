package ssmlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.tasks.LengthRange;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;

final class TrainerTest {

  private static TrainSettings settings(int steps, double lr, long seed) {
    return new TrainSettings(steps, 16, lr, steps / 10, 0.0, 1.0, new LengthRange(2, 10), seed, 2);
  }

  private static List<StepRecord> train(String family, Task task, TrainSettings s) {
    SequenceModel m = Models.create(
        ModelConfig.of(family, Trainer.modelVocabulary(task), 16, 1), s.seed());
    List<StepRecord> out = new ArrayList<>();
    Trainer.train(m, task, s, out::add);
    return out;
  }

  // Parity is learnable by an LSTM in a few hundred steps; the exact solver gives the targets.
  @Test
  void train_lstmOnParity_learnsItBeyondTheTrainingLengths() {
    Task parity = TaskRegistry.create("parity");
    TrainSettings s = settings(250, 1e-2, 3);
    SequenceModel m = Models.create(ModelConfig.of("lstm", 2, 16, 1), s.seed());
    double last = Trainer.train(m, parity, s, r -> { });
    assertThat(last).isLessThan(0.05);
    LengthAccuracy at32 = Evaluator.evaluate(m, parity, 32, 64, 99);
    assertThat(at32.tokenAccuracy()).isGreaterThan(0.99);
    assertThat(at32.sequenceAccuracy()).isGreaterThan(0.9);
  }

  @Test
  void train_sameSeedAndThreads_bitIdenticalLosses() {
    Task z = TaskRegistry.create("s3");
    for (String family : List.of("mamba", "transformer", "lstm")) {
      List<StepRecord> a = train(family, z, settings(8, 3e-3, 5));
      List<StepRecord> b = train(family, z, settings(8, 3e-3, 5));
      for (int i = 0; i < a.size(); i++) {
        assertThat(Double.doubleToRawLongBits(b.get(i).loss())).as("%s step %d", family, i)
            .isEqualTo(Double.doubleToRawLongBits(a.get(i).loss()));
      }
    }
  }

  @Test
  void train_nonFiniteWeight_stopsNamingStepAndTensor() {
    Task parity = TaskRegistry.create("parity");
    SequenceModel m = Models.create(ModelConfig.of("rnn", 2, 8, 1), 1);
    var p = m.parameters().get(1);
    p.data()[3] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> Trainer.train(m, parity, settings(5, 1e-3, 1), r -> { }))
        .isInstanceOf(Gradients.NonFiniteException.class)
        .hasMessageStartingWith("step 0: ")
        .hasMessageContaining(p.name());
  }

  @Test
  void evaluate_untrainedModel_isNearChance() {
    Task parity = TaskRegistry.create("parity");
    SequenceModel m = Models.create(ModelConfig.of("lstm", 2, 8, 1), 1);
    LengthAccuracy a = Evaluator.evaluate(m, parity, 20, 200, 7);
    assertThat(a.tokenAccuracy()).isBetween(0.3, 0.7);
    assertThat(a.sequenceAccuracy()).isLessThan(0.05);
    assertThat(a.length()).isEqualTo(20);
  }
}
