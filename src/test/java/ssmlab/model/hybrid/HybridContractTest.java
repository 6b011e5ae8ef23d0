package ssmlab.model.hybrid;

import java.util.Map;

import org.junit.jupiter.api.Nested;

import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.model.SequenceModelContract;

/**
 * The model contract for two hybrids, Mamba first with rotary attention and attention first with
 * ALiBi, with O(1) weights ({@link OrderOneWeights}).
 */
final class HybridContractTest {

  @Nested
  final class MambaThenRotaryAttention extends SequenceModelContract {
    @Override
    protected SequenceModel create(long seed) {
      return OrderOneWeights.create(config(), seed);
    }

    @Override
    protected ModelConfig config() {
      return new ModelConfig("hybrid", 8, 16, 2, Map.of("pattern", "MA", "heads", "2",
          "pos", "rope", "d_state", "4"));
    }
  }

  @Nested
  final class AlibiAttentionThenMamba extends SequenceModelContract {
    @Override
    protected SequenceModel create(long seed) {
      return OrderOneWeights.create(config(), seed);
    }

    @Override
    protected ModelConfig config() {
      return new ModelConfig("hybrid", 8, 16, 2, Map.of("pattern", "AM", "heads", "2",
          "pos", "alibi", "d_state", "4"));
    }
  }
}
