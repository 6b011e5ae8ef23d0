package ssmlab.model.s4d.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.model.s4d.S4DKernel;
import ssmlab.nn.Parameter;

/**
 * The parameters of a trained {@code s4d} model as doubles (each the exact value of its float32),
 * with the SSM already discretised as the engine does it ({@link S4DKernel#discretize}, in
 * float32), so that every number system starts from the same Abar and Bbar.
 *
 * @param config the model's configuration
 * @param embedding (vocab, d_model); the head is tied to it unless {@code lmHead} is set
 * @param lmHead (vocab, d_model), or null when tied
 * @param normF the final RMSNorm's weight
 * @param layers the residual blocks
 */
public record S4DWeights(ModelConfig config, double[][] embedding, double[][] lmHead,
    double[] normF, List<Layer> layers) {

  /**
   * One residual block {@code r + mixer(RMSNorm(r))}: the SSM's discrete parameters (H, N), the
   * skip D (H) and {@code out_proj} (2H, H) with its bias (2H).
   */
  public record Layer(double[] norm, double[][] aBar, double[][] bBar, double[][] c, double[] d,
      double[][] outProj, double[] outProjBias) {}

  /** The head's matrix (vocab, d_model). */
  public double[][] head() {
    return lmHead != null ? lmHead : embedding;
  }

  /** The weights of a model of family {@code s4d} (e.g. from {@code RunFolder.load}). */
  public static S4DWeights of(SequenceModel model) {
    ModelConfig cfg = model.config();
    if (!cfg.family().equals("s4d")) {
      throw new IllegalArgumentException("the S4D reference forward runs s4d models, not "
          + cfg.family());
    }
    Map<String, Parameter> byName = new HashMap<>();
    model.parameters().forEach(p -> byName.put(p.name(), p));
    int h = cfg.dModel();
    int n = cfg.intOption("d_state");
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < cfg.nLayers(); l++) {
      String m = "backbone.layers." + l + ".mixer.";
      S4DKernel.Discrete p = S4DKernel.discretize(get(byName, m + "log_dt").data(),
          get(byName, m + "A_log").data(), get(byName, m + "B").data(),
          get(byName, m + "C").data(), h, n);
      layers.add(new Layer(vector(get(byName, "backbone.layers." + l + ".norm.weight")),
          rows(p.aBar(), h), rows(p.bBar(), h), rows(p.c(), h), vector(get(byName, m + "D")),
          matrix(get(byName, m + "out_proj.weight")),
          vector(get(byName, m + "out_proj.bias"))));
    }
    return new S4DWeights(cfg, matrix(get(byName, "backbone.embedding.weight")),
        byName.containsKey("lm_head.weight") ? matrix(get(byName, "lm_head.weight")) : null,
        vector(get(byName, "backbone.norm_f.weight")), layers);
  }

  private static Parameter get(Map<String, Parameter> byName, String name) {
    Parameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("the model has no parameter " + name);
    }
    return p;
  }

  private static double[] vector(Parameter p) {
    return rows(p.data(), 1)[0];
  }

  private static double[][] matrix(Parameter p) {
    return rows(p.data(), p.shape()[0]);
  }

  /** A row-major float array as {@code count} rows of doubles. */
  private static double[][] rows(float[] data, int count) {
    int cols = data.length / count;
    double[][] m = new double[count][cols];
    for (int r = 0; r < count; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = data[r * cols + c];
      }
    }
    return m;
  }
}
