package ssmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.arith.DoubleArithmetic;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.io.Provenance;
import ssmlab.model.MemoryEstimate;
import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.reference.MambaFloatP;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.progress.Progress;
import ssmlab.tasks.Task;
import ssmlab.tasks.TaskRegistry;
import ssmlab.tensor.Parallel;
import ssmlab.train.Evaluator;
import ssmlab.train.LengthAccuracy;
import ssmlab.train.RunFolder;

/** {@code ssmlab eval}: token and sequence accuracy of a trained run at given lengths. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Token and sequence accuracy of a trained run, per length.",
      "Evaluates a run folder (from 'ssmlab train') on fresh samples; prints JSON."},
    footer = {"", "Examples:", "  ssmlab eval --run runs/parity-mamba --lengths 8,16,32,64,128",
      "  ssmlab eval --run runs/s5-lstm --lengths 16,34 --task-option words=barrington "
          + "--task-option label=final",
      "  ssmlab eval --run runs/parity-mamba --lengths 40 --arith fp --precision 8 "
          + "--exponent-bits 8 --count 64"})
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"--run", "--checkpoint"}, required = true, paramLabel = "DIR|FILE",
      description = "the run folder, or its model.safetensors")
  Path run;

  @Option(names = "--lengths", required = true, split = ",", paramLabel = "N,N,...",
      description = "test lengths")
  List<Integer> lengths;

  @Option(names = "--count", defaultValue = "256", description = "samples per length "
      + "(default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "12345", description = "seed of the test samples "
      + "(default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "threads (default: "
      + "${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--arith", defaultValue = "float32", paramLabel = "float32|double|fp",
      description = "the number system: the fast float32 engine, or the reference forward "
          + "(mamba only) in double or in exact p-bit floats (default: ${DEFAULT-VALUE})")
  String arith;

  /** With --arith fp: the format. */
  @Mixin FloatFormatOptions fp;

  @Option(names = "--functions", paramLabel = "table|paper",
      description = "with --arith fp: exp, softplus, silu... correctly rounded (table, the "
          + "default) or as the paper builds them from Taylor series (paper)")
  String functions;

  @Option(names = "--form", defaultValue = "sequential", paramLabel = "sequential|unrolled",
      description = "the reference forward's scan: rounding every step, or the unrolled sum of "
          + "iterated products of the paper's proofs (O(n^2) per position; default: "
          + "${DEFAULT-VALUE})")
  String form;

  @Option(names = "--fp-path", defaultValue = "bulk", paramLabel = "bulk|reference",
      description = "with --arith fp: the bulk forward over FloatPArray (p <= 62, sequential "
          + "form; the same bits, faster) or the reference forward over Arithmetic<FloatP> "
          + "(default: ${DEFAULT-VALUE}; other formats and forms always use the reference)")
  String fpPath;

  @Option(names = "--task-option", paramLabel = "KEY=VALUE",
      description = "score on the run's task with this option changed (repeatable), e.g. "
          + "words=barrington and label=final for an s5 run: formulas through Barrington's "
          + "reduction; the vocabularies must stay the model's")
  Map<String, String> taskOptions = new LinkedHashMap<>();

  @Option(names = "--no-progress", description = "no progress on stderr (shown for the slow "
      + "--arith double and fp)")
  boolean noProgress;
  @Option(names = "--force", description = "allow --count above " + MAX_COUNT)
  boolean force;

  /** The most samples per length without --force. */
  static final int MAX_COUNT = 1_000_000;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be at least 1");
    }
    if (count > MAX_COUNT && !force) {
      throw new IllegalArgumentException("--count " + count + " is over " + MAX_COUNT
          + " samples per length (add --force to evaluate that many)");
    }
    for (int n : lengths) {
      if (n < 1) {
        throw new IllegalArgumentException("test lengths must be at least 1, got " + n);
      }
    }
    ScanForm scanForm = ScanForm.parse(form);
    Parallel.setThreads(Parallel.checkThreads("--threads", threads));
    RunFolder.Loaded loaded = RunFolder.load(CheckpointPath.folder(run));
    requireMemory(loaded.model().config());
    Task task = task(loaded);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run.toString());
    out.put("task", task.name());
    if (!taskOptions.isEmpty()) {
      out.put("task_options", new TreeMap<>(options(loaded)));
    }
    out.put("model", loaded.model().config().family());
    out.put("arith", arith);
    Evaluator.Forward forward = forward(loaded.model(), scanForm, out);
    out.put("count", count);
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean slow = !arith.equals("float32");
    try (Progress progress = Progress.of(noProgress || !slow, spec.commandLine().getErr(),
        Progress.DEFAULT_PERIOD_NANOS)) {
      progress.start("eval " + arith, "sequences", Math.multiplyExact(count, lengths.size()), 0);
      for (int n : lengths) {
        String note = "length " + n;
        rows.add(row(n, Evaluator.evaluate(forward, loaded.model().vocabSize(), task,
            n, count, seed + n, k -> progress.advanceBy(k, note))));
      }
    }
    out.put("lengths", rows);
    out.put("provenance", Provenance.current(threads));
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  /** The run's task, rebuilt with --task-option over its own options when any is given. */
  private Task task(RunFolder.Loaded loaded) {
    if (taskOptions.isEmpty()) {
      return loaded.task();
    }
    Task task = TaskRegistry.create(loaded.info().task(), options(loaded));
    if (!task.inputVocabulary().equals(loaded.task().inputVocabulary())
        || !task.targetVocabulary().equals(loaded.task().targetVocabulary())) {
      throw new IllegalArgumentException("--task-option " + taskOptions + " changes the task's "
          + "vocabulary: the model cannot read it");
    }
    return task;
  }

  private Map<String, String> options(RunFolder.Loaded loaded) {
    Map<String, String> merged = new LinkedHashMap<>(loaded.info().taskOptions());
    merged.putAll(taskOptions);
    return merged;
  }

  private static Map<String, Object> row(int n, LengthAccuracy a) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("length", n);
    row.put("token_accuracy", a.tokenAccuracy());
    row.put("sequence_accuracy", a.sequenceAccuracy());
    row.put("sequences", a.sequences());
    row.put("unlabelled", a.unlabelled());
    row.put("loss", a.loss());
    return row;
  }

  /** Refuses a length whose forward pass would not fit in the heap. */
  private void requireMemory(ModelConfig c) {
    for (int n : lengths) {
      MemoryEstimate.require("--lengths " + n, arith.equals("float32")
          ? MemoryEstimate.forwardBytes(c, Math.min(count, Evaluator.CHUNK), n)
          : MemoryEstimate.referenceBytes(c, n));
    }
  }

  /** The engine's forward, or the reference forward in the chosen number system. */
  private Evaluator.Forward forward(SequenceModel model, ScanForm scanForm,
      Map<String, Object> out) {
    if (!arith.equals("fp") && fp.given()) {
      throw new IllegalArgumentException("--precision and --exponent-bits need --arith fp");
    }
    if (!arith.equals("fp") && functions != null) {
      throw new IllegalArgumentException("--functions needs --arith fp");
    }
    if (!fpPath.equals("bulk") && !fpPath.equals("reference")) {
      throw new IllegalArgumentException("--fp-path must be bulk or reference, got '" + fpPath
          + "'");
    }
    switch (arith) {
      case "float32" -> {
        return model::forward;
      }
      case "double" -> {
        out.put("form", scanForm.id());
        return new ReferenceForward<>(new MambaReference<>(DoubleArithmetic.INSTANCE,
            MambaWeights.of(model), scanForm));
      }
      case "fp" -> {
        FloatFormat format = fp.format("--arith fp");
        out.put("precision", format.p());
        out.put("exponent_bits", format.q());
        out.put("form", scanForm.id());
        Functions fns = Functions.parse(functions == null ? "table" : functions);
        out.put("functions", fns.toString());
        var fpArith = new FloatPArithmetic(format, fns);
        if (fpPath.equals("bulk") && MambaFloatP.supports(format, scanForm)) {
          return new BulkFpForward(new MambaFloatP(fpArith, MambaWeights.of(model)));
        }
        return new ReferenceForward<>(new MambaReference<>(fpArith, MambaWeights.of(model),
            scanForm));
      }
      default -> throw new IllegalArgumentException(
          "--arith must be float32, double or fp, got '" + arith + "'");
    }
  }
}
