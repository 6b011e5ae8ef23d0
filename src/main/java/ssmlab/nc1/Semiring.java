package ssmlab.nc1;

/**
 * A finite semiring on {0..size-1} for arithmetic formulas (paper, Definition C.1): the ring Z_m
 * ({@code + - *} mod m) or the Boolean semiring ({@code +} = or, {@code *} = and, no minus).
 */
public sealed interface Semiring {

  int size();

  int add(int a, int b);

  int multiply(int a, int b);

  /** a - b; throws {@link IllegalArgumentException} where the semiring has no minus. */
  int subtract(int a, int b);

  boolean hasSubtraction();

  String name();

  /** {@code op} applied, op one of {@code + - *}. */
  default int apply(char op, int a, int b) {
    return switch (op) {
      case '+' -> add(a, b);
      case '-' -> subtract(a, b);
      case '*' -> multiply(a, b);
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  /** The integers modulo m. */
  record Zm(int m) implements Semiring {
    public Zm {
      if (m < 2) {
        throw new IllegalArgumentException("--m must be at least 2, got " + m);
      }
    }

    @Override
    public int size() {
      return m;
    }

    @Override
    public int add(int a, int b) {
      return (a + b) % m;
    }

    @Override
    public int multiply(int a, int b) {
      return (int) ((long) a * b % m);
    }

    @Override
    public int subtract(int a, int b) {
      return ((a - b) % m + m) % m;
    }

    @Override
    public boolean hasSubtraction() {
      return true;
    }

    @Override
    public String name() {
      return "Z" + m;
    }
  }

  /** ({0, 1}, or, and). */
  record Bool() implements Semiring {
    @Override
    public int size() {
      return 2;
    }

    @Override
    public int add(int a, int b) {
      return a | b;
    }

    @Override
    public int multiply(int a, int b) {
      return a & b;
    }

    @Override
    public int subtract(int a, int b) {
      throw new IllegalArgumentException("the Boolean semiring has no minus");
    }

    @Override
    public boolean hasSubtraction() {
      return false;
    }

    @Override
    public String name() {
      return "Boolean";
    }
  }
}
