package ssmlab.model.ids4;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;

/** The engine's contract for every family, on a small IDS4. */
final class IDS4ContractTest extends SequenceModelContract {

  private static final int N = 8;

  /**
   * The family's init with an O(1) embedding ({@link #withOrderOneEmbedding}), and
   * A_0[0][j] = 0.05 for j > 0: at the init the rows of A(x_t) are near ties for the
   * stabiliser's norm and its off-diagonal entries near 0, kinks that finite differences cannot
   * follow; now row 0 attains the norm with a margin and its entries keep their signs.
   */
  @Override
  protected SequenceModel create(long seed) {
    SequenceModel m = withOrderOneEmbedding(Models.create(config(), seed), seed);
    for (var p : m.parameters()) {
      if (p.name().endsWith("A_proj.bias")) {
        for (int j = 1; j < N; j++) {
          p.data()[j * N] += 0.05f; // index j*N + i holds A[i][j]
        }
      }
    }
    return m;
  }

  @Override
  protected ModelConfig config() {
    return ModelConfig.of("ids4", 8, 8, 1).with("d_state", N).with("transition_norm", "inf");
  }
}
