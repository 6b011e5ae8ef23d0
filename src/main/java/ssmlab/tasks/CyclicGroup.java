package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;

/** The cyclic group Z_n: elements "0".."n-1", the product is addition mod n. */
final class CyclicGroup implements FiniteGroup {

  private final int n;
  private final List<String> elements;

  CyclicGroup(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Z_n needs n at least 1, got " + n);
    }
    this.n = n;
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(Integer.toString(i));
    }
    this.elements = List.copyOf(names);
  }

  @Override
  public List<String> elements() {
    return elements;
  }

  @Override
  public int identity() {
    return 0;
  }

  @Override
  public int multiply(int a, int b) {
    int s = a + b;
    return s >= n ? s - n : s;
  }

  @Override
  public int inverse(int a) {
    return a == 0 ? 0 : n - a;
  }

  @Override
  public boolean solvable() {
    return true;
  }

  @Override
  public String name() {
    return "Z" + n;
  }
}
