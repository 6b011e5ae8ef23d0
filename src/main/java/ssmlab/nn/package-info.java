/**
 * Layers with forward and backward passes, on top of the {@link ssmlab.tensor} kernels.
 *
 * <p>The layer convention (the contract every layer, here or in a model family, follows):
 * <ul>
 *   <li>Activations are flat row-major {@code float[]} of shape (batch, len, dim): element
 *       (b, t, i) sits at {@code (b*len + t)*dim + i}. A "row" is one token, so there are
 *       {@code batch*len} rows.
 *   <li>{@link ssmlab.nn.Layer#forward} caches what backward needs (it keeps a reference to its
 *       input, which the caller must not modify until backward) and returns an output buffer the
 *       layer owns; the buffer is reused by the next forward, so copy it if you need it longer.
 *   <li>{@link ssmlab.nn.Layer#backward} takes the gradient of the loss with respect to the
 *       output, <em>adds</em> the parameter gradients into {@link ssmlab.nn.Parameter#grad()} and
 *       returns the gradient with respect to the input, again in a layer-owned buffer.
 *   <li>Buffers are allocated when the shape changes and reused otherwise ({@link
 *       ssmlab.nn.Buffers#ensure}): a training step allocates nothing once shapes are fixed.
 *   <li>Parameters carry hierarchical names ({@code layers.0.mixer.in_proj.weight}) that match
 *       the reference code, so checkpoints and reports use the names people know.
 * </ul>
 */
package ssmlab.nn;
