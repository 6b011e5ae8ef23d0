package ssmlab.model.mamba;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;
import ssmlab.model.CheckpointFormat;
import ssmlab.model.LanguageModel;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Parameter;

/**
 * A Mamba language model as mamba_ssm stores it: {@code model.safetensors} with the
 * {@code MambaLMHeadModel} state dict (the tied {@code lm_head.weight} included) and a
 * {@code config.json}.
 */
public final class MambaCheckpoint {

  private static final String HEAD = "lm_head.weight";
  private static final String EMBEDDING = "backbone.embedding.weight";

  /**
   * Run folders of family {@code mamba}: mamba_ssm's tensor names with the tied head written
   * out, and its {@code config.json}.
   */
  public static final CheckpointFormat FORMAT = new CheckpointFormat() {
    @Override
    public void save(SequenceModel model, Path checkpoint, Path config,
        Map<String, String> metadata) {
      MambaCheckpoint.save((LanguageModel) model, checkpoint, metadata);
      MambaLM.fromModelConfig(model.config()).write(config);
    }

    @Override
    public Set<String> extraTensors() {
      return Set.of(HEAD);
    }
  };

  private MambaCheckpoint() {}

  /**
   * Loads the weights of {@code file} into a model of shape {@code cfg}. Every parameter must be
   * present with its shape, and no other tensor (a tied {@code lm_head.weight} may be present and
   * must then equal the embedding).
   */
  public static LanguageModel load(Path file, MambaConfig cfg) {
    LanguageModel model = MambaLM.create(cfg, new SplittableRandom(0));
    Map<String, int[]> expected = new LinkedHashMap<>();
    for (Parameter p : model.parameters()) {
      expected.put(p.name(), p.shape());
    }
    Set<String> optional = cfg.tieEmbeddings() ? Set.of(HEAD) : Set.of();
    Map<String, FloatTensor> tensors = Safetensors.read(file, expected, optional);
    for (Parameter p : model.parameters()) {
      float[] v = tensors.get(p.name()).data();
      System.arraycopy(v, 0, p.data(), 0, v.length);
    }
    FloatTensor head = tensors.get(HEAD);
    if (head != null && !Arrays.equals(head.data(), tensors.get(EMBEDDING).data())) {
      throw new IllegalArgumentException("checkpoint " + file + ": lm_head.weight differs from "
          + "backbone.embedding.weight, but tie_embeddings is true");
    }
    return model;
  }

  /** Writes the model's parameters (and the tied head) to {@code file} atomically. */
  public static void save(LanguageModel model, Path file, Map<String, String> metadata) {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    for (Parameter p : model.parameters()) {
      tensors.put(p.name(), new FloatTensor(p.shape(), p.data().clone()));
    }
    if (!tensors.containsKey(HEAD)) {
      tensors.put(HEAD, tensors.get(EMBEDDING));
    }
    Safetensors.write(file, metadata, tensors);
  }
}
