/**
 * Compiles the reference models into threshold circuits: {@link ssmlab.compile.MambaCircuit} runs
 * the Mamba reference forward over the circuit's wire arithmetic. Depends on {@code model} (the
 * reference forward) and {@code circuit} (gates and F_p circuits), which do not depend on it.
 */
package ssmlab.compile;
