package ssmlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import ssmlab.nn.Parameter;

final class AdamWTest {

  @Test
  void firstStep_movesEachWeightByLearningRateAgainstGradientSign() {
    var p = new Parameter("w", false, 3);
    p.data()[0] = 1f;
    p.data()[1] = 1f;
    p.data()[2] = 1f;
    p.grad()[0] = 0.5f;
    p.grad()[1] = -2f;
    var opt = new AdamW(List.of(p), AdamW.Settings.defaults());
    opt.step(0.01);
    // bias-corrected m/sqrt(v) = g/|g| on the first step; a zero gradient leaves w alone
    assertThat(p.data()[0]).isCloseTo(0.99f, within(1e-6f));
    assertThat(p.data()[1]).isCloseTo(1.01f, within(1e-6f));
    assertThat(p.data()[2]).isEqualTo(1f);
  }

  @Test
  void weightDecay_appliesOnlyToFlaggedParameters() {
    var decayed = new Parameter("w", true, 1);
    var kept = new Parameter("b", false, 1);
    decayed.data()[0] = 2f;
    kept.data()[0] = 2f;
    var opt = new AdamW(List.of(decayed, kept), new AdamW.Settings(0.9, 0.95, 1e-8, 0.5));
    opt.step(0.1);
    // zero gradient: only the decoupled decay p·(1 − lr·λ) acts
    assertThat(decayed.data()[0]).isCloseTo(2f * 0.95f, within(1e-6f));
    assertThat(kept.data()[0]).isEqualTo(2f);
  }

  @Test
  void severalSteps_matchDoublePrecisionReference() {
    var p = new Parameter("w", true, 1);
    p.data()[0] = 0.3f;
    var opt = new AdamW(List.of(p), new AdamW.Settings(0.8, 0.9, 1e-8, 0.1));
    double w = 0.3;
    double m = 0;
    double v = 0;
    double[] grads = {0.2, -0.1, 0.4, 0.05, -0.3};
    for (int t = 1; t <= grads.length; t++) {
      double g = grads[t - 1];
      p.grad()[0] = (float) g;
      double lr = 0.01 * t;
      opt.step(lr);
      w *= 1 - lr * 0.1;
      m = 0.8 * m + 0.2 * g;
      v = 0.9 * v + 0.1 * g * g;
      w -= lr * (m / (1 - Math.pow(0.8, t))) / (Math.sqrt(v / (1 - Math.pow(0.9, t))) + 1e-8);
      assertThat((double) p.data()[0]).as("step %d", t).isCloseTo(w, within(1e-6));
    }
    assertThat(opt.stepCount()).isEqualTo(5);
  }
}
