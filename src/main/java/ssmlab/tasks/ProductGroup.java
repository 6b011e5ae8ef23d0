package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct product G x H: element (g, h) has id {@code g * |H| + h} and the name
 * {@code "<g>:<h>"}, e.g. {@code "2143:3"} in A4 x Z5; products componentwise.
 */
final class ProductGroup implements FiniteGroup {

  private final FiniteGroup g;
  private final FiniteGroup h;
  private final List<String> elements;

  ProductGroup(FiniteGroup g, FiniteGroup h) {
    this.g = g;
    this.h = h;
    long order = (long) g.order() * h.order();
    if (order > 100_000) {
      throw new IllegalArgumentException("group " + name() + " is too large: order " + order);
    }
    List<String> names = new ArrayList<>((int) order);
    for (String a : g.elements()) {
      for (String b : h.elements()) {
        names.add(a + ":" + b);
      }
    }
    this.elements = List.copyOf(names);
  }

  @Override
  public List<String> elements() {
    return elements;
  }

  @Override
  public int identity() {
    return g.identity() * h.order() + h.identity();
  }

  @Override
  public int multiply(int a, int b) {
    int n = h.order();
    return g.multiply(a / n, b / n) * n + h.multiply(a % n, b % n);
  }

  @Override
  public int inverse(int a) {
    int n = h.order();
    return g.inverse(a / n) * n + h.inverse(a % n);
  }

  @Override
  public boolean solvable() {
    return g.solvable() && h.solvable();
  }

  @Override
  public String name() {
    return g.name() + "x" + h.name();
  }
}
