/**
 * DeltaNet (Yang et al., NeurIPS 2024, "Parallelizing Linear Transformers with the Delta Rule
 * over Sequence Length"): linear attention whose matrix state is updated by the delta rule, a
 * generalised Householder transition per token; with Grazzi et al.'s (ICLR 2025) negative
 * eigenvalues and Siems et al.'s (2025) DeltaProduct, several Householder steps per token.
 */
package ssmlab.model.deltanet;
