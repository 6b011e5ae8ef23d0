/**
 * Compiles the reference models into threshold circuits: {@link ssmlab.compile.MambaCircuit} runs
 * the Mamba reference forward over the circuit's wire arithmetic, {@link ssmlab.compile.S4DCircuit}
 * the S4D one (the convolution form of Lemma 4.3), and {@link ssmlab.compile.ModelCircuit} picks
 * one by the checkpoint's family. Depends on {@code model} (the reference forwards) and
 * {@code circuit} (gates and F_p circuits), which do not depend on it.
 */
package ssmlab.compile;
