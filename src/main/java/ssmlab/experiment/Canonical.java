package ssmlab.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON this package reads and writes, and its canonical form: object keys sorted at every
 * level, no whitespace. Hashes of configurations are SHA-256 over the canonical form.
 */
public final class Canonical {
  /** Compact JSON; unknown properties are an error, so a typo in a spec is not silently lost. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Canonical() {}

  /** An unmodifiable copy sorted by key (empty for null), so maps print the same everywhere. */
  static Map<String, Object> sortedCopy(Map<String, Object> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** The canonical JSON text of {@code value}: sorted keys, compact. */
  public static String json(Object value) {
    return MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
  }

  /** The first {@code hexDigits} hex digits of SHA-256 over the canonical JSON of value. */
  public static String hash(Object value, int hexDigits) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(json(value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      names.sort(null);
      ObjectNode out = MAPPER.createObjectNode();
      for (String name : names) {
        out.set(name, sorted(object.get(name)));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = MAPPER.createArrayNode();
      array.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }
}
