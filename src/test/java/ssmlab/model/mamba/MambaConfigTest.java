package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class MambaConfigTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void parse_torchPeerConfig_fillsMambaSsmDefaults() {
    MambaConfig c = MambaConfig.parse("""
        {"d_model": 40, "n_layer": 2, "vocab_size": 13,
         "ssm_cfg": {"d_state": 8, "d_conv": 4, "expand": 2},
         "rms_norm": true, "residual_in_fp32": true, "fused_add_norm": false,
         "pad_vocab_size_multiple": 1, "tie_embeddings": true}""");
    assertThat(c.dInner()).isEqualTo(80);
    assertThat(c.dtRank()).isEqualTo(3); // ceil(40 / 16)
    assertThat(c.dState()).isEqualTo(8);
    assertThat(c.paddedVocab()).isEqualTo(13);
    assertThat(c.eigenvalues()).isEqualTo(Eigenvalues.POSITIVE);
    assertThat(c.discretization()).isEqualTo(Discretization.MAMBA);
  }

  @Test
  void parse_mamba130mConfig_padsVocabToEight() {
    // the config.json of state-spaces/mamba-130m
    MambaConfig c = MambaConfig.parse("""
        {"d_model": 768, "n_layer": 24, "vocab_size": 50277, "ssm_cfg": {}, "rms_norm": true,
         "residual_in_fp32": true, "fused_add_norm": true, "pad_vocab_size_multiple": 8}""");
    assertThat(c.paddedVocab()).isEqualTo(50280);
    assertThat(c.dtRank()).isEqualTo(48);
    assertThat(c.dState()).isEqualTo(16);
    assertThat(c.tieEmbeddings()).isTrue();
  }

  @Test
  void toJson_thenParse_roundTrips(@TempDir Path dir) {
    MambaConfig c = MambaConfig.of(12, 3, 7).withEigenvalues(Eigenvalues.SIGNED)
        .withDiscretization(Discretization.ZOH).withSizes(4, 1, 3);
    c.write(dir.resolve("config.json"));
    assertThat(MambaConfig.read(dir.resolve("config.json"))).isEqualTo(c);
  }

  @Test
  void write_keepsSsmlabSettingsOutOfConfigJson(@TempDir Path dir) throws Exception {
    MambaConfig c = MambaConfig.of(12, 3, 7).withEigenvalues(Eigenvalues.SIGNED)
        .withDiscretization(Discretization.ZOH);
    c.write(dir.resolve("config.json"));
    JsonNode config = JSON.readTree(dir.resolve("config.json").toFile());
    // the fields of mamba_ssm's MambaConfig dataclass, and in ssm_cfg only Mamba's arguments
    assertThat(config.propertyNames()).containsExactlyInAnyOrder("d_model", "d_intermediate",
        "n_layer", "vocab_size", "ssm_cfg", "attn_layer_idx", "attn_cfg", "rms_norm",
        "residual_in_fp32", "fused_add_norm", "pad_vocab_size_multiple", "tie_embeddings");
    assertThat(config.get("ssm_cfg").propertyNames()).containsExactlyInAnyOrder("layer",
        "d_state", "d_conv", "expand", "dt_rank", "dt_min", "dt_max", "dt_init", "dt_scale",
        "dt_init_floor", "conv_bias", "bias");
    assertThat(JSON.readTree(dir.resolve("ssmlab.json").toFile()).toString())
        .isEqualTo("{\"eigenvalues\":\"-1,1\",\"discretization\":\"zoh\"}");

    MambaConfig.of(12, 3, 7).write(dir.resolve("config.json"));
    assertThat(dir.resolve("ssmlab.json")).doesNotExist();
  }

  @Test
  void parse_olderSpellingInSsmCfg_isStillRead() {
    MambaConfig c = MambaConfig.parse("""
        {"d_model": 4, "n_layer": 1, "vocab_size": 3, "norm_epsilon": 1e-6,
         "ssm_cfg": {"eigenvalues": "-1,1", "discretization": "zoh"}}""");
    assertThat(c.eigenvalues()).isEqualTo(Eigenvalues.SIGNED);
    assertThat(c.discretization()).isEqualTo(Discretization.ZOH);
    assertThat(c.normEpsilon()).isEqualTo(1e-6);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"eigenvalues": "-2,1"}                  | eigenvalues must be
      {"eigenvalue": "-1,1"}                   | ssmlab.json: unknown key eigenvalue
      {"norm_epsilon": "small"}                | norm_epsilon must be a number
      [1]                                      | ssmlab.json: not a JSON object
      """)
  void parse_badSettings_isOneLineError(String settings, String message) {
    String config = "{\"d_model\": 4, \"n_layer\": 1, \"vocab_size\": 3}";
    assertThatThrownBy(() -> MambaConfig.parse(config, settings))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void parse_settingsInBothPlaces_isRefused() {
    String config = "{\"d_model\": 4, \"n_layer\": 1, \"vocab_size\": 3, "
        + "\"ssm_cfg\": {\"eigenvalues\": \"-1,1\"}}";
    assertThatThrownBy(() -> MambaConfig.parse(config, "{}"))
        .hasMessageContaining("both in config.json and in ssmlab.json");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "typo": 1}                   | unknown key typo
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "ssm_cfg": {"d_stat": 1}}    | unknown key ssm_cfg.d_stat
      {"n_layer": 1, "vocab_size": 3}                                            | missing d_model
      {"d_model": 4.5, "n_layer": 1, "vocab_size": 3}                            | must be an integer
      {"d_model": 4, "n_layer": 0, "vocab_size": 3}                              | n_layer must be positive
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "d_intermediate": 8}         | MLP
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "rms_norm": false}           | LayerNorm
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "ssm_cfg": {"layer": "Mamba2"}} | only Mamba1
      {"d_model": 4, "n_layer": 1, "vocab_size": 3, "ssm_cfg": {"eigenvalues": "0,2"}} | eigenvalues must be
      {"d_model": 4,                                                              | not valid JSON
      """)
  void parse_badConfig_isOneLineError(String json, String message) {
    assertThatThrownBy(() -> MambaConfig.parse(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void eigenvalues_parse_acceptsBracketsAndRejectsOthers() {
    assertThat(Eigenvalues.parse("[-1, 1]")).isEqualTo(Eigenvalues.SIGNED);
    assertThat(Eigenvalues.parse("0,1")).isEqualTo(Eigenvalues.POSITIVE);
    assertThatThrownBy(() -> Eigenvalues.parse("1,2")).hasMessageContaining("-1,1");
  }
}
