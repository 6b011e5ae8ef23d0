package ssmlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ssmlab.nn.CrossEntropy;
import ssmlab.nn.GradCheck;
import ssmlab.nn.Parameter;
import ssmlab.tensor.Parallel;
import ssmlab.train.AdamW;
import ssmlab.train.Gradients;

/**
 * The contract every {@link SequenceModel} family passes: extend it with a small config (and,
 * where the family needs it, a learning rate for the overfit test).
 */
public abstract class SequenceModelContract {

  /** A small config of the family under test, vocabulary of 8 (the overfit task uses 8 ids). */
  protected abstract ModelConfig config();

  /** The peak learning rate for the overfit test. */
  protected double overfitLearningRate() {
    return 1e-2;
  }

  /** Steps for the overfit test. */
  protected int overfitSteps() {
    return 150;
  }

  protected SequenceModel create(long seed) {
    return Models.create(config(), seed);
  }

  /**
   * {@code m} with an O(1) embedding (a random projection) in place of the family's std-0.02
   * init: a finite-difference step of 5e-3 on a std-0.02 embedding probes the RMSNorm far outside
   * its linear range.
   */
  protected static SequenceModel withOrderOneEmbedding(SequenceModel m, long seed) {
    for (Parameter p : m.parameters()) {
      if (p.name().endsWith("embedding.weight")) {
        float[] r = GradCheck.randomProjection(p.size(), new SplittableRandom(seed));
        System.arraycopy(r, 0, p.data(), 0, r.length);
      }
    }
    return m;
  }

