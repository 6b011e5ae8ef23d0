package ssmlab.experiment;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results format 2, as far as format 3 differs from it: the camelCase keys format 3 renamed, by
 * where they stand in a file ({@code /result/metrics/*}: every entry of that list). Keys inside
 * option maps are the options' own names and stay as they are.
 */
final class Format2 {
  private static final Map<String, String> SPEC_HASH = Map.of("specHash", "spec_hash");
  private static final Map<String, String> LENGTHS = Map.of(
      "trainLengths", "train_lengths", "testLengths", "test_lengths");
  private static final Map<String, String> RUN_SPEC = Map.of(
      "taskOptions", "task_options", "modelOptions", "model_options",
      "trainLengths", "train_lengths", "testLengths", "test_lengths",
      "trainOptions", "train_options");

  private static final Map<String, Map<String, String>> SWEEP_FILE = Map.of(
      "", SPEC_HASH, "/spec", LENGTHS, "/spec/tasks/*", LENGTHS);
  private static final Map<String, Map<String, String>> RUN_RECORD = Map.of(
      "", SPEC_HASH,
      "/spec", RUN_SPEC,
      "/result", Map.of("trainSeconds", "train_seconds", "trainLoss", "train_loss"),
      "/result/metrics/*", Map.of(
          "tokenAccuracy", "token_accuracy", "sequenceAccuracy", "sequence_accuracy"));
  private static final Map<String, Map<String, String>> SWEEP_SPEC_BACK = Map.of(
      "", inverse(LENGTHS), "/tasks/*", inverse(LENGTHS));
  private static final Map<String, Map<String, String>> RUN_SPEC_BACK = Map.of(
      "", inverse(RUN_SPEC));

  private Format2() {}

  /** Whether a result file's tree is of format 2. */
  static boolean isRunRecord(JsonNode tree) {
    return tree.has("specHash");
  }

  /** A format-2 {@code sweep.json} tree with the format-3 keys (its {@code format} still 2). */
  static JsonNode sweepFile(JsonNode format2) {
    return rename(format2, "", SWEEP_FILE);
  }

  /** A format-2 result file's tree with the format-3 keys (its id and spec hash still old). */
  static JsonNode runRecord(JsonNode format2) {
    return rename(format2, "", RUN_RECORD);
  }

  /** The spec hash format 2 gave {@code spec}: over its canonical JSON in format-2 keys. */
  static String specHash(SweepSpec spec) {
    return Canonical.hash(rename(Canonical.MAPPER.valueToTree(spec), "", SWEEP_SPEC_BACK),
        SweepSpec.HASH_DIGITS);
  }

  /** The run id format 2 gave {@code spec}. */
  static String runId(RunSpec spec) {
    return Canonical.hash(rename(Canonical.MAPPER.valueToTree(spec), "", RUN_SPEC_BACK),
        RunId.HEX_DIGITS);
  }

  private static JsonNode rename(JsonNode node, String path,
      Map<String, Map<String, String>> renames) {
    if (node instanceof ObjectNode object) {
      Map<String, String> here = renames.getOrDefault(path, Map.of());
      ObjectNode out = Canonical.MAPPER.createObjectNode();
      for (var e : object.properties()) {
        String name = here.getOrDefault(e.getKey(), e.getKey());
        if (out.has(name)) {
          throw new IllegalArgumentException("'" + name + "' is there twice, in two spellings, at "
              + (path.isEmpty() ? "the top" : path));
        }
        out.set(name, rename(e.getValue(), path + "/" + name, renames));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = Canonical.MAPPER.createArrayNode();
      array.forEach(element -> out.add(rename(element, path + "/*", renames)));
      return out;
    }
    return node;
  }

  private static Map<String, String> inverse(Map<String, String> map) {
    Map<String, String> out = new HashMap<>();
    map.forEach((k, v) -> out.put(v, k));
    return Map.copyOf(out);
  }
}
