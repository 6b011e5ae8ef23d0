package ssmlab.model.ids4;

import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;

/** The engine's contract for every family, on a small IDS4. */
final class IDS4ContractTest extends SequenceModelContract {

  /** The family's init with an O(1) embedding ({@link #withOrderOneEmbedding}). */
  @Override
  protected SequenceModel create(long seed) {
    return withOrderOneEmbedding(Models.create(config(), seed), seed);
  }

  @Override
  protected ModelConfig config() {
    return ModelConfig.of("ids4", 8, 8, 1).with("d_state", 8);
  }
}
