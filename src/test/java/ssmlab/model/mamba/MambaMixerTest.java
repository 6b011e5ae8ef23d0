package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ssmlab.nn.GradCheck;
import ssmlab.nn.Parameter;

final class MambaMixerTest {

  @ParameterizedTest(name = "d_model={0} d_state={1} d_conv={2} {3} {4}")
  @CsvSource({
    "8, 16, 4, '0,1', mamba",    // d_inner = 16: the channel-lane scan
    "8, 16, 4, '-1,1', mamba",
    "8, 4, 4, '-1,1', zoh",      // channel lanes, N = 4
    "6, 16, 4, '0,1', mamba",    // d_inner = 12: the N-lane scan (8 or 16 floats a vector)
    "6, 3, 4, '0,1', mamba",     // N = 3: the scalar scan
    "6, 4, 1, '-1,1', zoh",      // d_conv = 1 (Grazzi et al.'s setting), exact ZOH
    "5, 2, 2, '0,1', zoh"})
  void backward_matchesFiniteDifferences(int dModel, int dState, int dConv, String ev,
      String disc) {
    MambaConfig cfg = MambaConfig.of(dModel, 2, 5).withSizes(dState, dConv, 2)
        .withEigenvalues(Eigenvalues.parse(ev)).withDiscretization(Discretization.parse(disc));
    var mixer = new MambaMixer("m", cfg, new SplittableRandom(3));
    randomize(mixer.parameters(), 4);
    var report = GradCheck.checkLayer(mixer, 2, 6, 17);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(report.perTensor()).hasSize(1 + mixer.parameters().size());
  }

  /**
   * O(1) weights everywhere, so that every gradient stands well above the float32 noise of the
   * finite differences (the reference init makes B, C and the output small); delta ~ 0.5. The
   * embedding (also the tied head) gets 0.5: large enough for a 5e-3 step to stay in the linear
   * range of the RMSNorm, small enough to keep the logits, and so the noise, small.
   */
  static void randomize(java.util.List<Parameter> params, long seed) {
    var rng = new SplittableRandom(seed);
    for (Parameter p : params) {
      float[] v = p.data();
      for (int i = 0; i < v.length; i++) {
        double r = 2 * rng.nextDouble() - 1;
        v[i] = p.name().endsWith("A_log") ? (float) (0.5 * r)
            : p.name().endsWith("dt_proj.bias") ? (float) (0.3 * r)
            : p.name().endsWith("norm.weight") ? (float) (1 + 0.3 * r)
            : p.name().endsWith("embedding.weight") ? (float) (0.5 * r)
            : (float) (0.8 * r);
      }
    }
  }

  @ParameterizedTest(name = "d_model={0}")
  @CsvSource({"16, 1", "40, 3", "17, 2"})
  void init_followsTheReferenceCode(int dModel, int dtRank) {
    MambaConfig cfg = MambaConfig.of(dModel, 4, 5);
    var mixer = new MambaMixer("m", cfg, new SplittableRandom(1));
    assertThat(cfg.dtRank()).isEqualTo(dtRank);
    for (Parameter p : mixer.parameters()) {
      float[] v = p.data();
      switch (p.name()) {
        case "m.A_log" -> assertThat(v[3]).isEqualTo((float) Math.log(4)); // A = -(n+1)
        case "m.D" -> assertThat(v).containsOnly(1f);
        case "m.dt_proj.bias" -> {
          for (float b : v) {
            double dt = Math.log1p(Math.exp(b)); // softplus(bias) in [1e-3, 1e-1]
            assertThat(dt).isBetween(0.999e-3, 1.001e-1);
          }
        }
        case "m.out_proj.weight" -> {
          float bound = (float) (1 / Math.sqrt(cfg.dInner()) / Math.sqrt(4));
          for (float w : v) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo(bound);
          }
        }
        case "m.conv1d.weight" -> assertThat(p.shape()).containsExactly(cfg.dInner(), 1, 4);
        case "m.x_proj.weight" -> assertThat(p.shape())
            .containsExactly(dtRank + 32, cfg.dInner());
        default -> { }
      }
    }
  }
}
