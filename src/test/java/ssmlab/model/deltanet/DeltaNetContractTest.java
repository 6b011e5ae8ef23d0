package ssmlab.model.deltanet;

import java.util.SplittableRandom;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;
import ssmlab.nn.GradCheck;

/** The engine's contract for every family, on a small DeltaNet with eigenvalues in [0, 1]. */
class DeltaNetContractTest extends SequenceModelContract {

  /**
   * The family's init with an O(1) embedding in place of std 0.02: a finite-difference step of
   * 5e-3 on a std-0.02 embedding probes the RMSNorm far outside its linear range.
   */
  @Override
  protected SequenceModel create(long seed) {
    SequenceModel m = Models.create(config(), seed);
    for (var p : m.parameters()) {
      if (p.name().endsWith("embedding.weight")) {
        float[] r = GradCheck.randomProjection(p.size(), new SplittableRandom(seed));
        System.arraycopy(r, 0, p.data(), 0, r.length);
      }
    }
    return m;
  }

  @Override
  protected ModelConfig config() {
    return ModelConfig.of("deltanet", 8, 8, 1).with("heads", 2);
  }
}
