package ssmlab.model.recurrent;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModelContract;

final class RnnTest extends SequenceModelContract {
  @Override
  protected ModelConfig config() {
    return ModelConfig.of("rnn", 8, 12, 2);
  }
}
