/**
 * S4D written once against {@link ssmlab.arith.Arithmetic}: the LTI state-space layer
 * ({@link ssmlab.model.s4d.reference.LtiSsm}) in its recurrent form and in the convolution form
 * of the paper's Definitions A.7-A.8, and the whole language model around it
 * ({@link ssmlab.model.s4d.reference.S4DReference}), which {@code ssmlab.compile} runs over
 * circuit wires.
 */
package ssmlab.model.s4d.reference;
