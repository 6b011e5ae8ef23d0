package ssmlab.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Emits Python pickle opcodes of protocol 2, the protocol {@code torch.save} uses; the caller
 * orders them as the unpickler's stack machine needs. No memo is written (the unpickler does not
 * need one).
 */
final class PickleWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  PickleWriter() {
    out.write(0x80);
    out.write(2);
  }

  /** {@code GLOBAL}: pushes {@code module.name}. */
  PickleWriter global(String module, String name) {
    out.write('c');
    out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** {@code MARK}: starts the items of a tuple, or of a dict's {@code SETITEMS}. */
  PickleWriter mark() {
    out.write('(');
    return this;
  }

  /** {@code TUPLE}: the items since the last mark as a tuple. */
  PickleWriter tuple() {
    out.write('t');
    return this;
  }

  /** {@code EMPTY_TUPLE}. */
  PickleWriter emptyTuple() {
    out.write(')');
    return this;
  }

  /** {@code REDUCE}: calls the callable below the argument tuple on top. */
  PickleWriter reduce() {
    out.write('R');
    return this;
  }

  /** {@code BINPERSID}: replaces the top with the object the loader finds for that id. */
  PickleWriter persistentId() {
    out.write('Q');
    return this;
  }

  /** {@code SETITEMS}: puts the key-value pairs since the last mark into the dict below. */
  PickleWriter setItems() {
    out.write('u');
    return this;
  }

  /** {@code NEWFALSE}. */
  PickleWriter falseValue() {
    out.write(0x89);
    return this;
  }

  /** {@code BINUNICODE}: a str. */
  PickleWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write('X');
    int32(b.length);
    out.writeBytes(b);
    return this;
  }

  /** An int: {@code BININT1}, {@code BININT2}, {@code BININT}, or {@code LONG1} beyond 32 bits. */
  PickleWriter integer(long v) {
    if (v >= 0 && v < 1 << 8) {
      out.write('K');
      out.write((int) v);
    } else if (v >= 0 && v < 1 << 16) {
      out.write('M');
      out.write((int) v & 0xff);
      out.write((int) (v >>> 8) & 0xff);
    } else if (v == (int) v) {
      out.write('J');
      int32((int) v);
    } else {
      out.write(0x8a);
      out.write(8);
      for (int i = 0; i < 8; i++) {
        out.write((int) (v >>> (8 * i)) & 0xff);
      }
    }
    return this;
  }

  /** A tuple of ints. */
  PickleWriter intTuple(long[] values) {
    if (values.length == 0) {
      return emptyTuple();
    }
    mark();
    for (long v : values) {
      integer(v);
    }
    return tuple();
  }

  /** {@code STOP}, and the pickle. */
  byte[] finish() {
    out.write('.');
    return out.toByteArray();
  }

  private void int32(int v) {
    for (int i = 0; i < 4; i++) {
      out.write((v >>> (8 * i)) & 0xff);
    }
  }
}
