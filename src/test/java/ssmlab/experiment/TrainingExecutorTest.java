package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ssmlab.tasks.LengthRange;

final class TrainingExecutorTest {

  private static RunSpec spec(String model, Map<String, Object> trainOptions) {
    return new RunSpec("parity", Map.of(), model, model, Map.of("layers", 1, "d_model", 16),
        new LengthRange(2, 10), List.of(8, 32), 200, 16, 1e-2, trainOptions, 3);
  }

  @Test
  void execute_lstmOnParity_learnsAndReportsEveryTestLength() {
    RunResult r = new TrainingExecutor().execute(spec("lstm", Map.of("eval_samples", 64)), 2);
    assertThat(r.metrics()).extracting(LengthMetrics::length).containsExactly(8, 32);
    assertThat(r.metrics().get(1).tokenAccuracy()).isGreaterThan(0.95);
    assertThat(r.trainLoss()).isLessThan(0.1);
  }

  @Test
  void execute_sameSpec_sameMetrics() {
    var ex = new TrainingExecutor();
    RunSpec s = new RunSpec("s3", Map.of(), "mamba", "mamba", Map.of("layers", 1, "d_model", 8),
        new LengthRange(2, 6), List.of(6), 5, 4, 1e-3, Map.of("eval_samples", 16), 9);
    assertThat(ex.execute(s, 2).metrics()).isEqualTo(ex.execute(s, 2).metrics());
  }

  @Test
  void execute_weightsGoNonFinite_returnsDivergedResultWithZeroAccuracy() {
    // lr 1e30 sends the weights to infinity in the first update
    RunSpec s = new RunSpec("parity", Map.of(), "lstm", "lstm", Map.of("layers", 1, "d_model", 8),
        new LengthRange(2, 6), List.of(4, 8), 50, 8, 1e30, Map.of("eval_samples", 16), 1);

    RunResult r = new TrainingExecutor().execute(s, 1);

    assertThat(r.diverged()).startsWith("step 2: parameter ").contains("Infinity");
    assertThat(r.trainLoss()).isFinite();
    assertThat(r.metrics()).extracting(LengthMetrics::length).containsExactly(4, 8);
    assertThat(r.metrics()).allSatisfy(m -> {
      assertThat(m.sequenceAccuracy()).isZero();
      assertThat(m.tokenAccuracy()).isZero();
      assertThat(m.loss()).isNaN();
    });
    r.requireMatches(s);
  }

  @Test
  void validate_typos_failWithOneLine() {
    var ex = new TrainingExecutor();
    assertThatThrownBy(() -> ex.validate(spec("lstmm", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ex.validate(spec("lstm", Map.of("wamrup", 3))))
        .hasMessageContaining("wamrup");
    assertThatThrownBy(() -> ex.validate(spec("lstm", Map.of("schedule", "linear"))))
        .hasMessageContaining("cosine");
  }
}
