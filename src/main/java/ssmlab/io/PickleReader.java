package ssmlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the data of a Python pickle (protocols 2 to 4) without running anything: the opcodes that
 * {@code torch.save} of a state dict produces, into plain Java values. A str is a
 * {@link String}, an int a {@link Long}, a float a {@link Double}, a bool a {@link Boolean}, None
 * is null, a tuple an unmodifiable {@link List}, a list an {@link ArrayList}, a dict (and
 * {@code collections.OrderedDict()}) a {@link LinkedHashMap}; a global is a {@link Global}, any
 * other call a {@link Call}, a persistent id a {@link PersistentId}. {@code BUILD} state is
 * dropped. Anything else, and any inconsistency, is a one-line {@link IllegalArgumentException}.
 */
final class PickleReader {

  /** A module-level name, {@code module.name}. */
  record Global(String module, String name) {
    boolean is(String m, String n) {
      return module.equals(m) && name.equals(n);
    }
  }

  /** {@code callable(*args)}, not evaluated. */
  record Call(Global callable, List<Object> args) {}

  /** What the loader resolves, e.g. a storage. */
  record PersistentId(Object id) {}

  private static final Object MARK = new Object();

  private final ByteBuffer in;
  private final String where;
  private final List<Object> stack = new ArrayList<>();
  private final List<Integer> marks = new ArrayList<>();
  private final Map<Long, Object> memo = new HashMap<>();

  private PickleReader(byte[] data, String where) {
    this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    this.where = where;
  }

  /** The object {@code data} pickles; {@code where} names the source in errors. */
  static Object read(byte[] data, String where) {
    return new PickleReader(data, where).run();
  }

  private Object run() {
    while (true) {
      int op = u8();
      switch (op) {
        case 0x80 -> {
          int protocol = u8();
          if (protocol < 2 || protocol > 5) {
            throw bad("pickle protocol " + protocol + " is not supported");
          }
        }
        case 0x95 -> bytes(8);
        case 'c' -> push(new Global(line(), line()));
        case 0x93 -> {
          String name = string(pop());
          push(new Global(string(pop()), name));
        }
        case '(' -> {
          marks.add(stack.size());
          stack.add(MARK);
        }
        case ')' -> push(List.of());
        case 't' -> push(Collections.unmodifiableList(new ArrayList<>(popMark())));
        case 0x85, 0x86, 0x87 -> {
          int n = op - 0x84;
          List<Object> items = new ArrayList<>(stack.subList(stack.size() - onStack(n),
              stack.size()));
          stack.subList(stack.size() - n, stack.size()).clear();
          push(Collections.unmodifiableList(items));
        }
        case ']' -> push(new ArrayList<>());
        case '}' -> push(new LinkedHashMap<>());
        case 'a' -> {
          Object v = pop();
          list(peek()).add(v);
        }
        case 'e' -> {
          List<Object> items = popMark();
          list(peek()).addAll(items);
        }
        case 's' -> {
          Object v = pop();
          Object k = pop();
          dict(peek()).put(k, v);
        }
        case 'u' -> {
          List<Object> items = popMark();
          if (items.size() % 2 != 0) {
            throw bad("SETITEMS with an odd number of items");
          }
          Map<Object, Object> d = dict(peek());
          for (int i = 0; i < items.size(); i += 2) {
            d.put(items.get(i), items.get(i + 1));
          }
        }
        case 'R' -> {
          Object args = pop();
          Object f = pop();
          if (!(f instanceof Global g) || !(args instanceof List<?> a)) {
            throw bad("REDUCE needs a global and an argument tuple");
          }
          push(g.is("collections", "OrderedDict") && a.isEmpty() ? new LinkedHashMap<>()
              : new Call(g, List.copyOf(a)));
        }
        case 'b' -> {
          pop();
          Object target = peek();
          if (!(target instanceof Map<?, ?>) && !(target instanceof Call)) {
            throw bad("BUILD on a " + kind(target));
          }
        }
        case 'Q' -> push(new PersistentId(pop()));
        case 'X' -> push(utf8(bytes(len32())));
        case 0x8c -> push(utf8(bytes(u8())));
        case 0x8d -> push(utf8(bytes(len64())));
        case 'K' -> push((long) u8());
        case 'M' -> push((long) (ByteBuffer.wrap(bytes(2)).order(ByteOrder.LITTLE_ENDIAN)
            .getShort() & 0xffff));
        case 'J' -> push((long) ByteBuffer.wrap(bytes(4)).order(ByteOrder.LITTLE_ENDIAN)
            .getInt());
        case 0x8a -> push(long1());
        case 'G' -> push(ByteBuffer.wrap(bytes(8)).getDouble());
        case 'N' -> push(null);
        case 0x88 -> push(Boolean.TRUE);
        case 0x89 -> push(Boolean.FALSE);
        case 'q' -> memo.put((long) u8(), peek());
        case 'r' -> memo.put((long) len32(), peek());
        case 0x94 -> memo.put((long) memo.size(), peek());
        case 'h' -> push(recall(u8()));
        case 'j' -> push(recall(len32()));
        case '.' -> {
          Object result = pop();
          if (!stack.isEmpty()) {
            throw bad("STOP with " + stack.size() + " objects left on the stack");
          }
          return result;
        }
        default -> throw bad(String.format("opcode 0x%02x at byte %d is not supported", op,
            in.position() - 1));
      }
    }
  }

