package ssmlab.train;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.nn.CrossEntropy;
import ssmlab.nn.Parameter;
import ssmlab.tensor.Parallel;

/**
 * One full training step (forward, cross-entropy, backward, clipping, AdamW) at the bench
 * setting: d_model 64, 2 layers, batch 32, length 64, vocabulary 64. Tokens/s = 2048 / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBench {

  @Param({"lstm", "transformer", "rnn"})
  public String family;

  @Param({"2"})
  public int threads;

  private static final int BATCH = 32;
  private static final int LEN = 64;
  private static final int VOCAB = 64;

  private SequenceModel model;
  private AdamW opt;
  private CrossEntropy ce;
  private int[] tokens;
  private int[] targets;
  private List<Parameter> params;

  @Setup
  public void setUp() {
    Parallel.setThreads(threads);
    model = Models.create(ModelConfig.of(family, VOCAB, 64, 2), 1);
    params = model.parameters();
    opt = new AdamW(params, AdamW.Settings.defaults());
    ce = new CrossEntropy();
    var rng = new SplittableRandom(2);
    tokens = new int[BATCH * LEN];
    targets = new int[BATCH * LEN];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = rng.nextInt(VOCAB);
      targets[i] = rng.nextInt(VOCAB);
    }
  }

  @Benchmark
  public double step() {
    model.zeroGrad();
    float[] logits = model.forward(tokens, BATCH, LEN);
    double loss = ce.forwardBackward(logits, targets, BATCH * LEN, VOCAB);
    model.backward(ce.gradient());
    Gradients.clipGlobalNorm(params, 1.0);
    opt.step(1e-3);
    return loss;
  }
}
