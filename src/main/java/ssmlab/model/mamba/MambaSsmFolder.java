package ssmlab.model.mamba;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ssmlab.io.FloatTensor;
import ssmlab.io.Safetensors;
import ssmlab.io.TorchFile;

/**
 * A model folder as mamba_ssm's {@code MambaLMHeadModel.save_pretrained} writes it and its
 * {@code from_pretrained} reads it: {@code config.json} (the fields of its {@code MambaConfig})
 * and {@code pytorch_model.bin} (the {@code torch.save}d state dict, {@code lm_head.weight} sharing
 * the embedding's storage), plus ssmlab's {@link SsmlabSettings#FILE} where the model has settings
 * mamba_ssm has no key for. Reading also takes {@code model.safetensors} instead of the
 * {@code .bin}.
 */
public final class MambaSsmFolder {

  public static final String CONFIG = "config.json";
  public static final String WEIGHTS = "pytorch_model.bin";
  public static final String SAFETENSORS = "model.safetensors";

  private MambaSsmFolder() {}

  /** Writes the folder; returns the file names written. */
  public static List<String> write(Path dir, MambaConfig config, Map<String, FloatTensor> tensors) {
    TorchFile.write(dir.resolve(WEIGHTS), tensors);
    config.write(dir.resolve(CONFIG));
    return SsmlabSettings.of(config).nonDefault().isEmpty() ? List.of(CONFIG, WEIGHTS)
        : List.of(CONFIG, SsmlabSettings.FILE, WEIGHTS);
  }

  /** Reads the folder; a missing or malformed file is a one-line error. */
  public static ForeignMamba read(Path dir) {
    Path config = dir.resolve(CONFIG);
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException(dir + " has no " + CONFIG);
    }
    return new ForeignMamba(MambaConfig.read(config), weights(dir), dir.toString());
  }

  /** The tensors of {@code dir}'s {@code pytorch_model.bin}, else {@code model.safetensors}. */
  static Map<String, FloatTensor> weights(Path dir) {
    if (Files.isRegularFile(dir.resolve(WEIGHTS))) {
      return TorchFile.read(dir.resolve(WEIGHTS));
    }
    if (Files.isRegularFile(dir.resolve(SAFETENSORS))) {
      return Safetensors.read(dir.resolve(SAFETENSORS));
    }
    throw new IllegalArgumentException(dir + " has neither " + WEIGHTS + " nor " + SAFETENSORS);
  }
}
