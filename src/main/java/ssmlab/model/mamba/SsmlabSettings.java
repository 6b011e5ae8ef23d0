package ssmlab.model.mamba;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The settings of a Mamba model that mamba_ssm has no key for: the eigenvalue range, the
 * discretization and RMSNorm's epsilon. mamba_ssm builds its config with
 * {@code MambaConfig(**config)} and its mixer with {@code Mamba(**ssm_cfg)}, both of which raise
 * on an unknown key, so these live outside {@code config.json}: in {@value #FILE} beside it
 * (mamba_ssm layout) or under an {@code "ssmlab"} key (Hugging Face layout, whose config ignores
 * unknown keys).
 */
public record SsmlabSettings(Eigenvalues eigenvalues, Discretization discretization,
    double normEpsilon) {

  /** The file beside a mamba_ssm {@code config.json} that holds these settings. */
  public static final String FILE = "ssmlab.json";
  /** RMSNorm's epsilon in mamba_ssm (and the engine). */
  public static final double DEFAULT_NORM_EPSILON = 1e-5;

  private static final Set<String> KEYS = Set.of("eigenvalues", "discretization", "norm_epsilon");

  /** The settings of {@code cfg}. */
  public static SsmlabSettings of(MambaConfig cfg) {
    return new SsmlabSettings(cfg.eigenvalues(), cfg.discretization(), cfg.normEpsilon());
  }

  /** The settings that differ from mamba_ssm's meaning, by their JSON key; empty if none. */
  public Map<String, Object> nonDefault() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (eigenvalues != Eigenvalues.DEFAULT) {
      out.put("eigenvalues", eigenvalues.range());
    }
    if (discretization != Discretization.DEFAULT) {
      out.put("discretization", discretization.id());
    }
    if (normEpsilon != DEFAULT_NORM_EPSILON) {
      out.put("norm_epsilon", normEpsilon);
    }
    return out;
  }

  /**
   * Sets on {@code b} what {@code node} (a JSON object of these keys) says; {@code where} names
   * the source in a one-line error.
   */
  static void apply(JsonNode node, String where, MambaConfig.Builder b) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException(where + ": unknown key " + e.getKey()
            + " (known: eigenvalues, discretization, norm_epsilon)");
      }
    }
    JsonNode eig = node.path("eigenvalues");
    if (!eig.isMissingNode()) {
      b.eigenvalues(Eigenvalues.parse(text(eig, where + ".eigenvalues")));
    }
    JsonNode disc = node.path("discretization");
    if (!disc.isMissingNode()) {
      b.discretization(Discretization.parse(text(disc, where + ".discretization")));
    }
    JsonNode eps = node.path("norm_epsilon");
    if (!eps.isMissingNode()) {
      if (!eps.isNumber()) {
        throw new IllegalArgumentException(where + ".norm_epsilon must be a number, got " + eps);
      }
      b.normEpsilon(eps.asDouble());
    }
  }

  private static String text(JsonNode v, String where) {
    if (!v.isString()) {
      throw new IllegalArgumentException(where + " must be a string, got " + v);
    }
    return v.asString();
  }
}
