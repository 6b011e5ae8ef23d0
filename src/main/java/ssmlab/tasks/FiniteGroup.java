package ssmlab.tasks;

import java.util.List;

/**
 * A finite group with elements numbered 0..order-1, each with a token name; the product is
 * taken first-factor-first, {@code multiply(a, b) = b after a} (paper, Definition C.9).
 */
interface FiniteGroup {

  /** Element names; an element's id is its index. */
  List<String> elements();

  default int order() {
    return elements().size();
  }

  int identity();

  /** The product of a then b; for permutations, {@code x -> b(a(x))}. */
  int multiply(int a, int b);

  int inverse(int a);

  /** Whether the group is solvable (its word problem is then in TC0, in fact ACC0). */
  boolean solvable();

  /** The group's name, e.g. {@code "A4xZ5"}. */
  String name();
}
