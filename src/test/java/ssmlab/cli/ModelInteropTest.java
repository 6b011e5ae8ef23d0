package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ssmlab.cli.MainTest.Result;
import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Parameter;
import ssmlab.train.RunFolder;
import tools.jackson.databind.JsonNode;

final class ModelInteropTest {

  @TempDir static Path dir;
  static Path plain;
  static Path signed;
  static Path lstm;

  static final int[] TOKENS = {1, 0, 1, 1, 0, 0, 1, 0, 1};

  static Path train(String name, String... extra) {
    Path out = dir.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("train", "--task", "parity",
        "--d-model", "8", "--layers", "2", "--steps", "3", "--batch", "2", "--train-lengths",
        "2..6", "--no-progress", "--out", out.toString()));
    args.addAll(List.of(extra));
    Result r = MainTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  @BeforeAll
  static void trainRuns() {
    plain = train("plain", "--model", "mamba");
    signed = train("signed", "--model", "mamba", "--eigenvalues", "-1,1", "--discretization",
        "zoh");
    lstm = train("lstm", "--model", "lstm");
  }

  static Result ok(String... args) {
    Result r = MainTest.run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return r;
  }

  static void assertOneLineRefusal(String contains, String... args) {
    Result r = MainTest.run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains(contains);
  }

  /** Exports {@code run}, imports the folder again, and checks weights and logits. */
  static Path roundTrip(Path run, String format, String name, String... exportExtra) {
    Path folder = dir.resolve(name + "-" + format);
    Path back = dir.resolve(name + "-" + format + "-run");
    List<String> args = new java.util.ArrayList<>(List.of("model", "export", "--run",
        run.toString(), "--format", format, "--out", folder.toString()));
    args.addAll(List.of(exportExtra));
    ok(args.toArray(String[]::new));
    ok("model", "import", "--format", format, "--from", folder.toString(), "--task", "parity",
        "--out", back.toString());
    SequenceModel a = RunFolder.load(run).model();
    SequenceModel b = RunFolder.load(back).model();
    assertThat(b.config()).isEqualTo(a.config());
    for (int i = 0; i < a.parameters().size(); i++) {
      Parameter p = a.parameters().get(i);
      Parameter q = b.parameters().get(i);
      assertThat(q.name()).isEqualTo(p.name());
      assertThat(bits(q.data())).as(p.name()).isEqualTo(bits(p.data()));
    }
    assertThat(bits(b.forward(TOKENS, 1, TOKENS.length)))
        .isEqualTo(bits(a.forward(TOKENS, 1, TOKENS.length)));
    return folder;
  }

  static int[] bits(float[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.floatToRawIntBits(v[i]);
    }
    return out;
  }

  @Test
  void mambaSsm_roundTrip_isBitIdentical_andTheRunServesEvalAndForward() throws Exception {
    Path folder = roundTrip(plain, "mamba_ssm", "plain");
    assertThat(folder.resolve("pytorch_model.bin")).exists();
    assertThat(folder.resolve("ssmlab.json")).doesNotExist();
    JsonNode config = Json.MAPPER.readTree(folder.resolve("config.json").toFile());
    assertThat(config.get("ssm_cfg").has("eigenvalues")).isFalse();

    Path back = dir.resolve("plain-mamba_ssm-run");
    ok("eval", "--run", back.toString(), "--lengths", "4", "--count", "4");
    Result f = ok("model", "forward", "--checkpoint", back.resolve("model.safetensors").toString(),
        "--config", back.resolve("config.json").toString(), "--tokens", "1 0 1");
    Result g = ok("model", "forward", "--checkpoint", plain.resolve("model.safetensors").toString(),
        "--config", plain.resolve("config.json").toString(), "--tokens", "1 0 1");
    assertThat(f.out()).isEqualTo(g.out());
  }

  @Test
  void mambaSsm_keepsEigenvaluesAndZohInSsmlabJson() throws Exception {
    Path folder = roundTrip(signed, "mamba_ssm", "signed");
    JsonNode config = Json.MAPPER.readTree(folder.resolve("config.json").toFile());
    assertThat(config.get("ssm_cfg").has("eigenvalues")).isFalse();
    assertThat(Json.MAPPER.readTree(folder.resolve("ssmlab.json").toFile()).toString())
        .isEqualTo("{\"eigenvalues\":\"-1,1\",\"discretization\":\"zoh\"}");
    assertThat(RunFolder.load(dir.resolve("signed-mamba_ssm-run")).model().config().options())
        .containsEntry("eigenvalues", "-1,1").containsEntry("discretization", "zoh");
  }

