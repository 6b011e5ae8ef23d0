package ssmlab.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validated header of a safetensors file: the optional {@code __metadata__} strings and the
 * tensor entries, each checked against the size of the data buffer.
 *
 * <p>Checks: the header is a JSON object without duplicate keys; every entry has a known dtype, a
 * shape of non-negative integers and two integer offsets; {@code end - begin} equals
 * {@code prod(shape) * dtype.bytes()} (computed without overflow); the entries tile the data buffer
 * exactly, with no overlap, gap, or byte past its end (as the format requires).
 *
 * @param tensors entries in the order of their offsets
 * @param dataStart file offset of the data buffer: {@code 8 + header length}
 * @param dataLength bytes in the data buffer
 */
public record SafetensorsHeader(
    Map<String, String> metadata, List<TensorEntry> tensors, long dataStart, long dataLength) {

  /** Header lengths above this are refused (the Python library's limit is the same). */
  public static final long MAX_HEADER_BYTES = 100_000_000;

  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The entry named {@code name}, or null. */
  public TensorEntry entry(String name) {
    for (TensorEntry e : tensors) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Parses and checks a header.
   *
   * @param json the header bytes (UTF-8 JSON, maybe padded with spaces)
   * @param dataLength bytes that follow the header in the file
   */
  static SafetensorsHeader parse(byte[] json, long dataLength) {
    JsonNode root;
    try {
      root = STRICT.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw bad("header is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad("header is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<TensorEntry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String name = field.getKey();
      JsonNode node = field.getValue();
      if (name.equals("__metadata__")) {
        metadata.putAll(metadata(node));
      } else {
        entries.add(entry(name, node, dataLength));
      }
    }
    entries.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    long covered = 0;
    TensorEntry previous = null;
    for (TensorEntry e : entries) {
      if (e.begin() < covered) {
        throw bad("tensors " + previous.name() + " and " + e.name() + " overlap (bytes "
            + e.begin() + ".." + covered + ")");
      }
      if (e.begin() > covered) {
        throw bad("bytes " + covered + ".." + e.begin() + " of the data buffer belong to no tensor");
      }
      covered = e.end();
      previous = e;
    }
    if (covered != dataLength) {
      throw bad("the data buffer has " + dataLength + " bytes but the tensors cover " + covered);
    }
    return new SafetensorsHeader(Map.copyOf(metadata), List.copyOf(entries), 8 + json.length,
        dataLength);
  }

  private static Map<String, String> metadata(JsonNode node) {
    if (!node.isObject()) {
      throw bad("__metadata__ is not a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!f.getValue().isString()) {
        throw bad("__metadata__ value of '" + f.getKey() + "' is not a string");
      }
      out.put(f.getKey(), f.getValue().asString());
    }
    return out;
  }

  private static TensorEntry entry(String name, JsonNode node, long dataLength) {
    if (!node.isObject()) {
      throw bad("tensor " + name + " is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!List.of("dtype", "shape", "data_offsets").contains(f.getKey())) {
        throw bad("tensor " + name + " has unknown field '" + f.getKey() + "'");
      }
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isString()) {
      throw bad("tensor " + name + " has no string dtype");
    }
    DType dtype = DType.parse(dtypeNode.asString(), name);
    JsonNode shapeNode = node.get("shape");
    if (shapeNode == null || !shapeNode.isArray()) {
      throw bad("tensor " + name + " has no shape array");
    }
    int[] shape = new int[shapeNode.size()];
    long numel = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
        throw bad("tensor " + name + " has a bad dimension " + d + " in its shape");
      }
      shape[i] = d.asInt();
      numel = multiply(numel, shape[i], name);
    }
    JsonNode offsets = node.get("data_offsets");
    if (offsets == null || !offsets.isArray() || offsets.size() != 2
        || !offset(offsets.get(0)) || !offset(offsets.get(1))) {
      throw bad("tensor " + name + " needs data_offsets [begin, end] of two non-negative integers");
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    if (end < begin) {
      throw bad("tensor " + name + " has data_offsets [" + begin + ", " + end + "] with end < begin");
    }
    if (end > dataLength) {
      throw bad("tensor " + name + " ends at byte " + end + ", past the data buffer ("
          + dataLength + " bytes)");
    }
    long bytes = multiply(numel, dtype.bytes(), name);
    if (end - begin != bytes) {
      throw bad("tensor " + name + " has " + (end - begin) + " bytes but its shape and dtype need "
          + bytes);
    }
    return new TensorEntry(name, dtype, shape, begin, end);
  }

  private static boolean offset(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
  }

  private static long multiply(long a, long b, String name) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw bad("tensor " + name + " has an absurd size (overflows 64 bits)");
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }

  static IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("safetensors: " + what);
  }
}