  private IllegalArgumentException bad(String what) {
    return new IllegalArgumentException(where + ": malformed or unsupported pickle (" + what + ")");
  }

  private int u8() {
    available(1, "a byte");
    return in.get() & 0xff;
  }

  private void available(int n, String what) {
    if (in.remaining() < n) {
      throw bad("ends inside " + what);
    }
  }

  private int onStack(int n) {
    if (stack.size() - (marks.isEmpty() ? 0 : marks.get(marks.size() - 1) + 1) < n) {
      throw bad("stack underflow");
    }
    return n;
  }

  private int len32() {
    available(4, "a length");
    int n = in.getInt();
    if (n < 0) {
      throw bad("negative length");
    }
    return n;
  }

  private int len64() {
    available(8, "a length");
    long n = in.getLong();
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw bad("length " + n);
    }
    return (int) n;
  }

  private byte[] bytes(int n) {
    available(n, "a " + n + "-byte field");
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private long long1() {
    int n = u8();
    if (n > 8) {
      throw bad("an int of " + n + " bytes");
    }
    byte[] b = bytes(n);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = v << 8 | (b[i] & 0xff);
    }
    if (n > 0 && n < 8 && b[n - 1] < 0) {
      v -= 1L << (8 * n);
    }
    return v;
  }

  private String line() {
    int end = in.position();
    while (end < in.limit() && in.get(end) != '\n') {
      end++;
    }
    if (end == in.limit()) {
      throw bad("ends inside a GLOBAL");
    }
    byte[] b = bytes(end - in.position());
    in.get();
    return utf8(b);
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private Object recall(long key) {
    if (!memo.containsKey(key)) {
      throw bad("memo key " + key + " was never stored");
    }
    return memo.get(key);
  }

  private void push(Object o) {
    stack.add(o);
  }

  private Object pop() {
    onStack(1);
    return stack.remove(stack.size() - 1);
  }

  private Object peek() {
    onStack(1);
    return stack.get(stack.size() - 1);
  }

  private List<Object> popMark() {
    if (marks.isEmpty()) {
      throw bad("no MARK");
    }
    int at = marks.remove(marks.size() - 1);
    List<Object> items = new ArrayList<>(stack.subList(at + 1, stack.size()));
    stack.subList(at, stack.size()).clear();
    return items;
  }

  private String string(Object o) {
    if (!(o instanceof String s)) {
      throw bad("expected a str, got a " + kind(o));
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o) {
    if (!(o instanceof ArrayList<?>)) {
      throw bad("APPEND to a " + kind(o));
    }
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw bad("SETITEM on a " + kind(o));
    }
    return (Map<Object, Object>) o;
  }

  private static String kind(Object o) {
    return o == null ? "None" : o == MARK ? "MARK" : o.getClass().getSimpleName();
  }
}
