package ssmlab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A number of bits as a function of the sequence length n, for {@code circuit scale
 * --precision-rule} and {@code --exponent-rule}: either linear in ceil(log2 n), written
 * {@code C*log2+A} (terms {@code log2}, {@code C*log2}, {@code A}, joined by {@code +} or
 * {@code -}, e.g. {@code 4*log2} or {@code 2*log2+4}), or a list of (n, bits) pairs, written
 * {@code N:B,N:B,...} (e.g. {@code 2:6,4:8,8:10}).
 */
sealed interface PrecisionRule {

  /** The largest coefficient a rule may have. */
  int MAX = 1000;

  /** The bits at length {@code n}; an error when the rule has none for it. */
  int at(int n);

  /** The lengths a list of pairs names (sorted), or an empty list for a formula. */
  List<Integer> lengths();

  /** {@code bits = a + c * ceil(log2 n)}. */
  record Log2(int a, int c) implements PrecisionRule {
    @Override
    public int at(int n) {
      return a + c * ceilLog2(n);
    }

    @Override
    public List<Integer> lengths() {
      return List.of();
    }

    @Override
    public String toString() {
      String log = (c == 1 ? "" : c + "*") + "ceil(log2 n)";
      return c == 0 ? "" + a : a == 0 ? log : log + (a > 0 ? "+" : "") + a;
    }
  }

  /** The bits of every listed length. */
  record Pairs(String option, Map<Integer, Integer> bits) implements PrecisionRule {
    @Override
    public int at(int n) {
      Integer b = bits.get(n);
      if (b == null) {
        throw new IllegalArgumentException(option + " has no value for n = " + n
            + " (it lists n = " + joined(bits.keySet()) + ")");
      }
      return b;
    }

    @Override
    public List<Integer> lengths() {
      return List.copyOf(bits.keySet());
    }

    @Override
    public String toString() {
      var s = new StringBuilder();
      bits.forEach((n, b) -> s.append(s.isEmpty() ? "" : ",").append(n).append(':').append(b));
      return s.toString();
    }
  }

  /** ceil(log2 n) for n >= 1. */
  static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  /** Parses {@code text}; {@code option} names the option in the errors. */
  static PrecisionRule parse(String option, String text) {
    String s = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException(option + " is empty; give e.g. 4*log2 or 2:6,4:8");
    }
    return s.contains(":") ? pairs(option, text, s) : log2(option, text, s);
  }

  private static PrecisionRule pairs(String option, String text, String s) {
    Map<Integer, Integer> bits = new TreeMap<>();
    for (String pair : s.split(",", -1)) {
      String[] nb = pair.split(":", -1);
      if (nb.length != 2) {
        throw bad(option, text, "'" + pair + "' is not N:BITS");
      }
      int n = number(option, text, nb[0]);
      int b = number(option, text, nb[1]);
      if (n < 1 || b < 1) {
        throw bad(option, text, "lengths and bits must be at least 1");
      }
      if (bits.put(n, b) != null) {
        throw bad(option, text, "n = " + n + " is listed twice");
      }
    }
    return new Pairs(option, Collections.unmodifiableMap(bits));
  }

  private static PrecisionRule log2(String option, String text, String s) {
    String norm = s.replace("ceil(log2(n))", "log2").replace("ceil(log2n)", "log2")
        .replace("log2(n)", "log2").replace("log2n", "log2");
    if (norm.startsWith("+") || norm.endsWith("+") || norm.endsWith("-")) {
      throw bad(option, text, "a term is missing");
    }
    long a = 0;
    long c = 0;
    boolean hasLog = false;
    for (String term : norm.split("(?=[+-])")) {
      int sign = term.startsWith("-") ? -1 : 1;
      String t = term.startsWith("+") || term.startsWith("-") ? term.substring(1) : term;
      if (t.equals("log2")) {
        c += sign;
        hasLog = true;
      } else if (t.endsWith("*log2")) {
        c += (long) sign * number(option, text, t.substring(0, t.length() - 5));
        hasLog = true;
      } else if (t.startsWith("log2*")) {
        c += (long) sign * number(option, text, t.substring(5));
        hasLog = true;
      } else {
        a += (long) sign * number(option, text, t);
      }
      if (Math.abs(a) > MAX || Math.abs(c) > MAX) {
        throw bad(option, text, "coefficients beyond " + MAX);
      }
    }
    if (!hasLog) {
      throw bad(option, text, "no log2 term (for a fixed number use --precision or "
          + "--exponent-bits)");
    }
    return new Log2((int) a, (int) c);
  }

  private static int number(String option, String text, String digits) {
    if (!digits.matches("\\d{1,9}")) {
      throw bad(option, text, "'" + digits + "' is not a number");
    }
    return Integer.parseInt(digits);
  }

  private static IllegalArgumentException bad(String option, String text, String why) {
    return new IllegalArgumentException(option + " '" + text + "': " + why
        + "; give C*log2+A (bits = C*ceil(log2 n) + A, e.g. 4*log2) or N:BITS pairs "
        + "(e.g. 2:6,4:8,8:10)");
  }

  private static String joined(Iterable<Integer> xs) {
    List<String> s = new ArrayList<>();
    xs.forEach(x -> s.add(x.toString()));
    return String.join(", ", s);
  }
}
