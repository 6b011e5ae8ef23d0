package ssmlab.circuit.fp;

import ssmlab.circuit.CircuitBuilder;
import ssmlab.fp.FpAlgebra;

/** {@link WireAlgebra} (package-private) for the tests of other packages. */
public final class WireAlgebras {
  private WireAlgebras() {}

  /** The algebra whose operations build their F_p circuits into {@code b}. */
  public static FpAlgebra<FpWires> on(CircuitBuilder b) {
    return new WireAlgebra(b);
  }
}
