package ssmlab.model.mamba;

import ssmlab.tensor.Simd;

/**
 * The loops of {@link SelectiveScan} over one sequence: a scalar reference for every variant and
 * two Vector API versions, with channels ({@link ChannelScan}) or states ({@link VectorScan}) in
 * the lanes.
 *
 * <p>Offsets: {@code xo} indexes the (L, D) arrays of this sequence, {@code xo * N} its states,
 * {@code bo} its (L, N) arrays. {@code sigZ} holds {@code sigmoid(z)}; {@code decay}, shaped as
 * the states, is work space the forward pass may fill with {@code exp(delta*A)} for the backward
 * pass to read. The layout of {@code states}, {@code decay} and {@code carry} is the kernel's own
 * (the scalar and state-lane kernels: (L, D, N) and (D, N); the channel-lane one: tiles of one
 * vector of channels): only the kernel that wrote them reads them.
 */
sealed interface ScanKernel permits ScalarScan, VectorScan, ChannelScan {

  void forward(int length, int xo, int bo, float[] u, float[] delta, float[] a, float[] bm,
      float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay, float[] states, float[] y,
      float[] out);

  /**
   * The reverse sweep. {@code carry} (D, N) holds {@code deltaA[t+1] * g[t+1]}, the part of
   * dL/ds[t] that comes from step t+1; it is zero on entry.
   */
  void backward(int length, int xo, int bo, float[] u, float[] delta, float[] a, float[] bm,
      float[] cm, float[] dSkip, float[] z, float[] sigZ, float[] decay, float[] states, float[] y,
      float[] dOut,
      float[] du, float[] dDelta, float[] dA, float[] dB, float[] dC, float[] dD, float[] dz,
      float[] carry);

  /**
   * With SIMD on, the channel-lane kernel where D is a whole number of vectors, else the
   * state-lane one where N is; else the scalar reference.
   */
  static ScanKernel of(int dInner, int dState, Eigenvalues ev, Discretization disc) {
    if (Simd.ENABLED && ChannelScan.supports(dInner)) {
      return new ChannelScan(dInner, dState, ev, disc);
    }
    if (Simd.ENABLED && VectorScan.supports(dState)) {
      return new VectorScan(dInner, dState, ev, disc);
    }
    return new ScalarScan(dInner, dState, ev, disc);
  }
}
