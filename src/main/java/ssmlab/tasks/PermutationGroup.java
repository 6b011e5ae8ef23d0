package ssmlab.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ssmlab.nc1.Perm;

/**
 * The symmetric group S_k or the alternating group A_k, elements in one-line notation over 1..k
 * in lexicographic order; products from a table up to order 1,000, computed above.
 */
final class PermutationGroup implements FiniteGroup {

  static final int MAX_DEGREE = 8;
  private static final int TABLE_LIMIT = 1000;

  private final String name;
  private final int degree;
  private final List<Perm> perms;
  private final List<String> elements;
  private final Map<Perm, Integer> ids;
  private final int[] table; // table[a * order + b] = a then b, or null above TABLE_LIMIT
  private final int identity;

  private PermutationGroup(String name, int degree, List<Perm> perms) {
    this.name = name;
    this.degree = degree;
    this.perms = List.copyOf(perms);
    List<String> names = new ArrayList<>(perms.size());
    this.ids = HashMap.newHashMap(perms.size());
    for (int i = 0; i < perms.size(); i++) {
      names.add(perms.get(i).toString());
      ids.put(perms.get(i), i);
    }
    this.elements = List.copyOf(names);
    this.identity = ids.get(Perm.identity(degree));
    int n = perms.size();
    if (n <= TABLE_LIMIT) {
      table = new int[n * n];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          table[a * n + b] = ids.get(perms.get(a).then(perms.get(b)));
        }
      }
    } else {
      table = null;
    }
  }

  static PermutationGroup symmetric(int k) {
    checkDegree(k);
    return new PermutationGroup("S" + k, k, Perm.all(k));
  }

  static PermutationGroup alternating(int k) {
    checkDegree(k);
    return new PermutationGroup("A" + k, k, Perm.all(k).stream().filter(Perm::isEven).toList());
  }

  private static void checkDegree(int k) {
    if (k < 1 || k > MAX_DEGREE) {
      throw new IllegalArgumentException(
          "permutation degree must be in 1.." + MAX_DEGREE + ", got " + k);
    }
  }

  Perm perm(int id) {
    return perms.get(id);
  }

  int id(Perm p) {
    Integer id = ids.get(p);
    if (id == null) {
      throw new IllegalArgumentException(p + " is not in " + name);
    }
    return id;
  }

  @Override
  public List<String> elements() {
    return elements;
  }

  @Override
  public int identity() {
    return identity;
  }

  @Override
  public int multiply(int a, int b) {
    if (table != null) {
      return table[a * perms.size() + b];
    }
    return ids.get(perms.get(a).then(perms.get(b)));
  }

  @Override
  public int inverse(int a) {
    return ids.get(perms.get(a).inverse());
  }

  @Override
  public boolean solvable() {
    return degree <= 4;
  }

  @Override
  public String name() {
    return name;
  }
}
