package ssmlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.SequenceModel;
import ssmlab.train.RunFolder;

/** What {@code circuit model} and {@code circuit scale} compile: a checkpoint and a format. */
final class CompiledModelOptions {

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR|FILE",
      description = "a run folder of a mamba or s4d model (from 'ssmlab train'), or its "
          + "model.safetensors")
  Path checkpoint;

  /** The format: p defaults to 4 (and so q to 4). */
  @Mixin FloatFormatOptions fp;

  @Option(names = "--levelled", description = "keep a buffer wherever simplification would "
      + "collapse a gate into one of its inputs, so that every block keeps the depth of its "
      + "construction (README: levelled circuits)")
  boolean levelled;

  @Option(names = "--functions", defaultValue = "table", paramLabel = "table|paper",
      description = "exp, softplus, silu...: table circuits (correctly rounded, p + q <= 20) or "
          + "the paper's constructions (polynomial in p); default ${DEFAULT-VALUE}")
  String functions;

  @Option(names = "--token-tables", description = "mamba: read the first block's values up to "
      + "the scan (RMSNorm, in_proj, convolution, SiLU, softplus, exp, SiLU(z)), which depend "
      + "on the d_conv tokens ending at each position only, from tables over those tokens that "
      + "the F_p interpreter fills, instead of building their gates (README: token tables)")
  boolean tokenTables;

  Functions functions() {
    return Functions.parse(functions);
  }

  /** The format; with table functions p + q is bounded by the tables' size. */
  FloatFormat format() {
    int precision = fp.precision(4);
    return format(precision, fp.exponentBits(precision));
  }

  /** The format of p and q, checked as {@link #format()} checks the options. */
  FloatFormat format(int precision, int exponentBits) {
    if (functions() == Functions.PAPER) {
      if (precision < 2 || exponentBits < 1 || exponentBits > 32) {
        throw new IllegalArgumentException("circuits need --precision >= 2 and --exponent-bits "
            + "in 1..32, got p = " + precision + ", q = " + exponentBits);
      }
      return FloatFormat.of(precision, exponentBits);
    }
    if (precision < 2 || exponentBits < 1 || precision + exponentBits > 20) {
      throw new IllegalArgumentException("circuits need --precision >= 2, --exponent-bits >= 1 "
          + "and p + q <= 20 (the function tables; --functions paper has no such bound), got p = "
          + precision + ", q = " + exponentBits);
    }
    return FloatFormat.of(precision, exponentBits);
  }

  /**
   * The checkpoint's model: a mamba or an s4d ({@code ModelCircuit.compile} refuses others), a
   * mamba only with {@code --token-tables}.
   */
  SequenceModel model() {
    SequenceModel m = RunFolder.load(CheckpointPath.folder(checkpoint)).model();
    String family = m.config().family();
    if (!family.equals("mamba") && !family.equals("s4d")) {
      throw new IllegalArgumentException("circuits are compiled from mamba and s4d models, not "
          + family);
    }
    if (tokenTables && !family.equals("mamba")) {
      throw new IllegalArgumentException("--token-tables: token tables are built for mamba "
          + "models, not " + family);
    }
    return m;
  }
}
