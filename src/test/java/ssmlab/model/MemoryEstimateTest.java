package ssmlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each family's memory estimate against the model it describes. */
final class MemoryEstimateTest {

  static List<String> families() {
    return Models.families();
  }

  /** The parameter estimate is within a factor of two of the count of a built model. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void parameterEstimate_isWithinAFactorOfTwo(String family) {
    for (int d : new int[] {16, 48}) {
      ModelConfig c = Models.config(family, Map.of("d_model", d, "layers", 2), 11);
      double estimate = MemoryEstimate.parameters(c);
      long actual = Models.create(c, 1).parameterCount();
      assertThat(estimate / actual).as("%s d_model %d: %.0f estimated, %d built", family, d,
          estimate, actual).isBetween(0.5, 2.0);
    }
  }

  @Test
  void aModelTooLargeForTheHeap_isRefusedNamingIt() {
    ModelConfig huge = Models.config("ids4", Map.of("d_model", 4096, "d_state", 4096,
        "layers", 64), 11);
    assertThatThrownBy(() -> MemoryEstimate.requireModel(huge, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a ids4 model with 64 layers and d_model 4096");
  }
}
