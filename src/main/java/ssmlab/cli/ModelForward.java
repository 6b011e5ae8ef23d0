package ssmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.model.mamba.Discretization;
import ssmlab.model.mamba.Eigenvalues;
import ssmlab.model.mamba.MambaCheckpoint;
import ssmlab.model.mamba.MambaConfig;
import ssmlab.model.SequenceModel;

/** {@code ssmlab model forward}: the logits of a Mamba checkpoint for one token sequence. */
@Command(
    name = "forward",
    mixinStandardHelpOptions = true,
    description = "Runs a Mamba checkpoint (mamba_ssm's model.safetensors + config.json) on a "
        + "token sequence and prints {\"logits\": [[...], ...]}, one row per position.",
    footer = {"", "Example (a golden checkpoint shipped with the tests):",
      "  ssmlab model forward --checkpoint src/test/resources/ssmlab/model/mamba/golden/d16-l2 "
          + "--tokens \"3 1 4 1\""})
final class ModelForward implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR|FILE",
      description = "a folder holding model.safetensors and config.json (a run folder), or the "
          + "model.safetensors file")
  Path checkpoint;

  @Option(names = "--config", paramLabel = "FILE",
      description = "config.json (mamba_ssm keys); default: the one beside the checkpoint")
  Path config;

  @Option(names = "--tokens", required = true, paramLabel = "IDS", description = "token ids, space separated")
  String tokens;

  @Option(names = "--eigenvalues", paramLabel = "RANGE",
      description = "0,1 (Mamba) or -1,1 (Grazzi et al.); overrides config.json")
  String eigenvalues;

  @Option(names = "--discretization", paramLabel = "KIND",
      description = "mamba (deltaB = delta*B, the reference code) or zoh (the paper's exact ZOH);"
          + " overrides config.json")
  String discretization;

  @Option(names = "--d-state", paramLabel = "N", description = "overrides ssm_cfg.d_state")
  Integer dState;

  @Option(names = "--d-conv", paramLabel = "K", description = "overrides ssm_cfg.d_conv")
  Integer dConv;

  @Option(names = "--expand", paramLabel = "E", description = "overrides ssm_cfg.expand")
  Integer expand;

  @Override
  public Integer call() {
    MambaConfig cfg = MambaConfig.read(CheckpointPath.config(checkpoint, config));
    if (eigenvalues != null) {
      cfg = cfg.withEigenvalues(Eigenvalues.parse(eigenvalues));
    }
    if (discretization != null) {
      cfg = cfg.withDiscretization(Discretization.parse(discretization));
    }
    if (dState != null || dConv != null || expand != null) {
      cfg = cfg.withSizes(dState == null ? cfg.dState() : dState,
          dConv == null ? cfg.dConv() : dConv, expand == null ? cfg.expand() : expand);
    }
    int[] ids = parseTokens(tokens, cfg.paddedVocab());
    SequenceModel model = MambaCheckpoint.load(CheckpointPath.weights(checkpoint), cfg);
    float[] logits = model.forward(ids, 1, ids.length);
    int v = model.vocabSize();
    List<float[]> rows = new ArrayList<>();
    for (int t = 0; t < ids.length; t++) {
      rows.add(Arrays.copyOfRange(logits, t * v, (t + 1) * v));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("logits", rows);
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  static int[] parseTokens(String s, int vocab) {
    String[] parts = s.strip().split("[\\s,]+");
    if (s.isBlank()) {
      throw new IllegalArgumentException("--tokens is empty");
    }
    int[] ids = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        ids[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--tokens: '" + parts[i] + "' is not a token id");
      }
      if (ids[i] < 0 || ids[i] >= vocab) {
        throw new IllegalArgumentException("--tokens: id " + ids[i] + " is outside the "
            + "vocabulary [0, " + vocab + ")");
      }
    }
    return ids;
  }
}