  @Test
  void hf_roundTrip_isBitIdentical_withTransformersNamesAndKeys() throws Exception {
    Path folder = roundTrip(plain, "hf", "plain");
    List<String> expected = new java.util.ArrayList<>(List.of("backbone.embeddings.weight",
        "backbone.norm_f.weight"));
    for (int layer = 0; layer < 2; layer++) {
      for (String t : List.of("norm.weight", "mixer.in_proj.weight", "mixer.conv1d.weight",
          "mixer.conv1d.bias", "mixer.x_proj.weight", "mixer.dt_proj.weight",
          "mixer.dt_proj.bias", "mixer.A_log", "mixer.D", "mixer.out_proj.weight")) {
        expected.add("backbone.layers." + layer + "." + t);
      }
    }
    Map<String, FloatTensor> tensors = Safetensors.read(folder.resolve("model.safetensors"));
    assertThat(tensors.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(Safetensors.readHeader(folder.resolve("model.safetensors")).metadata())
        .containsEntry("format", "pt");
    JsonNode c = Json.MAPPER.readTree(folder.resolve("config.json").toFile());
    assertThat(c.get("model_type").asString()).isEqualTo("mamba");
    assertThat(c.get("architectures").toString()).isEqualTo("[\"MambaForCausalLM\"]");
    assertThat(c.get("hidden_size").asInt()).isEqualTo(8);
    assertThat(c.get("intermediate_size").asInt()).isEqualTo(16);
    assertThat(c.get("num_hidden_layers").asInt()).isEqualTo(2);
    assertThat(c.get("state_size").asInt()).isEqualTo(16);
    assertThat(c.get("conv_kernel").asInt()).isEqualTo(4);
    assertThat(c.get("time_step_rank").asInt()).isEqualTo(1);
    assertThat(c.get("use_bias").asBoolean()).isFalse();
    assertThat(c.get("use_conv_bias").asBoolean()).isTrue();
    assertThat(c.get("tie_word_embeddings").asBoolean()).isTrue();
    assertThat(c.get("layer_norm_epsilon").asDouble()).isEqualTo(1e-5);
    assertThat(c.has("ssmlab")).isFalse();
    assertThat(tensors.get("backbone.layers.0.mixer.conv1d.weight").shape())
        .containsExactly(16, 1, 4);
    assertThat(tensors.get("backbone.layers.0.mixer.x_proj.weight").shape())
        .containsExactly(1 + 2 * 16, 16);
  }

  @Test
  void hf_refusesEigenvaluesAndZoh_unlessForced_thenKeepsThem() throws Exception {
    assertOneLineRefusal("--force", "model", "export", "--run", signed.toString(), "--format",
        "hf", "--out", dir.resolve("refused").toString());
    assertThat(dir.resolve("refused").resolve("config.json")).doesNotExist();
    Path folder = roundTrip(signed, "hf", "signed", "--force");
    JsonNode c = Json.MAPPER.readTree(folder.resolve("config.json").toFile());
    assertThat(c.get("ssmlab").toString())
        .isEqualTo("{\"eigenvalues\":\"-1,1\",\"discretization\":\"zoh\"}");
  }

  @Test
  void import_readsModelSafetensors_ofAPyTorchGolden() throws Exception {
    Path golden = Path.of("src/test/resources/ssmlab/model/mamba/golden/d16-l2");
    Path folder = dir.resolve("golden");
    Files.createDirectories(folder);
    Files.copy(golden.resolve("config.json"), folder.resolve("config.json"));
    Files.copy(golden.resolve("model.safetensors"), folder.resolve("model.safetensors"));
    Path back = dir.resolve("golden-run");
    ok("model", "import", "--format", "mamba_ssm", "--from", folder.toString(), "--task",
        "parity", "--out", back.toString());
    var cfg = ssmlab.model.mamba.MambaConfig.read(golden.resolve("config.json"));
    SequenceModel want = ssmlab.model.mamba.MambaCheckpoint.load(
        golden.resolve("model.safetensors"), cfg);
    SequenceModel got = RunFolder.load(back).model();
    assertThat(bits(got.forward(TOKENS, 1, TOKENS.length)))
        .isEqualTo(bits(want.forward(TOKENS, 1, TOKENS.length)));
  }

  @Test
  void hfImport_takesPytorchModelBin_andMambaSsmEmbeddingName() throws Exception {
    Path hf = dir.resolve("mixed-hf");
    ok("model", "export", "--run", plain.toString(), "--format", "hf", "--out", hf.toString());
    Path ssm = dir.resolve("mixed-ssm");
    ok("model", "export", "--run", plain.toString(), "--format", "mamba_ssm", "--out",
        ssm.toString());
    Files.delete(hf.resolve("model.safetensors"));
    Files.copy(ssm.resolve("pytorch_model.bin"), hf.resolve("pytorch_model.bin"));
    Path back = dir.resolve("mixed-run");
    ok("model", "import", "--format", "hf", "--from", hf.toString(), "--task", "parity",
        "--out", back.toString());
    assertThat(bits(RunFolder.load(back).model().forward(TOKENS, 1, TOKENS.length)))
        .isEqualTo(bits(RunFolder.load(plain).model().forward(TOKENS, 1, TOKENS.length)));
  }

  @Test
  void importedRun_compilesToACircuit() {
    Path tiny = dir.resolve("tiny");
    ok("train", "--task", "flipflop", "--model", "mamba", "--d-model", "2", "--layers", "1",
        "--d-state", "1", "--model-option", "d_conv=2", "--steps", "3", "--batch", "2",
        "--train-lengths", "2..4", "--no-progress", "--out", tiny.toString());
    ok("model", "export", "--run", tiny.toString(), "--format", "hf", "--out",
        dir.resolve("tiny-hf").toString());
    Path back = dir.resolve("tiny-hf-run");
    ok("model", "import", "--format", "hf", "--from", dir.resolve("tiny-hf").toString(),
        "--task", "flipflop", "--out", back.toString());
    Result r = ok("circuit", "model", "--checkpoint", back.toString(), "--length", "2",
        "--precision", "4", "--exponent-bits", "4", "--verify", "4");
    assertThat(r.out()).contains("\"verified\":4");
  }

  @Test
  void badInput_isOneLineExitTwo() throws Exception {
    Path out = dir.resolve("nowhere");
    assertOneLineRefusal("family lstm", "model", "export", "--run", lstm.toString(), "--format",
        "mamba_ssm", "--out", out.toString());
    assertOneLineRefusal("--format must be", "model", "export", "--run", plain.toString(),
        "--format", "onnx", "--out", out.toString());
    assertOneLineRefusal("not a run folder", "model", "export", "--run", out.toString(),
        "--format", "hf", "--out", out.toString());
    assertOneLineRefusal("has no config.json", "model", "import", "--format", "mamba_ssm",
        "--from", out.toString(), "--task", "parity", "--out", out.toString());

    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("config.json"), "{\"d_model\": 8, \"n_layer\": 1, "
        + "\"vocab_size\": 2, \"ssm_cfg\": {\"eigenvalues\": \"-1,1\", \"typo\": 1}}");
    assertOneLineRefusal("unknown key ssm_cfg.typo", "model", "import", "--format",
        "mamba_ssm", "--from", bad.toString(), "--task", "parity", "--out", out.toString());
    Files.writeString(bad.resolve("config.json"), "{\"d_model\": 8, \"n_layer\": 1, "
        + "\"vocab_size\": 2}");
    assertOneLineRefusal("neither pytorch_model.bin nor model.safetensors", "model", "import",
        "--format", "mamba_ssm", "--from", bad.toString(), "--task", "parity", "--out",
        out.toString());
    Files.writeString(bad.resolve("pytorch_model.bin"), "PK but not really");
    assertOneLineRefusal("not a zip archive", "model", "import", "--format", "mamba_ssm",
        "--from", bad.toString(), "--task", "parity", "--out", out.toString());
    Files.delete(bad.resolve("pytorch_model.bin"));
    Safetensors.write(bad.resolve("model.safetensors"), Map.of(), Map.of(
        "backbone.embedding.weight", new FloatTensor(new int[] {3, 8}, new float[24])));
    assertOneLineRefusal("has shape [3, 8]", "model", "import", "--format", "mamba_ssm",
        "--from", bad.toString(), "--task", "parity", "--out", out.toString());
    Files.writeString(bad.resolve("config.json"), "{\"model_type\": \"mamba2\"}");
    assertOneLineRefusal("model_type is mamba2, not mamba", "model", "import", "--format", "hf",
        "--from", bad.toString(), "--task", "parity", "--out", out.toString());
    Files.writeString(bad.resolve("config.json"), "{\"model_type\": \"mamba\", "
        + "\"hidden_size\": 8, \"num_hidden_layers\": 1, \"vocab_size\": 2}");
    assertOneLineRefusal("use_bias true", "model", "import", "--format", "hf", "--from",
        bad.toString(), "--task", "parity", "--out", out.toString());
    assertOneLineRefusal("already holds a run", "model", "import", "--format", "mamba_ssm",
        "--from", dir.resolve("plain-mamba_ssm").toString(), "--task", "parity", "--out",
        plain.toString());
  }

  @Test
  void help_hasAOneLineExample() {
    for (String command : List.of("export", "import")) {
      Result r = ok("model", command, "--help");
      assertThat(r.out()).containsPattern("(?m)^  ssmlab model " + command + " .*--out \\S+$");
    }
  }
}
