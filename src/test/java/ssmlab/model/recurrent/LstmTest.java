package ssmlab.model.recurrent;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModelContract;

final class LstmTest extends SequenceModelContract {
  @Override
  protected ModelConfig config() {
    return ModelConfig.of("lstm", 8, 12, 2);
  }
}
