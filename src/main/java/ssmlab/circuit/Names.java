package ssmlab.circuit;

/**
 * Net names for text exports: constants, input bits as {@code port[bit]} (or {@code port_bit}
 * for flat formats), gates as {@code g<id>}; port names made into identifiers.
 */
final class Names {
  private final Circuit c;
  private final String[] inputName;

  Names(Circuit c, boolean flat) {
    this.c = c;
    this.inputName = new String[c.inputBits()];
    int i = 0;
    for (Port p : c.inputs()) {
      for (int b = 0; b < p.width(); b++) {
        inputName[i++] = bit(identifier(p.name()), b, flat);
      }
    }
  }

  static String bit(String port, int b, boolean flat) {
    return flat ? port + "_" + b : port + "[" + b + "]";
  }

  /** The net of wire {@code g}: an input bit, or {@code g<id>}; constants are the caller's. */
  String of(int g) {
    int i = g - 2;
    return i >= 0 && i < inputName.length ? inputName[i] : "g" + g;
  }

  static String identifier(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_]", "_");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "p_" + s : s;
  }
}
