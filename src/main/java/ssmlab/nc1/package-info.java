/**
 * NC1 problems and constructions: permutations, Boolean and arithmetic formulas, their parsers
 * and exact evaluators, Spira's balancing and Barrington's width-5 permutation branching programs.
 *
 * <p>Conventions: permutations are in one-line notation over 1..k ({@code "21345"} swaps 1 and 2);
 * products are taken first-factor-first, {@code p.then(q)(x) = q(p(x))}, as in Barrington's
 * paper and in the word problem's prefix products (paper, Definitions C.8-C.11).
 */
package ssmlab.nc1;
