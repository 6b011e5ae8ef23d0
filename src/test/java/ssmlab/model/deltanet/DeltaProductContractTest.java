package ssmlab.model.deltanet;

import ssmlab.model.ModelConfig;

/** The contract on DeltaProduct: two Householder steps per token, eigenvalues in [−1, 1]. */
final class DeltaProductContractTest extends DeltaNetContractTest {

  @Override
  protected ModelConfig config() {
    return super.config().with("eigenvalues", "-1,1").with("householder", 2);
  }
}