  static int[] randomTokens(int n, int vocab, SplittableRandom rng) {
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = rng.nextInt(vocab);
    }
    return t;
  }

  @Test
  void forward_logitsHaveShapeAndAreFinite() {
    SequenceModel m = create(1);
    float[] logits = m.forward(randomTokens(2 * 5, m.vocabSize(), new SplittableRandom(2)), 2, 5);
    assertThat(logits).hasSize(2 * 5 * m.vocabSize());
    for (float v : logits) {
      assertThat(Float.isFinite(v)).isTrue();
    }
    assertThat(m.config()).isEqualTo(Models.resolve(config()));
  }

  @Test
  void parameters_namesUniqueAndCountPositive() {
    SequenceModel m = create(1);
    List<String> names = m.parameters().stream().map(Parameter::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(m.parameterCount()).isPositive();
  }

  @Test
  void sameSeed_givesSameParametersLogitsAndGradients() {
    SequenceModel a = create(7);
    SequenceModel b = create(7);
    int[] tokens = randomTokens(3 * 6, a.vocabSize(), new SplittableRandom(3));
    float[] la = a.forward(tokens, 3, 6).clone();
    float[] lb = b.forward(tokens, 3, 6);
    assertThat(lb).containsExactly(la);
    float[] g = GradCheck.randomProjection(la.length, new SplittableRandom(4));
    a.zeroGrad();
    a.backward(g);
    b.zeroGrad();
    b.backward(g);
    for (int i = 0; i < a.parameters().size(); i++) {
      assertThat(b.parameters().get(i).grad()).as(a.parameters().get(i).name())
          .containsExactly(a.parameters().get(i).grad());
    }
  }

  @Test
  void threadCount_doesNotChangeLogitsOrGradients() {
    int before = Parallel.threads();
    try {
      float[][] out = new float[2][];
      float[][] grad = new float[2][];
      for (int k = 0; k < 2; k++) {
        Parallel.setThreads(k + 1);
        SequenceModel m = create(13);
        int[] tokens = randomTokens(4 * 9, m.vocabSize(), new SplittableRandom(14));
        out[k] = m.forward(tokens, 4, 9).clone();
        m.zeroGrad();
        m.backward(GradCheck.randomProjection(out[k].length, new SplittableRandom(15)));
        grad[k] = m.parameters().getFirst().grad().clone();
      }
      assertThat(out[1]).containsExactly(out[0]);
      assertThat(grad[1]).containsExactly(grad[0]);
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void laterTokens_doNotChangeEarlierLogits() {
    SequenceModel m = create(5);
    int len = 7;
    int[] tokens = randomTokens(len, m.vocabSize(), new SplittableRandom(6));
    float[] before = m.forward(tokens, 1, len).clone();
    tokens[5] = (tokens[5] + 1) % m.vocabSize();
    tokens[6] = (tokens[6] + 3) % m.vocabSize();
    float[] after = m.forward(tokens, 1, len);
    int v = m.vocabSize();
    for (int i = 0; i < 5 * v; i++) {
      assertThat(after[i]).as("logit %d (position %d)", i, i / v).isEqualTo(before[i]);
    }
  }

  @Test
  void gradients_matchFiniteDifferences() {
    SequenceModel m = create(8);
    int[] tokens = randomTokens(2 * 4, m.vocabSize(), new SplittableRandom(9));
    GradCheck.Report r = GradCheck.checkModel(m, tokens, 2, 4, 10, 12);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void tokenOutsideVocabulary_isRejected() {
    SequenceModel m = create(1);
    assertThatThrownBy(() -> m.forward(new int[] {0, m.vocabSize()}, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocabulary");
  }

  @Test
  void training_sameSeed_givesBitIdenticalLosses() {
    double[][] losses = new double[2][];
    for (int k = 0; k < 2; k++) {
      losses[k] = train(create(21), new SplittableRandom(22), 6, overfitLearningRate());
    }
    assertThat(losses[1]).containsExactly(losses[0]);
  }

  @Test
  void weightDecay_neverOnVectors_andOnSomeMatrix() {
    List<Parameter> ps = create(1).parameters();
    for (Parameter p : ps) {
      if (p.shape().length < 2) {
        assertThat(p.weightDecay()).as("%s (biases, gains, D are not decayed)", p.name()).isFalse();
      }
    }
    assertThat(ps).anyMatch(Parameter::weightDecay);
  }

  /** Learns "output the previous token" on length-8 sequences: the loss must fall well below ln 8. */
  @Test
  void overfit_copyPreviousToken_lossFalls() {
    int steps = overfitSteps();
    double[] losses = train(create(11), new SplittableRandom(12), steps, overfitLearningRate());
    double first = 0;
    double last = 0;
    for (int s = 0; s < 5; s++) {
      first += losses[s] / 5;
      last += losses[steps - 1 - s] / 5;
    }
    assertThat(first).isGreaterThan(1.5);
    assertThat(last).as("loss %.3f -> %.3f", first, last).isLessThan(0.25 * first);
  }

  /**
   * Trains on the copy-previous-token task (batch 16, length 8, fresh random tokens each step;
   * the first position is unlabelled) and returns the loss of every step.
   */
  static double[] train(SequenceModel m, SplittableRandom rng, int steps, double lr) {
    int batch = 16;
    int len = 8;
    int vocab = m.vocabSize();
    var opt = new AdamW(m.parameters(), new AdamW.Settings(0.9, 0.95, 1e-8, 0.0));
    var ce = new CrossEntropy();
    int[] targets = new int[batch * len];
    double[] losses = new double[steps];
    for (int s = 0; s < steps; s++) {
      int[] tokens = randomTokens(batch * len, vocab, rng);
      for (int i = 0; i < tokens.length; i++) {
        targets[i] = i % len == 0 ? CrossEntropy.IGNORE : tokens[i - 1];
      }
      m.zeroGrad();
      float[] logits = m.forward(tokens, batch, len);
      double loss = ce.forwardBackward(logits, targets, batch * len, vocab);
      m.backward(ce.gradient());
      Gradients.requireFinite(s, loss, m.parameters());
      Gradients.clipGlobalNorm(m.parameters(), 1.0);
      opt.step(lr);
      losses[s] = loss;
    }
    return losses;
  }
}
