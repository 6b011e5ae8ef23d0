package ssmlab.model.s4d.reference;

/** Which of {@link LtiSsm}'s two forms computes the SSM, and so where it rounds. */
public enum LtiForm {
  /** {@code s_t = Abar s_(t-1) + Bbar u_t}, rounding every step (Definitions A.5-A.6). */
  RECURRENT,
  /**
   * {@code y_t = sum_(k <= t) K_k u_(t-k) + D u_t}, the kernel K by iterated products and sums
   * (Definitions A.7-A.8, Lemma 4.3): constant depth as a circuit.
   */
  CONVOLUTION
}
