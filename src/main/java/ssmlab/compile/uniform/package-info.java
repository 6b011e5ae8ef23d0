/**
 * The compiled models as programs addressed by arithmetic: the straight-line program of
 * {@code Arithmetic} calls that a reference forward makes at sequence length n, with the call at
 * any index, its arity and any operand computed from (n, index) in O(1) operations on
 * O(log n)-bit words, the first layer of a DLOGTIME-uniform family for the compiled Mamba.
 */
package ssmlab.compile.uniform;
