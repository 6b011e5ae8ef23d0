package ssmlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.nn.Parameter;

/** The model registry: every option declared, typed, defaulted, read, or refused. */
class ModelsTest {

  @Test
  void optionsOfAnotherFamily_areRefusedNamingTheFamilyAndItsOptions() {
    assertThatThrownBy(() -> Models.config("lstm",
        Map.of("eigenvalues", "-1,1", "discretization", "zoh", "d_state", 99), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lstm: unknown option 'd_state'")
        .hasMessageContaining("it takes hidden");
  }

  @Test
  void badValues_areOneLineErrorsNamingTheOption() {
    assertThatThrownBy(() -> Models.config("mamba", Map.of("d_state", "abc"), 5))
        .hasMessage("mamba: option d_state must be an integer, got 'abc'");
    assertThatThrownBy(() -> Models.config("mamba", Map.of("d_state", "0"), 5))
        .hasMessage("mamba: option d_state must be an integer >= 1, got '0'");
    assertThatThrownBy(() -> Models.config("mamba", Map.of("eigenvalues", "0,2"), 5))
        .hasMessage("mamba: option eigenvalues must be one of 0,1 | -1,1, got '0,2'");
    assertThatThrownBy(() -> Models.config("mamba", Map.of("layers", "-1"), 5))
        .hasMessageContaining("layers must be a positive integer");
    assertThatThrownBy(() -> Models.config("gru", Map.of(), 5))
        .hasMessageContaining("unknown model family 'gru'");
  }

  @Test
  void aDefaultGivenOrLeftOut_isOneRun() {
    Map<String, Object> implicit = Models.canonicalOptions("mamba", Map.of("d_state", 4));
    Map<String, Object> explicit = Models.canonicalOptions("mamba", Map.of("d_state", "04",
        "eigenvalues", "[0, 1]", "discretization", "MAMBA", "layers", 2, "d_model", "64",
        "dt_rank", 4, "d_conv", 4, "expand", 2));
    assertThat(explicit).isEqualTo(implicit);
    assertThat(implicit).containsEntry("d_state", 4).containsEntry("layers", 2)
        .containsEntry("d_model", 64).containsEntry("dt_rank", 4)
        .containsEntry("eigenvalues", "0,1").containsEntry("discretization", "mamba");
  }

  @Test
  void derivedDefaults_followTheSizes() {
    assertThat(Models.config("lstm", Map.of("d_model", 12), 5).option("hidden")).isEqualTo("12");
    assertThat(Models.config("mamba", Map.of("d_model", 33), 5).option("dt_rank")).isEqualTo("3");
  }

  @Test
  void help_listsEveryFamilyAndOption() {
    String help = String.join("\n", Models.help());
    for (ModelSpec s : Models.specs()) {
      assertThat(help).contains("  " + s.family() + ": ");
      for (ModelOption o : s.options()) {
        assertThat(help).contains(o.name() + "=");
      }
    }
  }

  static List<Object[]> everyOption() {
    return Models.specs().stream()
        .flatMap(s -> s.options().stream().map(o -> new Object[] {s.family(), o.name()}))
        .toList();
  }

  /** A value other than the default changes the model: no option is declared and then ignored. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyOption")
  void everyDeclaredOption_isRead(String family, String option) {
    Map<String, Object> base = new HashMap<>(Map.of("d_model", 8, "layers", 1));
    if (option.equals("max_len")) {
      base.put("pos", "learned");
    }
    if (family.equals("hybrid")) {
      base.put("layers", 2); // pattern MA: both kinds of block read their options
    }
    ModelConfig plain = Models.config(family, base, 5);
    Map<String, Object> changed = new HashMap<>(base);
    changed.put(option, otherValue(Models.spec(family).option(option), plain));
    ModelConfig other = Models.config(family, changed, 5);
    assertThat(other).isNotEqualTo(plain);
    assertThat(fingerprint(Models.create(other, 3))).isNotEqualTo(fingerprint(
        Models.create(plain, 3)));
  }

  private static String otherValue(ModelOption o, ModelConfig plain) {
    String now = plain.option(o.name());
    return switch (o.type()) {
      case CHOICE -> o.choices().stream().filter(c -> !c.equals(now)).findFirst().orElseThrow();
      case INTEGER -> o.name().equals("heads") ? "2" : String.valueOf(Integer.parseInt(now) + 1);
      case TEXT -> switch (o.name()) {
        case "pattern" -> new StringBuilder(now).reverse().toString();
        default -> throw new AssertionError("no other value known for " + o.name());
      };
    };
  }

  /** Parameter shapes and the logits of a fixed input. */
  private static String fingerprint(SequenceModel m) {
    StringBuilder sb = new StringBuilder();
    for (Parameter p : m.parameters()) {
      sb.append(p.name()).append(Arrays.toString(p.shape()));
    }
    int[] tokens = new SplittableRandom(1).ints(6, 0, m.vocabSize()).toArray();
    sb.append(Arrays.toString(m.forward(tokens, 1, 6)));
    return sb.toString();
  }
}
