package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

final class CrossEntropyTest {

  @Test
  void loss_uniformLogits_isLogVocab() {
    var ce = new CrossEntropy();
    double loss = ce.forwardBackward(new float[8], new int[] {1, 3}, 2, 4);
    assertThat(loss).isCloseTo(Math.log(4), within(1e-6));
    // dz = (1/4 - onehot) / 2
    assertThat(ce.gradient()[1]).isCloseTo(-0.375f, within(1e-7f));
    assertThat(ce.gradient()[0]).isCloseTo(0.125f, within(1e-7f));
  }

  @Test
  void loss_handComputed_twoClasses() {
    var ce = new CrossEntropy();
    double loss = ce.loss(new float[] {0f, (float) Math.log(3)}, new int[] {1}, 1, 2);
    // softmax = (1/4, 3/4)
    assertThat(loss).isCloseTo(-Math.log(0.75), within(1e-6));
  }

  @Test
  void unlabelledRows_areIgnoredInLossAndGradient() {
    var ce = new CrossEntropy();
    float[] logits = {5f, -3f, 2f, 0.5f, 1f, 0f};
    double loss = ce.forwardBackward(logits, new int[] {CrossEntropy.IGNORE, 0, -7}, 3, 2);
    // the labelled row is (2, 0.5) with target 0
    double want = Math.log(Math.exp(2) + Math.exp(0.5)) - 2;
    assertThat(loss).isCloseTo(want, within(1e-6));
    assertThat(ce.gradient()[0]).isZero();
    assertThat(ce.gradient()[1]).isZero();
    assertThat(ce.gradient()[4]).isZero();
    assertThat(ce.gradient()[5]).isZero();
  }

  @Test
  void noLabelledRows_lossIsZero() {
    var ce = new CrossEntropy();
    assertThat(ce.forwardBackward(new float[] {1f, 2f}, new int[] {-1}, 1, 2)).isZero();
  }

  @Test
  void targetOutsideVocabulary_isRejected() {
    var ce = new CrossEntropy();
    assertThatThrownBy(() -> ce.loss(new float[4], new int[] {0, 2}, 2, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 2");
  }

  @Test
  void gradient_matchesFiniteDifferences() {
    var rng = new SplittableRandom(21);
    int rows = 5;
    int vocab = 7;
    float[] logits = GradCheck.randomProjection(rows * vocab, rng);
    int[] targets = {3, -1, 0, 6, 2};
    float[] grad = new float[logits.length];
    var ce = new CrossEntropy();
    GradCheck.Report r = GradCheck.check(List.of(new GradCheck.Probe("logits", logits, grad)),
        () -> ce.loss(logits, targets, rows, vocab),
        () -> {
          ce.forwardBackward(logits, targets, rows, vocab);
          System.arraycopy(ce.gradient(), 0, grad, 0, grad.length);
        }, GradCheck.EPS, 100, rng);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }
}
