/**
 * F_p: the paper's p-bit floating point (Definitions A.1-A.3, after Chiang), exactly.
 *
 * <p>{@link ssmlab.fp.FloatFormat} is a format (p significand bits, q exponent bits) and holds
 * every operation; {@link ssmlab.fp.FloatP} is an immutable value. Each operation computes the
 * exact result and rounds it once to the nearest float, ties to even: + - * /, sqrt, floor,
 * comparison, the iterated sum and product of Lemma 3.12 (one rounding for n terms), and exp, ln,
 * sigmoid, softplus and SiLU, correctly rounded through interval enclosures (so within the 2^-p
 * relative error of Lemmas 3.14, 3.15 and B.3). {@link ssmlab.fp.PaperOps} writes Definition A.3
 * literally with the {@code a // b} device; {@link ssmlab.fp.FpExpression} evaluates expressions.
 * docs/fp.md describes the number system, range handling and the error arguments.
 */
package ssmlab.fp;
