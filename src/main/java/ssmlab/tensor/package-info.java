/**
 * Float32 kernels for the training engine.
 *
 * <p>Tensors are flat row-major {@code float[]} arrays; a tensor of shape (batch, len, dim) stores
 * element (b, t, i) at {@code (b * len + t) * dim + i}. Every kernel has a scalar reference
 * ({@link ssmlab.tensor.ScalarKernels}, {@link ssmlab.tensor.ScalarGemm}) and a Vector API version
 * ({@link ssmlab.tensor.VectorKernels}, {@link ssmlab.tensor.VectorGemm}); the facades
 * {@link ssmlab.tensor.Gemm} and {@link ssmlab.tensor.Kernels} pick one by the system property
 * {@code ssmlab.simd} (default {@code true}; {@code -Dssmlab.simd=false} selects the scalar path).
 *
 * <p>Work is split over a fixed pool ({@link ssmlab.tensor.Parallel}) by output element: each
 * output is computed by one thread in a fixed order, so results are bit-identical for a given
 * input whatever the thread count. Kernels allocate nothing per call beyond per-thread packing
 * buffers that are reused.
 */
package ssmlab.tensor;
