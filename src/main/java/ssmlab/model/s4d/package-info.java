/**
 * S4D: a linear time-invariant state-space layer with a diagonal (real, negative) state matrix,
 * discretised by exact ZOH, computed in recurrent form (Definitions A.5-A.6 of the paper) or
 * convolution form (Definitions A.7-A.8), in the same residual language model as Mamba.
 */
package ssmlab.model.s4d;
