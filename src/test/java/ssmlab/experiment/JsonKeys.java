package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The keys of JSON files, for tests of their spelling. */
public final class JsonKeys {
  private JsonKeys() {}

  /** Every key of {@code file}'s JSON, at every depth, as {@code path/key}. */
  public static List<String> of(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    collect(Canonical.MAPPER.readTree(Files.readString(file)), "", keys);
    return keys;
  }

  /** The keys of {@code file}'s top-level object, in the order they are written. */
  public static List<String> top(Path file) throws IOException {
    return List.copyOf(Canonical.MAPPER.readTree(Files.readString(file)).propertyNames());
  }

  /** The keys of {@code file}'s JSON that are not snake_case (an upper-case letter in them). */
  public static List<String> camelCase(Path file) throws IOException {
    return of(file).stream()
        .filter(k -> k.substring(k.lastIndexOf('/') + 1).chars().anyMatch(Character::isUpperCase))
        .toList();
  }

  private static void collect(JsonNode node, String path, List<String> keys) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        keys.add(path + "/" + e.getKey());
        collect(e.getValue(), path + "/" + e.getKey(), keys);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "/" + i, keys);
      }
    }
  }
}
