package ssmlab.model.mamba;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ssmlab.io.FloatTensor;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Parameter;

/**
 * A Mamba model read from another program's files: its config and its tensors under mamba_ssm's
 * names ({@code backbone.embedding.weight}, {@code backbone.layers.N.mixer.*}, ...,
 * {@code lm_head.weight} where present). {@link #toModel} makes it the engine's {@code mamba}
 * model, which a run folder holds.
 *
 * @param where names the source in one-line errors
 */
public record ForeignMamba(MambaConfig config, Map<String, FloatTensor> tensors, String where) {

  static final String EMBEDDING = "backbone.embedding.weight";
  static final String HEAD = "lm_head.weight";

  /** The tensors of a model of the engine, under mamba_ssm's names, the tied head included. */
  public static Map<String, FloatTensor> tensorsOf(SequenceModel model) {
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    for (Parameter p : model.parameters()) {
      out.put(p.name(), new FloatTensor(p.shape(), p.data().clone()));
    }
    out.putIfAbsent(HEAD, out.get(EMBEDDING));
    return out;
  }

  /**
   * The engine's {@code mamba} model with these weights (vocabulary: the padded one). Refuses
   * what the engine's {@code mamba} family does not compute: biases in {@code in_proj} and
   * {@code out_proj}, no convolution bias, an RMSNorm epsilon other than 1e-5, or a head that
   * differs from the embedding; and missing, extra or misshapen tensors.
   */
  public SequenceModel toModel() {
    MambaConfig c = config;
    if (c.bias()) {
      throw bad("biases in in_proj and out_proj (bias / use_bias true) are not supported");
    }
    if (!c.convBias()) {
      throw bad("a convolution without bias (conv_bias / use_conv_bias false) is not supported");
    }
    if (c.normEpsilon() != SsmlabSettings.DEFAULT_NORM_EPSILON) {
      throw bad("RMSNorm epsilon " + c.normEpsilon() + " is not supported (ssmlab's mamba uses "
          + SsmlabSettings.DEFAULT_NORM_EPSILON + ")");
    }
    SequenceModel model = Models.create(MambaLM.modelConfig(c), 0);
    List<String> missing = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      FloatTensor t = tensors.get(p.name());
      if (t == null) {
        missing.add(p.name());
      } else if (!Arrays.equals(t.shape(), p.shape())) {
        throw bad("tensor " + p.name() + " has shape " + Arrays.toString(t.shape())
            + " but the config needs " + Arrays.toString(p.shape()));
      }
    }
    if (!missing.isEmpty()) {
      throw bad("lacks " + missing.size() + " tensor(s) the config needs: "
          + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
          + (missing.size() > 5 ? ", ..." : ""));
    }
    Set<String> names = new HashSet<>();
    model.parameters().forEach(p -> names.add(p.name()));
    for (String name : tensors.keySet()) {
      if (!name.equals(HEAD) && !names.contains(name)) {
        throw bad("has tensor " + name + " that a Mamba of this config does not have");
      }
    }
    FloatTensor head = tensors.get(HEAD);
    if (head != null && !head.equals(tensors.get(EMBEDDING))) {
      throw bad("lm_head.weight differs from the embedding; ssmlab's mamba ties the head to it");
    }
    for (Parameter p : model.parameters()) {
      float[] v = tensors.get(p.name()).data();
      System.arraycopy(v, 0, p.data(), 0, v.length);
    }
    return model;
  }

  private IllegalArgumentException bad(String what) {
    return new IllegalArgumentException(where + ": " + what);
  }
}
