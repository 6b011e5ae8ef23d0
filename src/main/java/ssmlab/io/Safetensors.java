package ssmlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length n, n bytes of
 * JSON header (padded with spaces), then the data buffer that the header's offsets index.
 *
 * <p>Reading checks the header completely ({@link SafetensorsHeader}) against the real file size
 * before it allocates anything for the data, so a malformed or hostile file gives a one-line
 * {@link IllegalArgumentException}, not a crash or a huge allocation. Writing produces F32
 * tensors in name order, atomically.
 */
public final class Safetensors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Safetensors() {}

  /** Reads and validates the header of {@code file} without reading the data buffer. */
  public static SafetensorsHeader readHeader(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return readHeader(ch, file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every tensor of {@code file} as float32. */
  public static Map<String, FloatTensor> read(Path file) {
    return read(file, null, Set.of());
  }

  /**
   * Reads a checkpoint that must hold exactly the tensors a model expects.
   *
   * @param expected tensor names and shapes the model needs; null accepts any tensors
   * @param optional names that may be present (with any shape, e.g. a tied head) or absent
   * @return the tensors by name, in the file's offset order
   */
  public static Map<String, FloatTensor> read(
      Path file, Map<String, int[]> expected, Set<String> optional) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      SafetensorsHeader header = readHeader(ch, file);
      if (expected != null) {
        checkNames(header, expected, optional);
      }
      Map<String, FloatTensor> out = new LinkedHashMap<>();
      for (TensorEntry e : header.tensors()) {
        if (e.numel() > Integer.MAX_VALUE - 16) {
          throw SafetensorsHeader.bad("tensor " + e.name() + " is too large to load ("
              + e.numel() + " elements)");
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(e.end() - e.begin()));
        long pos = header.dataStart() + e.begin();
        while (bytes.hasRemaining()) {
          int n = ch.read(bytes, pos + bytes.position());
          if (n < 0) {
            throw SafetensorsHeader.bad("file " + file + " ended early");
          }
        }
        out.put(e.name(), new FloatTensor(e.shape(), finite(e.name(), e.toFloats(bytes.flip()))));
      }
      return out;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values, if all are finite: a NaN or infinite weight would only give NaN logits. */
  private static float[] finite(String name, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw SafetensorsHeader.bad("tensor " + name + " holds " + values[i] + " at index " + i
            + " (weights must be finite)");
      }
    }
    return values;
  }

  private static void checkNames(
      SafetensorsHeader header, Map<String, int[]> expected, Set<String> optional) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, int[]> want : expected.entrySet()) {
      TensorEntry e = header.entry(want.getKey());
      if (e == null) {
        missing.add(want.getKey());
      } else if (!Arrays.equals(e.shape(), want.getValue())) {
        throw SafetensorsHeader.bad("tensor " + e.name() + " has shape "
            + Arrays.toString(e.shape()) + " but the model expects "
            + Arrays.toString(want.getValue()));
      }
    }
    if (!missing.isEmpty()) {
      throw SafetensorsHeader.bad("checkpoint lacks " + missing.size() + " tensor(s) the model "
          + "expects: " + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
          + (missing.size() > 5 ? ", ..." : ""));
    }
    for (TensorEntry e : header.tensors()) {
      if (!expected.containsKey(e.name()) && !optional.contains(e.name())) {
        throw SafetensorsHeader.bad("checkpoint has tensor " + e.name()
            + " that the model does not expect");
      }
    }
  }

  private static SafetensorsHeader readHeader(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw SafetensorsHeader.bad(file + " has " + size + " bytes, too short for a header");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, lengthBytes, 0);
    long n = lengthBytes.getLong(0);
    if (n < 0 || n > SafetensorsHeader.MAX_HEADER_BYTES) {
      throw SafetensorsHeader.bad("header length " + Long.toUnsignedString(n)
          + " is absurd (limit " + SafetensorsHeader.MAX_HEADER_BYTES + ")");
    }
    if (n > size - 8) {
      throw SafetensorsHeader.bad("header length " + n + " exceeds the file (" + size
          + " bytes)");
    }
    ByteBuffer json = ByteBuffer.allocate((int) n);
    readFully(ch, json, 8);
    return SafetensorsHeader.parse(json.array(), size - 8 - n);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, pos + buf.position()) < 0) {
        throw SafetensorsHeader.bad("file ended early");
      }
    }
  }

  /** Writes {@code tensors} as F32, in name order, with optional metadata, atomically. */
  public static void write(Path file, Map<String, String> metadata, Map<String, FloatTensor> tensors) {
    byte[] bytes = encode(metadata, tensors);
    AtomicFile.write(file, bytes);
  }

  /** The file content {@link #write} produces. */
  public static byte[] encode(Map<String, String> metadata, Map<String, FloatTensor> tensors) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      new TreeMap<>(metadata).forEach(meta::put);
    }
    long offset = 0;
    Map<String, FloatTensor> sorted = new TreeMap<>(tensors);
    for (Map.Entry<String, FloatTensor> t : sorted.entrySet()) {
      if (t.getKey().equals("__metadata__")) {
        throw new IllegalArgumentException("safetensors: a tensor may not be named __metadata__");
      }
      long bytes = 4L * t.getValue().data().length;
      ObjectNode e = header.putObject(t.getKey());
      e.put("dtype", "F32");
      var shape = e.putArray("shape");
      for (int d : t.getValue().shape()) {
        shape.add(d);
      }
      e.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset))
        .order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(padded).put(json);
    for (int i = json.length; i < padded; i++) {
      buf.put((byte) ' ');
    }
    for (FloatTensor t : sorted.values()) {
      for (float v : t.data()) {
        buf.putFloat(v);
      }
    }
    return buf.array();
  }
}
