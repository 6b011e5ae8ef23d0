package ssmlab.model.mamba;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import ssmlab.io.AtomicFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of a Mamba-1 language model, read from and written to the {@code config.json} that
 * mamba_ssm's {@code MambaConfig} uses (keys {@code d_model, n_layer, vocab_size, ssm_cfg{...},
 * rms_norm, residual_in_fp32, fused_add_norm, pad_vocab_size_multiple, tie_embeddings}).
 *
 * <p>The settings mamba_ssm has no key for ({@code eigenvalues} {@code "0,1"} or {@code "-1,1"},
 * {@code discretization} {@code "mamba"} or {@code "zoh"}, {@code norm_epsilon}) are kept out of
 * {@code config.json}, where {@code MambaConfig(**config)} and {@code Mamba(**ssm_cfg)} would
 * raise on them, and written to {@link SsmlabSettings#FILE} beside it; older files that have them
 * in {@code ssm_cfg} (or {@code norm_epsilon} at the top) are still read. Keys that change the
 * computation in ways ssmlab does not implement (an MLP, attention layers, LayerNorm, Mamba-2) are
 * refused.
 * {@code residual_in_fp32} and {@code fused_add_norm} do not change the float32 result and are
 * kept only to be written back.
 *
 * @param dtRank the rank of the delta projection; {@code ceil(dModel/16)} for "auto"
 * @param padVocabSizeMultiple the embedding has {@link #paddedVocab()} rows
 */
public record MambaConfig(
    int dModel, int nLayer, int vocabSize,
    int dState, int dConv, int expand, int dtRank,
    double dtMin, double dtMax, double dtScale, double dtInitFloor, String dtInit,
    boolean convBias, boolean bias,
    boolean residualInFp32, boolean fusedAddNorm,
    int padVocabSizeMultiple, boolean tieEmbeddings, double normEpsilon,
    Eigenvalues eigenvalues, Discretization discretization) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TOP_KEYS = Set.of("d_model", "d_intermediate", "n_layer",
      "vocab_size", "ssm_cfg", "attn_layer_idx", "attn_cfg", "rms_norm", "residual_in_fp32",
      "fused_add_norm", "pad_vocab_size_multiple", "tie_embeddings", "norm_epsilon");
  private static final Set<String> SSM_KEYS = Set.of("d_state", "d_conv", "expand", "dt_rank",
      "dt_min", "dt_max", "dt_init", "dt_scale", "dt_init_floor", "conv_bias", "bias",
      "use_fast_path", "layer", "eigenvalues", "discretization");

  public MambaConfig {
    positive("d_model", dModel);
    positive("n_layer", nLayer);
    positive("vocab_size", vocabSize);
    positive("d_state", dState);
    positive("d_conv", dConv);
    positive("expand", expand);
    positive("dt_rank", dtRank);
    positive("pad_vocab_size_multiple", padVocabSizeMultiple);
    if (!(dtMin > 0 && dtMax >= dtMin)) {
      throw new IllegalArgumentException("config: need 0 < dt_min <= dt_max, got " + dtMin
          + ", " + dtMax);
    }
    if (!dtInit.equals("random") && !dtInit.equals("constant")) {
      throw new IllegalArgumentException("config: dt_init must be random or constant");
    }
    if (!(normEpsilon > 0)) {
      throw new IllegalArgumentException("config: norm_epsilon must be positive");
    }
    if ((long) dModel * expand * Math.max(dState, 2L * dModel) > 1L << 28) {
      throw new IllegalArgumentException("config: d_model " + dModel + " is too large");
    }
  }

  /** A config with mamba_ssm's defaults for everything but the three sizes. */
  public static MambaConfig of(int dModel, int nLayer, int vocabSize) {
    return builder(dModel, nLayer, vocabSize).build();
  }

  /** A builder starting from mamba_ssm's defaults for everything but the three sizes. */
  public static Builder builder(int dModel, int nLayer, int vocabSize) {
    return new Builder(dModel, nLayer, vocabSize);
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    Builder b = new Builder(dModel, nLayer, vocabSize);
    b.dState = dState;
    b.dConv = dConv;
    b.expand = expand;
    b.dtRank = dtRank;
    b.dtMin = dtMin;
    b.dtMax = dtMax;
    b.dtScale = dtScale;
    b.dtInitFloor = dtInitFloor;
    b.dtInit = dtInit;
    b.convBias = convBias;
    b.bias = bias;
    b.residualInFp32 = residualInFp32;
    b.fusedAddNorm = fusedAddNorm;
    b.padVocabSizeMultiple = padVocabSizeMultiple;
    b.tieEmbeddings = tieEmbeddings;
    b.normEpsilon = normEpsilon;
    b.eigenvalues = eigenvalues;
    b.discretization = discretization;
    return b;
  }

  /** {@code expand * d_model}: the channels of the SSM. */
  public int dInner() {
    return expand * dModel;
  }

  /** The vocabulary rounded up to a multiple of {@code pad_vocab_size_multiple}. */
  public int paddedVocab() {
    int m = padVocabSizeMultiple;
    return (vocabSize + m - 1) / m * m;
  }

  /** {@code ceil(d_model / 16)}, mamba_ssm's "auto" dt_rank. */
  public static int autoDtRank(int dModel) {
    return (dModel + 15) / 16;
  }

  public MambaConfig withEigenvalues(Eigenvalues e) {
    return toBuilder().eigenvalues(e).build();
  }

  public MambaConfig withDiscretization(Discretization d) {
    return toBuilder().discretization(d).build();
  }

  public MambaConfig withSizes(int dState, int dConv, int expand) {
    return toBuilder().dState(dState).dConv(dConv).expand(expand).build();
  }

  /**
   * Reads {@code config.json} and, when present, {@link SsmlabSettings#FILE} beside it; a missing,
   * malformed or unsupported file is a one-line error.
   */
  public static MambaConfig read(Path file) {
    Path settings = file.toAbsolutePath().resolveSibling(SsmlabSettings.FILE);
    try {
      String extra = Files.isRegularFile(settings)
          ? Files.readString(settings, StandardCharsets.UTF_8) : null;
      return parse(Files.readString(file, StandardCharsets.UTF_8), extra);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the text of a {@code config.json}. */
  public static MambaConfig parse(String json) {
    return parse(json, null);
  }

  /**
   * Parses the text of a {@code config.json} and of its {@link SsmlabSettings#FILE} (null when
   * there is none).
   */
  public static MambaConfig parse(String json, String settingsJson) {
    JsonNode root = tree(json, "config");
    known(root, TOP_KEYS, "");
    JsonNode ssm = root.path("ssm_cfg");
    if (!ssm.isMissingNode() && !ssm.isObject()) {
      throw new IllegalArgumentException("config: ssm_cfg is not a JSON object");
    }
    known(ssm, SSM_KEYS, "ssm_cfg.");
    if (integer(root, "d_intermediate", 0) != 0) {
      throw new IllegalArgumentException("config: d_intermediate > 0 (an MLP per block) is not "
          + "supported");
    }
    if (root.path("attn_layer_idx").size() > 0) {
      throw new IllegalArgumentException("config: attention layers (attn_layer_idx) are not "
          + "supported");
    }
    if (!bool(root, "rms_norm", true)) {
      throw new IllegalArgumentException("config: rms_norm false (LayerNorm) is not supported");
    }
    String layer = string(ssm, "layer", "Mamba1");
    if (!layer.equals("Mamba1")) {
      throw new IllegalArgumentException("config: ssm_cfg.layer " + layer + " is not supported "
          + "(only Mamba1)");
    }
    int dModel = integer(root, "d_model", -1);
    JsonNode rank = ssm.path("dt_rank");
    int dtRank = rank.isMissingNode() || "auto".equals(rank.asString(null))
        ? autoDtRank(dModel) : integer(ssm, "dt_rank", -1);
    Builder b = builder(dModel, integer(root, "n_layer", -1), integer(root, "vocab_size", -1));
    b.dState = integer(ssm, "d_state", b.dState);
    b.dConv = integer(ssm, "d_conv", b.dConv);
    b.expand = integer(ssm, "expand", b.expand);
    b.dtRank = dtRank;
    b.dtMin = number(ssm, "dt_min", b.dtMin);
    b.dtMax = number(ssm, "dt_max", b.dtMax);
    b.dtScale = number(ssm, "dt_scale", b.dtScale);
    b.dtInitFloor = number(ssm, "dt_init_floor", b.dtInitFloor);
    b.dtInit = string(ssm, "dt_init", b.dtInit);
    b.convBias = bool(ssm, "conv_bias", b.convBias);
    b.bias = bool(ssm, "bias", b.bias);
    b.residualInFp32 = bool(root, "residual_in_fp32", b.residualInFp32);
    b.fusedAddNorm = bool(root, "fused_add_norm", b.fusedAddNorm);
    b.padVocabSizeMultiple = integer(root, "pad_vocab_size_multiple", b.padVocabSizeMultiple);
    b.tieEmbeddings = bool(root, "tie_embeddings", b.tieEmbeddings);
    b.normEpsilon = number(root, "norm_epsilon", b.normEpsilon);
    b.eigenvalues = Eigenvalues.parse(string(ssm, "eigenvalues", b.eigenvalues.range()));
    b.discretization = Discretization.parse(string(ssm, "discretization",
        b.discretization.id()));
    if (settingsJson != null) {
      if (ssm.has("eigenvalues") || ssm.has("discretization") || root.has("norm_epsilon")) {
        throw new IllegalArgumentException("config: ssmlab settings both in config.json and in "
            + SsmlabSettings.FILE + "; keep them in " + SsmlabSettings.FILE + " only");
      }
      SsmlabSettings.apply(tree(settingsJson, SsmlabSettings.FILE), SsmlabSettings.FILE, b);
    }
    return b.build();
  }

  private static JsonNode tree(String json, String what) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(what + ": not valid JSON ("
          + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(what + ": not a JSON object");
    }
    return root;
  }

  /**
   * This config as mamba_ssm's {@code config.json}: exactly the fields of its {@code MambaConfig}
   * dataclass (the ssmlab settings go to {@link SsmlabSettings#FILE}).
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("d_model", dModel).put("d_intermediate", 0).put("n_layer", nLayer)
        .put("vocab_size", vocabSize);
    ObjectNode ssm = root.putObject("ssm_cfg");
    ssm.put("layer", "Mamba1").put("d_state", dState).put("d_conv", dConv).put("expand", expand)
        .put("dt_rank", dtRank).put("dt_min", dtMin).put("dt_max", dtMax).put("dt_init", dtInit)
        .put("dt_scale", dtScale).put("dt_init_floor", dtInitFloor).put("conv_bias", convBias)
        .put("bias", bias);
    root.putArray("attn_layer_idx");
    root.putObject("attn_cfg");
    root.put("rms_norm", true).put("residual_in_fp32", residualInFp32)
        .put("fused_add_norm", fusedAddNorm).put("pad_vocab_size_multiple", padVocabSizeMultiple)
        .put("tie_embeddings", tieEmbeddings);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /**
   * Writes {@link #toJson()} to {@code file} and the non-default {@link SsmlabSettings} to
   * {@link SsmlabSettings#FILE} beside it (removing a stale one when all are default), atomically.
   */
  public void write(Path file) {
    AtomicFile.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    Path settings = file.toAbsolutePath().resolveSibling(SsmlabSettings.FILE);
    Map<String, Object> extra = SsmlabSettings.of(this).nonDefault();
    try {
      if (extra.isEmpty()) {
        Files.deleteIfExists(settings);
      } else {
        AtomicFile.write(settings,
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(extra) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void known(JsonNode node, Set<String> keys, String prefix) {
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!keys.contains(f.getKey())) {
        throw new IllegalArgumentException("config: unknown key " + prefix + f.getKey());
      }
    }
  }

  static int integer(JsonNode node, String key, int fallback) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      if (fallback < 0) {
        throw new IllegalArgumentException("config: missing " + key);
      }
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException("config: " + key + " must be an integer, got " + v);
    }
    return v.asInt();
  }

  static double number(JsonNode node, String key, double fallback) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException("config: " + key + " must be a number, got " + v);
    }
    return v.asDouble();
  }

  static boolean bool(JsonNode node, String key, boolean fallback) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("config: " + key + " must be true or false, got " + v);
    }
    return v.asBoolean();
  }

  static String string(JsonNode node, String key, String fallback) {
    JsonNode v = node.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.isString()) {
      throw new IllegalArgumentException("config: " + key + " must be a string, got " + v);
    }
    return v.asString();
  }

  private static void positive(String key, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("config: " + key + " must be positive, got " + v);
    }
  }

  /**
   * Builds a {@link MambaConfig} by name instead of by position; starts from mamba_ssm's defaults
   * ({@code d_state 16, d_conv 4, expand 2, dt_rank auto, dt in [0.001, 0.1]}, tied embeddings,
   * vocabulary padded to a multiple of 8) and ssmlab's ({@code eigenvalues 0,1},
   * {@code discretization mamba}).
   */
  public static final class Builder {
    private final int dModel;
    private final int nLayer;
    private final int vocabSize;
    int dState = 16;
    int dConv = 4;
    int expand = 2;
    int dtRank;
    double dtMin = 0.001;
    double dtMax = 0.1;
    double dtScale = 1.0;
    double dtInitFloor = 1e-4;
    String dtInit = "random";
    boolean convBias = true;
    boolean bias = false;
    boolean residualInFp32 = true;
    boolean fusedAddNorm = true;
    int padVocabSizeMultiple = 8;
    boolean tieEmbeddings = true;
    double normEpsilon = 1e-5;
    Eigenvalues eigenvalues = Eigenvalues.DEFAULT;
    Discretization discretization = Discretization.DEFAULT;

    private Builder(int dModel, int nLayer, int vocabSize) {
      this.dModel = dModel;
      this.nLayer = nLayer;
      this.vocabSize = vocabSize;
      this.dtRank = autoDtRank(dModel);
    }

    public Builder dState(int v) {
      dState = v;
      return this;
    }

    public Builder dConv(int v) {
      dConv = v;
      return this;
    }

    public Builder expand(int v) {
      expand = v;
      return this;
    }

    public Builder dtRank(int v) {
      dtRank = v;
      return this;
    }

    public Builder dtRange(double min, double max) {
      dtMin = min;
      dtMax = max;
      return this;
    }

    public Builder padVocabSizeMultiple(int v) {
      padVocabSizeMultiple = v;
      return this;
    }

    public Builder tieEmbeddings(boolean v) {
      tieEmbeddings = v;
      return this;
    }

    public Builder eigenvalues(Eigenvalues v) {
      eigenvalues = v;
      return this;
    }

    public Builder discretization(Discretization v) {
      discretization = v;
      return this;
    }

    public Builder normEpsilon(double v) {
      normEpsilon = v;
      return this;
    }

    /** The config; its constructor validates it. */
    public MambaConfig build() {
      return new MambaConfig(dModel, nLayer, vocabSize, dState, dConv, expand, dtRank, dtMin,
          dtMax, dtScale, dtInitFloor, dtInit, convBias, bias, residualInFp32, fusedAddNorm,
          padVocabSizeMultiple, tieEmbeddings, normEpsilon, eigenvalues, discretization);
    }
  }
}
