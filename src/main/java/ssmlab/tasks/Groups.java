package ssmlab.tasks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups by name, as in the word-problem literature: {@code S5}, {@code A5}, {@code Z60}, and
 * direct products joined by {@code x} or {@code _x_} ({@code A4xZ5}, {@code A4_x_Z5}).
 */
final class Groups {

  private static final Pattern FACTOR = Pattern.compile("([SAZ])(\\d{1,6})");

  private Groups() {}

  static FiniteGroup byName(String name) {
    String[] parts = name.strip().toUpperCase(Locale.ROOT).replace("_X_", "X").split("X", -1);
    FiniteGroup g = null;
    for (String part : parts) {
      FiniteGroup f = factor(part, name);
      g = g == null ? f : new ProductGroup(g, f);
    }
    return g;
  }

  private static FiniteGroup factor(String part, String name) {
    Matcher m = FACTOR.matcher(part);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "unknown group: " + name + " (use S<k>, A<k>, Z<n> and products like A4xZ5)");
    }
    int k = Integer.parseInt(m.group(2));
    return switch (m.group(1)) {
      case "S" -> PermutationGroup.symmetric(k);
      case "A" -> PermutationGroup.alternating(k);
      default -> {
        if (k < 1 || k > 100_000) {
          throw new IllegalArgumentException("Z<n> needs n in 1..100000, got " + name);
        }
        yield new CyclicGroup(k);
      }
    };
  }
}
