package ssmlab.model.s4d;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;

/** The engine's contract for every family, on a small S4D. */
final class S4DContractTest extends SequenceModelContract {

  /**
   * The family's init with O(1) values in place of the tiny ones (embedding std 0.02, delta
   * down to 1e-3): at the reference init the delta-path gradients are ~1e-7, below the float32
   * noise of finite differences, and a step of 5e-3 on a std-0.02 embedding probes the RMSNorm
   * far outside its linear range. The reference init itself is checked in MambaMixerTest.
   */
  @Override
  protected SequenceModel create(long seed) {
    SequenceModel m = withOrderOneEmbedding(Models.create(config(), seed), seed);
    for (var p : m.parameters()) {
      if (p.name().endsWith("log_dt")) {
        java.util.Arrays.fill(p.data(), (float) Math.log(0.4));
      }
    }
    return m;
  }

  @Override
  protected ModelConfig config() {
    return ModelConfig.of("s4d", 8, 8, 1).with("d_state", 4);
  }
}
