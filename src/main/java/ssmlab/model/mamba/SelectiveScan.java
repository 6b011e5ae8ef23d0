package ssmlab.model.mamba;

import java.util.Arrays;

import ssmlab.nn.Buffers;
import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * The selective scan of Mamba-1 with its gate and skip, forward and hand-written backward, for a
 * batch of sequences (reference: {@code selective_scan_ref} in state-spaces/mamba and the
 * derivation in {@code mamba.md} section 6).
 *
 * <pre>
 * deltaA[t,d,n]  = exp(delta[t,d] * A[d,n])            (2*exp(...) - 1 for signed eigenvalues)
 * deltaB_u[t,d,n] = delta[t,d] * B[t,n] * u[t,d]       (ZOH: expm1(delta*A)/A * B * u)
 * s[t,d,n] = deltaA[t,d,n] * s[t-1,d,n] + deltaB_u[t,d,n],   s[-1] = 0
 * y[t,d]   = sum_n C[t,n] * s[t,d,n] + D[d] * u[t,d]
 * out[t,d] = y[t,d] * silu(z[t,d])
 * </pre>
 *
 * <p>Layouts: u, delta, z, y, out are (batch, L, D); B and C are (batch, L, N); A is (D, N) and
 * already negative ({@code -exp(A_log)}); the saved states are L D N floats per sequence, in
 * the layout of the {@link ScanKernel}, which holds the per-sequence loops. The scan runs
 * sequentially over t and independently over batch, channel and state (mamba.md section 7).
 */
public final class SelectiveScan {

  private final int length;
  private final int dInner;
  private final int dState;
  private final ScanKernel kernel;
  private float[] sigZ; // sigmoid(z) of the last forward, (batch, L, D)
  private float[] decay; // exp(delta*A) of the last forward, the states' size and layout
  private float[] partialA; // (batch, D, N)
  private float[] partialD; // (batch, D)

  public SelectiveScan(int length, int dInner, int dState, Eigenvalues eigenvalues,
      Discretization discretization) {
    this(length, dInner, dState, ScanKernel.of(dInner, dState, eigenvalues, discretization));
  }

  private SelectiveScan(int length, int dInner, int dState, ScanKernel kernel) {
    this.length = length;
    this.dInner = dInner;
    this.dState = dState;
    this.kernel = kernel;
  }

  /**
   * The same scan for sequences of {@code newLength}, taking over this one's work arrays (the
   * lengths of a training run change from step to step; this one is not to be used after).
   */
  public SelectiveScan forLength(int newLength) {
    var s = new SelectiveScan(newLength, dInner, dState, kernel);
    s.sigZ = sigZ;
    s.decay = decay;
    s.partialA = partialA;
    s.partialD = partialD;
    return s;
  }

  /** Floats the forward pass saves for the backward pass: the states, L D N per sequence. */
  public int stateSize(int batch) {
    return batch * length * dInner * dState;
  }

  /**
   * Forward pass.
   *
   * @param states (batch, L D N), overwritten with s in the kernel's layout (kept for
   *     {@link #backward})
   * @param y (batch, L, D), overwritten with the output before the gate (kept for backward)
   * @param out (batch, L, D), overwritten with {@code y * silu(z)}
   */
  public void forward(int batch, float[] u, float[] delta, float[] a, float[] bm, float[] cm,
      float[] dSkip, float[] z, float[] states, float[] y, float[] out) {
    sigZ = Buffers.atLeast(sigZ, batch * length * dInner);
    decay = Buffers.atLeast(decay, stateSize(batch));
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int xo = b * length * dInner;
        Kernels.sigmoid(z, xo, sigZ, xo, length * dInner);
        kernel.forward(length, xo, b * length * dState, u, delta, a, bm, cm, dSkip, z, sigZ,
            decay, states, y, out);
      }
    });
  }

  /**
   * Backward pass of the last {@link #forward} (same inputs): given dL/dout, the gradients of
   * every input.
   *
   * @param dOut (batch, L, D), not modified
   * @param du (batch, L, D), overwritten
   * @param dDelta (batch, L, D), overwritten
   * @param dA (D, N), accumulated: dL/dA (the caller turns it into dL/dA_log = dA * A)
   * @param dB (batch, L, N), overwritten
   * @param dC (batch, L, N), overwritten
   * @param dD (D), accumulated
   * @param dz (batch, L, D), overwritten
   */
  public void backward(int batch, float[] u, float[] delta, float[] a, float[] bm, float[] cm,
      float[] dSkip, float[] z, float[] states, float[] y, float[] dOut,
      float[] du, float[] dDelta, float[] dA, float[] dB, float[] dC, float[] dD, float[] dz) {
    int dn = dInner * dState;
    // dA and dD sum over the batch: each sequence adds into its own slice, and the slices are
    // summed in batch order afterwards, so the bits do not depend on the thread count.
    partialA = Buffers.atLeast(partialA, batch * dn);
    partialD = Buffers.atLeast(partialD, batch * dInner);
    Parallel.forRange(batch, 1, (b0, b1) -> {
      float[] carry = new float[dn];
      float[] sliceA = new float[dn];
      float[] sliceD = new float[dInner];
      for (int b = b0; b < b1; b++) {
        Arrays.fill(carry, 0f);
        Arrays.fill(sliceA, 0f);
        Arrays.fill(sliceD, 0f);
        int bo = b * length * dState;
        Arrays.fill(dB, bo, bo + length * dState, 0f);
        Arrays.fill(dC, bo, bo + length * dState, 0f);
        kernel.backward(length, b * length * dInner, bo, u, delta, a, bm, cm, dSkip, z, sigZ,
            decay, states, y, dOut, du, dDelta, sliceA, dB, dC, sliceD, dz, carry);
        System.arraycopy(sliceA, 0, partialA, b * dn, dn);
        System.arraycopy(sliceD, 0, partialD, b * dInner, dInner);
      }
    });
    for (int b = 0; b < batch; b++) {
      Kernels.axpy(1f, partialA, b * dn, dA, 0, dn);
      Kernels.axpy(1f, partialD, b * dInner, dD, 0, dInner);
    }
  }
}
