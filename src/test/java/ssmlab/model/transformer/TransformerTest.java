package ssmlab.model.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;
import ssmlab.nn.GradCheck;

final class TransformerTest extends SequenceModelContract {
  @Override
  protected ModelConfig config() {
    return new ModelConfig("transformer", 8, 16, 2, Map.of("heads", "2", "pos", "rope"));
  }

  @ParameterizedTest(name = "pos={0}")
  @ValueSource(strings = {"none", "sinusoidal", "learned", "rope", "alibi"})
  void everyPositionalEncoding_gradientsMatchFiniteDifferences(String pos) {
    SequenceModel m = Models.create(config().with("pos", pos).with("max_len", 16), 3);
    int[] tokens = {1, 2, 3, 4, 5, 6, 7, 0};
    GradCheck.Report r = GradCheck.checkModel(m, tokens, 2, 4, 4, 8);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void learnedPositions_sequenceLongerThanMaxLen_isRejected() {
    SequenceModel m = Models.create(config().with("pos", "learned").with("max_len", 4), 3);
    assertThatThrownBy(() -> m.forward(new int[5], 1, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_len 4");
  }

  @Test
  void noPositions_sameTokensGiveSameLogitsAtEveryPosition() {
    // Without positions, a constant sequence attends to identical keys and values everywhere.
    SequenceModel m = Models.create(config().with("pos", "none"), 5);
    float[] logits = m.forward(new int[] {3, 3, 3, 3}, 1, 4);
    for (int i = 0; i < 8; i++) {
      assertThat(logits[3 * 8 + i]).isCloseTo(logits[i], org.assertj.core.data.Offset.offset(
          1e-5f));
    }
  }

  @Test
  void headsNotDividingWidth_isRejected() {
    assertThatThrownBy(() -> Models.create(config().with("heads", 3), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heads 3");
  }
}
