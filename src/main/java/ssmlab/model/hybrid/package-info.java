/**
 * The {@code hybrid} family: Mamba and attention blocks interleaved in one residual stack
 * (Jamba), a layer pattern such as {@code MAMA} saying which block is which.
 */
package ssmlab.model.hybrid;
