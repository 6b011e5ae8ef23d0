/**
 * The Mamba forward pass written once against {@link ssmlab.arith.Arithmetic}: run in double it
 * checks the fast float32 engine, in exact F_p it gives the paper's p-bit semantics, and over
 * circuit wires it compiles the model into a threshold circuit. The recurrence comes in the
 * sequential form hardware runs and the unrolled form of the paper's proofs ({@link ScanForm}).
 */
package ssmlab.model.mamba.reference;
