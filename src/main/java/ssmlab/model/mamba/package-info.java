/**
 * Mamba-1 as the reference code (state-spaces/mamba) computes it: the causal depthwise
 * convolution, the selective scan with its hand-written backward, the mixer, and the language
 * model with mamba_ssm's parameter names and {@code config.json}.
 *
 * <p>Variants: the Grazzi et al. signed eigenvalues ({@link ssmlab.model.mamba.Eigenvalues}) and
 * the paper's exact ZOH discretisation of B ({@link ssmlab.model.mamba.Discretization}).
 */
package ssmlab.model.mamba;
