package ssmlab.model.mamba;

import static ssmlab.model.mamba.MambaConfig.bool;
import static ssmlab.model.mamba.MambaConfig.integer;
import static ssmlab.model.mamba.MambaConfig.number;
import static ssmlab.model.mamba.MambaConfig.string;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ssmlab.io.AtomicFile;
import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model folder as Hugging Face transformers' {@code MambaForCausalLM.save_pretrained} writes it:
 * {@code config.json} with {@code model_type "mamba"} and the keys of transformers'
 * {@code MambaConfig} ({@code hidden_size}, {@code state_size}, {@code num_hidden_layers},
 * {@code conv_kernel}, {@code expand}, {@code intermediate_size}, {@code time_step_*},
 * {@code use_bias}, {@code use_conv_bias}, ...), and {@code model.safetensors} with its names:
 * {@code backbone.embeddings.weight}, {@code backbone.layers.N.norm.weight},
 * {@code backbone.layers.N.mixer.*} as mamba_ssm, {@code backbone.norm_f.weight}; the tied
 * {@code lm_head.weight} is left out, as {@code save_pretrained} leaves out tied weights.
 *
 * <p>transformers computes only Mamba's own eigenvalue range and discretization, so
 * {@link #write} refuses other settings unless forced, and then records them under an
 * {@code "ssmlab"} key (transformers keeps unknown config keys and ignores them), which
 * {@link #read} reads back.
 */
public final class HfMambaFolder {

  public static final String CONFIG = "config.json";
  public static final String WEIGHTS = "model.safetensors";
  static final String HF_EMBEDDING = "backbone.embeddings.weight";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HfMambaFolder() {}

  /**
   * The settings of {@code config} that transformers' Mamba cannot express (eigenvalues,
   * discretization), by key; empty if none.
   */
  public static Map<String, Object> inexpressible(MambaConfig config) {
    Map<String, Object> out = new LinkedHashMap<>(SsmlabSettings.of(config).nonDefault());
    out.remove("norm_epsilon");
    return out;
  }

  /**
   * Writes the folder; returns the file names written.
   *
   * @param force write a model with {@link #inexpressible} settings, recording them under
   *     {@code "ssmlab"}
   */
  public static List<String> write(Path dir, MambaConfig config, Map<String, FloatTensor> tensors,
      boolean force) {
    Map<String, Object> extra = inexpressible(config);
    if (!extra.isEmpty() && !force) {
      throw new IllegalArgumentException("transformers' MambaForCausalLM computes only "
          + "eigenvalues 0,1 and discretization mamba; this model has " + extra
          + " (--force writes it anyway, recording them under \"ssmlab\" in config.json)");
    }
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      if (e.getKey().equals(ForeignMamba.HEAD) && config.tieEmbeddings()) {
        continue;
      }
      out.put(e.getKey().equals(ForeignMamba.EMBEDDING) ? HF_EMBEDDING : e.getKey(), e.getValue());
    }
    Safetensors.write(dir.resolve(WEIGHTS), Map.of("format", "pt"), out);
    ObjectNode json = configJson(config);
    if (!extra.isEmpty()) {
      ObjectNode ssmlab = json.putObject("ssmlab");
      extra.forEach((k, v) -> ssmlab.put(k, String.valueOf(v)));
    }
    AtomicFile.write(dir.resolve(CONFIG),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    return List.of(CONFIG, WEIGHTS);
  }

  /** transformers' config of {@code c}. */
  static ObjectNode configJson(MambaConfig c) {
    ObjectNode j = JSON.createObjectNode();
    j.putArray("architectures").add("MambaForCausalLM");
    j.put("model_type", "mamba")
        .put("vocab_size", c.paddedVocab())
        .put("hidden_size", c.dModel())
        .put("intermediate_size", c.dInner())
        .put("state_size", c.dState())
        .put("num_hidden_layers", c.nLayer())
        .put("conv_kernel", c.dConv())
        .put("expand", c.expand())
        .put("time_step_rank", c.dtRank())
        .put("time_step_scale", c.dtScale())
        .put("time_step_min", c.dtMin())
        .put("time_step_max", c.dtMax())
        .put("time_step_init_scheme", c.dtInit())
        .put("time_step_floor", c.dtInitFloor())
        .put("use_bias", c.bias())
        .put("use_conv_bias", c.convBias())
        .put("hidden_act", "silu")
        .put("layer_norm_epsilon", c.normEpsilon())
        .put("residual_in_fp32", c.residualInFp32())
        .put("rescale_prenorm_residual", false)
        .put("initializer_range", 0.1)
        .put("tie_word_embeddings", c.tieEmbeddings())
        .put("use_cache", true)
        .put("torch_dtype", "float32");
    return j;
  }

  /** Reads the folder; a missing, malformed or unsupported file is a one-line error. */
  public static ForeignMamba read(Path dir) {
    Path file = dir.resolve(CONFIG);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(dir + " has no " + CONFIG);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MambaConfig config = parse(root, file.toString());
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    MambaSsmFolder.weights(dir).forEach((k, v) ->
        tensors.put(k.equals(HF_EMBEDDING) ? ForeignMamba.EMBEDDING : k, v));
    return new ForeignMamba(config, tensors, dir.toString());
  }

  /** The Mamba config of transformers' {@code config.json}, with its defaults where absent. */
  static MambaConfig parse(JsonNode root, String where) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + ": not a JSON object");
    }
    String type = string(root, "model_type", null);
    if (!"mamba".equals(type)) {
      throw new IllegalArgumentException(where + ": model_type is " + type + ", not mamba");
    }
    String act = string(root, "hidden_act", "silu");
    if (!act.equals("silu")) {
      throw new IllegalArgumentException(where + ": hidden_act " + act + " is not supported "
          + "(only silu)");
    }
    int dModel = integer(root, "hidden_size", 768);
    int expand = integer(root, "expand", 2);
    int inner = integer(root, "intermediate_size", expand * dModel);
    if (inner != expand * dModel) {
      throw new IllegalArgumentException(where + ": intermediate_size " + inner + " is not expand "
          + "* hidden_size = " + expand * dModel);
    }
    JsonNode rank = root.path("time_step_rank");
    MambaConfig.Builder b = MambaConfig.builder(dModel, integer(root, "num_hidden_layers", 32),
            integer(root, "vocab_size", 50280))
        .dState(integer(root, "state_size", 16))
        .dConv(integer(root, "conv_kernel", 4))
        .expand(expand)
        .dtRank(rank.isMissingNode() || "auto".equals(rank.asString(null))
            ? MambaConfig.autoDtRank(dModel) : integer(root, "time_step_rank", 1))
        .dtRange(number(root, "time_step_min", 0.001), number(root, "time_step_max", 0.1))
        .padVocabSizeMultiple(1)
        .tieEmbeddings(bool(root, "tie_word_embeddings", true))
        .normEpsilon(number(root, "layer_norm_epsilon", 1e-5));
    b.dtScale = number(root, "time_step_scale", 1.0);
    b.dtInitFloor = number(root, "time_step_floor", 1e-4);
    b.dtInit = string(root, "time_step_init_scheme", "random");
    b.bias = bool(root, "use_bias", true);
    b.convBias = bool(root, "use_conv_bias", true);
    b.residualInFp32 = bool(root, "residual_in_fp32", true);
    JsonNode ssmlab = root.path("ssmlab");
    if (!ssmlab.isMissingNode()) {
      SsmlabSettings.apply(ssmlab, where + " ssmlab", b);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }
}
