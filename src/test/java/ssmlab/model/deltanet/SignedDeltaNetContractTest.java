package ssmlab.model.deltanet;

import ssmlab.model.ModelConfig;

/** The contract on DeltaNet with eigenvalues in [−1, 1] (β = 2σ). */
final class SignedDeltaNetContractTest extends DeltaNetContractTest {

  @Override
  protected ModelConfig config() {
    return super.config().with("eigenvalues", "-1,1");
  }
}
