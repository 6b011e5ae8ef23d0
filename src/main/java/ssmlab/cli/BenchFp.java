package ssmlab.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.reference.MambaFloatP;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.tensor.Parallel;
import ssmlab.train.Evaluator;
import ssmlab.train.RunFolder;

/**
 * {@code ssmlab bench fp}: tokens per second of the F_p Mamba forward that {@code eval --arith fp}
 * runs, the reference forward and the bulk one alternated in one sitting on the same sequences,
 * their logits checked to be the same bits. CPU time is the steady figure on a shared machine:
 * the process's (JIT and GC threads included) and, with one thread, the calling thread's (the
 * forward alone); wall time is printed beside them.
 */
@Command(name = "fp", mixinStandardHelpOptions = true,
    description = "Times the F_p Mamba forward (eval --arith fp); prints one JSON line.",
    footer = {"", "Examples:", "  ssmlab bench fp --run runs/parity-mamba -p 8 -q 8 --length 40",
        "  ssmlab bench fp --d-model 8 --layers 1 -p 8 --length 4 --sequences 2 --reps 1"})
final class BenchFp implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--run", "--checkpoint"}, paramLabel = "DIR|FILE",
      description = "a trained mamba run (default: a random mamba of the sizes below)")
  Path run;

  @Mixin ModelOptionsMixin modelOptions;

  @Option(names = "--vocab", defaultValue = "4", description = "vocabulary of the random model "
      + "(default: ${DEFAULT-VALUE})")
  int vocab;

  @Mixin FloatFormatOptions fp;

  @Option(names = "--length", defaultValue = "40", description = "default: ${DEFAULT-VALUE}")
  int length;

  @Option(names = "--sequences", defaultValue = "8", description = "sequences a repetition "
      + "(default: ${DEFAULT-VALUE})")
  int sequences;

  @Option(names = "--reps", defaultValue = "5", description = "timed repetitions per path, "
      + "after one warmup each (default: ${DEFAULT-VALUE})")
  int reps;

  @Option(names = "--fp-path", defaultValue = "both", paramLabel = "both|bulk|reference",
      description = "which forwards to time (default: ${DEFAULT-VALUE})")
  String path;

  @Option(names = "--threads", defaultValue = "2", description = "default: ${DEFAULT-VALUE}")
  int threads;

  @Override
  public Integer call() {
    if (length < 1 || sequences < 1 || reps < 1 || vocab < 2) {
      throw new IllegalArgumentException("length, sequences, reps >= 1 and vocab >= 2");
    }
    if (!List.of("both", "bulk", "reference").contains(path)) {
      throw new IllegalArgumentException("--fp-path must be both, bulk or reference");
    }
    Parallel.setThreads(Parallel.checkThreads("--threads", threads));
    SequenceModel model = run != null ? RunFolder.load(CheckpointPath.folder(run)).model()
        : Models.create(modelOptions.config("mamba", vocab), 1);
    FloatFormat format = fp.format(8);
    var ar = new FloatPArithmetic(format);
    MambaWeights w = MambaWeights.of(model);
    Map<String, Evaluator.Forward> forwards = new LinkedHashMap<>();
    if (!path.equals("bulk")) {
      forwards.put("reference", new ReferenceForward<>(new MambaReference<>(ar, w,
          ScanForm.SEQUENTIAL)));
    }
    if (!path.equals("reference")) {
      forwards.put("bulk", new BulkFpForward(new MambaFloatP(ar, w)));
    }
    int[] tokens = new SplittableRandom(2).ints((long) sequences * length, 0, model.vocabSize())
        .toArray();
    Map<String, double[]> cpu = new LinkedHashMap<>();
    Map<String, double[]> threadCpu = new LinkedHashMap<>();
    var mx = ManagementFactory.getThreadMXBean();
    Map<String, double[]> wall = new LinkedHashMap<>();
    float[] first = null;
    for (int rep = -1; rep < reps; rep++) {
      for (var e : forwards.entrySet()) {
        long c0 = processCpuNanos();
        long h0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        float[] logits = e.getValue().logits(tokens, sequences, length);
        long t1 = System.nanoTime();
        long h1 = mx.getCurrentThreadCpuTime();
        long c1 = processCpuNanos();
        if (first == null) {
          first = logits;
        } else if (!Arrays.equals(first, logits)) {
          throw new IllegalStateException("the " + e.getKey() + " forward's logits differ");
        }
        if (rep >= 0) {
          cpu.computeIfAbsent(e.getKey(), k -> new double[reps])[rep] = (c1 - c0) / 1e9;
          wall.computeIfAbsent(e.getKey(), k -> new double[reps])[rep] = (t1 - t0) / 1e9;
          threadCpu.computeIfAbsent(e.getKey(), k -> new double[reps])[rep] = (h1 - h0) / 1e9;
        }
      }
    }
    double tokensPerRep = (double) sequences * length;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("d_model", model.config().dModel());
    out.put("layers", model.config().nLayers());
    out.put("vocab", model.vocabSize());
    out.put("precision", format.p());
    out.put("exponent_bits", format.q());
    out.put("functions", Functions.TABLE.toString());
    out.put("length", length);
    out.put("sequences", sequences);
    out.put("reps", reps);
    out.put("threads", threads);
    List<String> names = new ArrayList<>(forwards.keySet());
    for (String name : names) {
      out.put(name + "_tokens_per_s", tokensPerRep / median(wall.get(name)));
      out.put(name + "_tokens_per_cpu_s", tokensPerRep / median(cpu.get(name)));
      if (threads == 1) {
        out.put(name + "_tokens_per_thread_cpu_s", tokensPerRep / median(threadCpu.get(name)));
      }
    }
    if (names.size() == 2) {
      out.put("speedup_cpu", median(cpu.get("reference")) / median(cpu.get("bulk")));
      if (threads == 1) {
        out.put("speedup_thread_cpu", median(threadCpu.get("reference"))
            / median(threadCpu.get("bulk")));
      }
      out.put("speedup_wall", median(wall.get("reference")) / median(wall.get("bulk")));
      out.put("same_bits", true);
    }
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return System.nanoTime();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
