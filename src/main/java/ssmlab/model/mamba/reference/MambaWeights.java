package ssmlab.model.mamba.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.MambaConfig;
import ssmlab.model.mamba.MambaLM;
import ssmlab.nn.Parameter;

/**
 * The parameters of a trained {@code mamba} model as doubles (each the exact value of its
 * float32), by mamba_ssm's names, with the configuration that says how to use them.
 *
 * @param config the model's configuration
 * @param embedding (vocab, d_model); the head is tied to it unless {@code lmHead} is set
 * @param lmHead (vocab, d_model), or null when tied
 * @param normF the final RMSNorm's weight
 * @param layers the residual blocks
 */
public record MambaWeights(MambaConfig config, double[][] embedding, double[][] lmHead,
    double[] normF, List<Layer> layers) {

  /**
   * One residual block {@code r + mixer(RMSNorm(r))}; matrices are (out, in) as PyTorch stores
   * them, {@code conv} is (d_inner, d_conv), {@code A} = -exp(A_log) is (d_inner, d_state).
   */
  public record Layer(double[] norm, double[][] inProj, double[] inProjBias, double[][] conv,
      double[] convBias, double[][] xProj, double[][] dtProj, double[] dtBias, double[][] A,
      double[] D, double[][] outProj, double[] outProjBias) {}

  /** The weights of a model of family {@code mamba} (e.g. from {@code RunFolder.load}). */
  public static MambaWeights of(SequenceModel model) {
    if (!model.config().family().equals("mamba")) {
      throw new IllegalArgumentException("the reference forward runs mamba models, not "
          + model.config().family());
    }
    MambaConfig cfg = MambaLM.fromModelConfig(model.config());
    Map<String, Parameter> byName = new HashMap<>();
    model.parameters().forEach(p -> byName.put(p.name(), p));
    var w = new Reader(byName);
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < cfg.nLayer(); l++) {
      String m = "backbone.layers." + l + ".mixer.";
      double[][] aLog = w.matrix(m + "A_log");
      double[][] a = new double[aLog.length][];
      for (int d = 0; d < aLog.length; d++) {
        a[d] = new double[aLog[d].length];
        for (int n = 0; n < a[d].length; n++) {
          a[d][n] = -(double) (float) Math.exp((float) aLog[d][n]); // as the engine: float32
        }
      }
      layers.add(new Layer(w.vector("backbone.layers." + l + ".norm.weight"),
          w.matrix(m + "in_proj.weight"), w.optional(m + "in_proj.bias"),
          w.matrix(m + "conv1d.weight"), w.optional(m + "conv1d.bias"),
          w.matrix(m + "x_proj.weight"), w.matrix(m + "dt_proj.weight"),
          w.vector(m + "dt_proj.bias"), a, w.vector(m + "D"),
          w.matrix(m + "out_proj.weight"), w.optional(m + "out_proj.bias")));
    }
    return new MambaWeights(cfg, w.matrix("backbone.embedding.weight"),
        byName.containsKey("lm_head.weight") ? w.matrix("lm_head.weight") : null,
        w.vector("backbone.norm_f.weight"), layers);
  }

  /** The head's matrix (vocab, d_model). */
  public double[][] head() {
    return lmHead != null ? lmHead : embedding;
  }

  private record Reader(Map<String, Parameter> byName) {
    Parameter get(String name) {
      Parameter p = byName.get(name);
      if (p == null) {
        throw new IllegalArgumentException("the model has no parameter " + name);
      }
      return p;
    }

    double[] vector(String name) {
      float[] data = get(name).data();
      double[] v = new double[data.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = data[i];
      }
      return v;
    }

    double[] optional(String name) {
      return byName.containsKey(name) ? vector(name) : null;
    }

    /** A (rows, rest) matrix: the first dimension by the product of the others. */
    double[][] matrix(String name) {
      Parameter p = get(name);
      int rows = p.shape()[0];
      int cols = p.size() / rows;
      double[][] m = new double[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          m[r][c] = p.data()[r * cols + c];
        }
      }
      return m;
    }
  }
}
