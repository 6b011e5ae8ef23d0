package ssmlab.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * How a family stores a trained model in a run folder when it has a format of its own (Mamba:
 * mamba_ssm's tensor names and {@code config.json}, so PyTorch loads the checkpoint). Families
 * without one are stored generically by {@code RunFolder}.
 */
public interface CheckpointFormat {

  /** Writes the weights to {@code checkpoint} and the family's config to {@code config}. */
  void save(SequenceModel model, Path checkpoint, Path config, Map<String, String> metadata);

  /** Tensors a checkpoint may hold besides the parameters (e.g. a tied head written out). */
  Set<String> extraTensors();
}
