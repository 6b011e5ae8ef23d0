package ssmlab.model.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.GradCheck;
import ssmlab.nn.Parameter;

final class HybridLMTest {

  private static ModelConfig config(String pattern, String pos) {
    return new ModelConfig("hybrid", 8, 16, pattern.length(), Map.of("pattern", pattern,
        "heads", "2", "pos", pos, "d_state", "4"));
  }

  @Test
  void pattern_shorterDivisorRepeats_andIsStoredInFull() {
    assertThat(Models.config("hybrid", Map.of("layers", 4, "pattern", "ma"), 5)
        .option("pattern")).isEqualTo("MAMA");
    assertThat(Models.canonicalOptions("hybrid", Map.of("layers", 6, "pattern", "MMA")))
        .isEqualTo(Models.canonicalOptions("hybrid", Map.of("layers", 6, "pattern", "MMAMMA")));
    assertThat(LayerPattern.fit("A", 3)).isEqualTo("AAA");
  }

  @Test
  void pattern_default_alternatesStartingWithMamba() {
    assertThat(Models.config("hybrid", Map.of("layers", 1), 5).option("pattern")).isEqualTo("M");
    assertThat(Models.config("hybrid", Map.of("layers", 5), 5).option("pattern"))
        .isEqualTo("MAMAM");
  }

  @Test
  void pattern_thatDoesNotFit_isAOneLineError() {
    assertThatThrownBy(() -> Models.config("hybrid", Map.of("layers", 4, "pattern", "MAM"), 5))
        .hasMessage("hybrid: option pattern must be 4 letters (one per layer), or fewer whose "
            + "count divides 4 (they repeat: MA with 4 layers is MAMA), got 'MAM'");
    assertThatThrownBy(() -> Models.config("hybrid", Map.of("layers", 2, "pattern", "MAMA"), 5))
        .hasMessageContaining("must be 2 letters");
    assertThatThrownBy(() -> Models.config("hybrid", Map.of("pattern", "MX"), 5))
        .hasMessage("hybrid: option pattern must be of the form [MA]+, got 'MX'");
    assertThatThrownBy(() -> Models.config("hybrid", Map.of("pos", "learned"), 5))
        .hasMessageContaining("must be one of none | rope | alibi");
  }

  @Test
  void headsNotDividingWidth_isRejected_onlyWithAttention() {
    assertThatThrownBy(() -> Models.create(config("MA", "none").with("heads", 3), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heads 3");
    assertThat(Models.create(config("MM", "none").with("heads", 3), 1)).isNotNull();
  }

  @Test
  void eachLetter_buildsItsMixer() {
    SequenceModel m = Models.create(config("AM", "rope"), 1);
    assertThat(m.parameters()).extracting(Parameter::name)
        .contains("backbone.layers.0.mixer.qkv.weight", "backbone.layers.1.mixer.in_proj.weight")
        .noneMatch(n -> n.startsWith("backbone.layers.0.mixer.in_proj"))
        .noneMatch(n -> n.startsWith("backbone.layers.1.mixer.qkv"));
  }

  /** A pattern of Ms is the mamba family: the same draws in the same order, so the same logits. */
  @Test
  void allMamba_isExactlyTheMambaFamily() {
    Map<String, String> mambaOptions = Map.of("d_state", "4", "d_conv", "3",
        "eigenvalues", "-1,1");
    SequenceModel mamba = Models.create(new ModelConfig("mamba", 8, 16, 2, mambaOptions), 9);
    SequenceModel hybrid = Models.create(new ModelConfig("hybrid", 8, 16, 2, mambaOptions)
        .with("pattern", "MM"), 9);
    assertThat(hybrid.parameters()).hasSameSizeAs(mamba.parameters());
    for (int i = 0; i < mamba.parameters().size(); i++) {
      Parameter a = mamba.parameters().get(i);
      Parameter b = hybrid.parameters().get(i);
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.data()).as(a.name()).containsExactly(a.data());
    }
    int[] tokens = {1, 5, 2, 7, 0, 3, 3, 6, 4, 1};
    float[] want = mamba.forward(tokens, 2, 5).clone();
    assertThat(hybrid.forward(tokens, 2, 5)).containsExactly(want);
  }

  @ParameterizedTest(name = "pos={0}")
  @ValueSource(strings = {"none", "rope", "alibi"})
  void gradients_matchFiniteDifferences_forEveryPosition(String pos) {
    SequenceModel m = OrderOneWeights.create(config("MA", pos), 3);
    int[] tokens = {1, 2, 3, 4, 5, 6, 7, 0};
    GradCheck.Report r = GradCheck.checkModel(m, tokens, 2, 4, 4, 8);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }
}
