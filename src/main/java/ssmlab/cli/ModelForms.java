package ssmlab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssmlab.arith.DoubleArithmetic;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.train.RunFolder;

/**
 * {@code ssmlab model forms}: how far the sequential and the unrolled F_p semantics of one trained
 * Mamba differ, on sample sequences of its task.
 */
@Command(name = "forms", mixinStandardHelpOptions = true,
    description = {"Compares the sequential and unrolled scans of a trained Mamba in exact F_p.",
      "Runs the reference forward on sample sequences of the run's task in both forms (and in "
          + "double) and prints JSON: the largest logit difference between the forms and of "
          + "each form from double, relative to the largest |logit|, and how often the two "
          + "forms pick the same argmax."},
    footer = {"", "Example:", "  ssmlab model forms --run runs/parity-mamba --precision 8 "
        + "--exponent-bits 8 --length 16 --count 8"})
final class ModelForms implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"--run", "--checkpoint"}, required = true, paramLabel = "DIR|FILE",
      description = "the run folder, or its model.safetensors")
  Path run;

  @Mixin FloatFormatOptions fp;

  @Option(names = "--length", defaultValue = "16", description = "sequence length (default: "
      + "${DEFAULT-VALUE}; the unrolled form costs O(n^3) products per state entry)")
  int length;

  @Option(names = "--count", defaultValue = "8", description = "sequences (default: "
      + "${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "12345", description = "seed of the sequences "
      + "(default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (length < 1 || count < 1) {
      throw new IllegalArgumentException("--length and --count must be at least 1");
    }
    FloatFormat format = fp.format("model forms");
    RunFolder.Loaded loaded = RunFolder.load(CheckpointPath.folder(run));
    MambaWeights w = MambaWeights.of(loaded.model());
    var fp = new FloatPArithmetic(format);
    var sequential = new MambaReference<>(fp, w, ScanForm.SEQUENTIAL);
    var unrolled = new MambaReference<>(fp, w, ScanForm.UNROLLED);
    var exact = new MambaReference<>(DoubleArithmetic.INSTANCE, w, ScanForm.SEQUENTIAL);
    var rng = new SplittableRandom(seed);
    double formsGap = 0;
    double sequentialError = 0;
    double unrolledError = 0;
    long positions = 0;
    long sameArgmax = 0;
    for (int i = 0; i < count; i++) {
      int[] tokens = loaded.task().sampleEncoded(length, rng).inputIds();
      List<List<FloatP>> s = sequential.logits(tokens);
      List<List<FloatP>> u = unrolled.logits(tokens);
      List<List<Double>> d = exact.logits(tokens);
      for (int t = 0; t < length; t++) {
        double scale = d.get(t).stream().mapToDouble(Math::abs).max().orElse(1);
        for (int v = 0; v < d.get(t).size(); v++) {
          double sv = s.get(t).get(v).toDouble();
          double uv = u.get(t).get(v).toDouble();
          formsGap = Math.max(formsGap, Math.abs(sv - uv) / scale);
          sequentialError = Math.max(sequentialError, Math.abs(sv - d.get(t).get(v)) / scale);
          unrolledError = Math.max(unrolledError, Math.abs(uv - d.get(t).get(v)) / scale);
        }
        positions++;
        if (argmax(s.get(t)) == argmax(u.get(t))) {
          sameArgmax++;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run.toString());
    out.put("precision", format.p());
    out.put("exponent_bits", format.q());
    out.put("length", length);
    out.put("count", count);
    out.put("max_relative_difference_between_forms", formsGap);
    out.put("max_relative_error_sequential", sequentialError);
    out.put("max_relative_error_unrolled", unrolledError);
    out.put("same_argmax", (double) sameArgmax / positions);
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  private static int argmax(List<FloatP> logits) {
    int best = 0;
    for (int i = 1; i < logits.size(); i++) {
      if (logits.get(i).compareTo(logits.get(best)) > 0) {
        best = i;
      }
    }
    return best;
  }
}
