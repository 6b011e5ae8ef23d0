/**
 * F_p as threshold circuits: every operation of {@link ssmlab.fp.FloatFormat} built from the
 * constant-depth integer blocks of {@code ssmlab.circuit.tc0}, bit for bit equal to the Java
 * implementation, and {@link ssmlab.circuit.fp.WireArithmetic}, the {@code Arithmetic} whose
 * operations emit gates. docs/circuits.md lists the constructions, their depths and sizes.
 */
package ssmlab.circuit.fp;
