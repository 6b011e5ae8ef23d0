package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.GradCheck;
import ssmlab.model.LanguageModel;
import ssmlab.nn.Parameter;

final class MambaLMTest {

  @Test
  void parameters_haveMambaSsmNames() {
    LanguageModel m = MambaLM.create(MambaConfig.of(8, 2, 7), new SplittableRandom(0));
    assertThat(m.parameters()).extracting(Parameter::name).containsExactly(
        "backbone.embedding.weight",
        "backbone.layers.0.norm.weight",
        "backbone.layers.0.mixer.in_proj.weight",
        "backbone.layers.0.mixer.conv1d.weight",
        "backbone.layers.0.mixer.conv1d.bias",
        "backbone.layers.0.mixer.x_proj.weight",
        "backbone.layers.0.mixer.dt_proj.weight",
        "backbone.layers.0.mixer.dt_proj.bias",
        "backbone.layers.0.mixer.A_log",
        "backbone.layers.0.mixer.D",
        "backbone.layers.0.mixer.out_proj.weight",
        "backbone.layers.1.norm.weight",
        "backbone.layers.1.mixer.in_proj.weight",
        "backbone.layers.1.mixer.conv1d.weight",
        "backbone.layers.1.mixer.conv1d.bias",
        "backbone.layers.1.mixer.x_proj.weight",
        "backbone.layers.1.mixer.dt_proj.weight",
        "backbone.layers.1.mixer.dt_proj.bias",
        "backbone.layers.1.mixer.A_log",
        "backbone.layers.1.mixer.D",
        "backbone.layers.1.mixer.out_proj.weight",
        "backbone.norm_f.weight");
    assertThat(m.vocabSize()).isEqualTo(8); // padded to a multiple of 8
  }

  @Test
  void backward_matchesFiniteDifferences_throughTheWholeModel() {
    SequenceModel m = Models.create(ModelConfig.of("mamba", 6, 8, 2).with("d_state", 4), 5);
    int[] tokens = {1, 0, 5, 3, 2, 2, 4, 1};
    MambaMixerTest.randomize(m.parameters(), 6);
    var report = GradCheck.checkModel(m, tokens, 2, 4, 9, 24);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void create_unknownOption_isRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Models.create(ModelConfig.of("mamba", 5, 8, 1).with("d_stat", 4), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d_stat");
  }

  @Test
  void create_sameSeed_sameLogitsBits() {
    ModelConfig c = ModelConfig.of("mamba", 5, 16, 1);
    int[] tokens = {1, 2, 3, 4, 0, 1};
    float[] a = Models.create(c, 3).forward(tokens, 2, 3).clone();
    float[] b = Models.create(c, 3).forward(tokens, 2, 3).clone();
    float[] other = Models.create(c, 4).forward(tokens, 2, 3).clone();
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(other);
  }

  @Test
  void forward_isCausal() {
    SequenceModel m = Models.create(ModelConfig.of("mamba", 5, 8, 2), 1);
    int v = m.vocabSize();
    float[] a = m.forward(new int[] {1, 2, 3, 4}, 1, 4).clone();
    float[] b = m.forward(new int[] {1, 2, 0, 0}, 1, 4).clone();
    for (int i = 0; i < 2 * v; i++) {
      assertThat(b[i]).isEqualTo(a[i]);
    }
    assertThat(b[2 * v]).isNotEqualTo(a[2 * v]);
  }
}
