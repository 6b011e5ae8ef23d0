package ssmlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import ssmlab.model.MemoryEstimate;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.CrossEntropy;
import ssmlab.nn.Parameter;
import ssmlab.tasks.LengthRange;
import ssmlab.tensor.Parallel;
import ssmlab.tensor.Simd;
import ssmlab.train.AdamW;
import ssmlab.train.Gradients;

/** {@code ssmlab bench}: speed measurements that are part of the contract. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Speed measurements.", subcommands = {BenchCommand.Train.class, BenchFp.class, BenchGemm.class},
    footer = {"", "Example:", "  ssmlab bench train --model lstm --d-model 64 --layers 2"})
final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Full training steps on random tokens: forward, cross-entropy, backward, clipping, AdamW.
   * GFLOP/s uses the usual estimate of 6 FLOPs per parameter and token (2 forward, 4 backward),
   * which counts every matrix product (the tied head included) and leaves out the scan,
   * attention scores and elementwise work, so it understates what the machine does.
   */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Times full training steps; prints one JSON line with tokens_per_s.",
      footer = {"", "Examples:", "  ssmlab bench train --model mamba --d-model 64 --layers 2 "
          + "--batch 32 --length 64 --vocab 64 --threads 2",
          "  ssmlab bench train --model s4d --d-model 32 --layers 1 --length 2..16 --steps 2"})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model family")
    String model;

    @Mixin ModelOptionsMixin modelOptions;

    @Option(names = "--batch", defaultValue = "32", description = "default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--length", defaultValue = "64", paramLabel = "N|a..b",
        description = "sequence length, or a range drawn from uniformly each step, the same "
            + "draws every run (default: ${DEFAULT-VALUE})")
    String length;

    @Option(names = "--vocab", defaultValue = "64", description = "default: ${DEFAULT-VALUE}")
    int vocab;

    @Option(names = "--steps", defaultValue = "30", description = "timed steps, after as many "
        + "warmup steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", defaultValue = "2", description = "default: ${DEFAULT-VALUE}")
    int threads;

    @Override
    public Integer call() {
      if (batch < 1 || vocab < 2 || steps < 1 || threads < 1) {
        throw new IllegalArgumentException("batch, length, steps, threads >= 1 and vocab >= 2");
      }
      LengthRange lengths = LengthRange.parse(length);
      Parallel.setThreads(Parallel.checkThreads("--threads", threads));
      ModelConfig cfg = modelOptions.config(model, vocab);
      MemoryEstimate.requireTraining(cfg, batch, lengths.max(), "--batch " + batch
          + " at --length " + length);
      SequenceModel m = Models.create(cfg, 1);
      List<Parameter> params = m.parameters();
      var opt = new AdamW(params, AdamW.Settings.defaults());
      var ce = new CrossEntropy();
      var rng = new SplittableRandom(2);
      int[] tokens = rng.ints((long) batch * lengths.max(), 0, vocab).toArray();
      int[] targets = rng.ints((long) batch * lengths.max(), 0, vocab).toArray();
      var draws = new SplittableRandom(3);
      double[] ms = new double[steps];
      long timedTokens = 0;
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long cpu0 = 0;
      for (int s = -steps; s < steps; s++) {
        int len = lengths.draw(draws);
        if (s == 0) {
          cpu0 = cpu.getCurrentThreadCpuTime();
        }
        long t0 = System.nanoTime();
        m.zeroGrad();
        float[] logits = m.forward(tokens, batch, len);
        ce.forwardBackward(logits, targets, batch * len, m.vocabSize());
        m.backward(ce.gradient());
        Gradients.clipGlobalNorm(params, 1.0);
        opt.step(1e-3);
        if (s >= 0) {
          ms[s] = (System.nanoTime() - t0) / 1e6;
          timedTokens += (long) batch * len;
        }
      }
      double cpuMs = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6;
      double totalMs = Arrays.stream(ms).sum();
      Arrays.sort(ms);
      double median = steps % 2 == 1 ? ms[steps / 2] : (ms[steps / 2 - 1] + ms[steps / 2]) / 2;
      double tokensPerStep = (double) timedTokens / steps;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", model);
      out.put("d_model", cfg.dModel());
      out.put("layers", cfg.nLayers());
      out.put("batch", batch);
      out.put("length", lengths.min() == lengths.max() ? (Object) lengths.min() : length);
      out.put("vocab", vocab);
      out.put("threads", threads);
      out.put("parameters", m.parameterCount());
      out.put("median_step_ms", median);
      // With a range of lengths the step times vary, so the rates come from the total time.
      double stepMs = lengths.min() == lengths.max() ? median : totalMs / steps;
      out.put("steps_per_s", 1e3 / stepMs);
      // On a shared machine the calling thread's CPU time is the steadier figure (one thread).
      out.put("steps_per_cpu_s", 1e3 * steps / cpuMs);
      out.put("tokens_per_s", tokensPerStep / (stepMs / 1e3));
      out.put("gflop_per_s", 6.0 * m.parameterCount() * tokensPerStep / (stepMs / 1e3) / 1e9);
      out.put("simd", Simd.describe());
      spec.commandLine().getOut().println(Json.write(out));
      return 0;
    }
  }
}
