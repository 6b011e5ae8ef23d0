/**
 * The seam between one model definition and its meanings: {@link ssmlab.arith.Arithmetic} with
 * {@link ssmlab.arith.DoubleArithmetic} and {@link ssmlab.arith.FloatPArithmetic} here, and the
 * circuit's wire arithmetic in {@code ssmlab.circuit.fp}.
 */
package ssmlab.arith;
