/**
 * The LTI state-space layer of S4D written once against {@link ssmlab.arith.Arithmetic}, in its
 * recurrent form and in the convolution form of the paper's Definitions A.7-A.8.
 */
package ssmlab.model.s4d.reference;
