package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A results folder of format 2 (camelCase keys) written as text, in the shape ssmlab wrote before
 * format 3: a sweep of two tasks (a5 with lengths of its own) x s4d at two depths, four runs. Each
 * id and the spec hash are SHA-256 over the canonical camelCase JSON, computed here from the text.
 */
public final class Format2Fixture {
  /** The same sweep as a spec file in today's spelling: it claims the migrated folder. */
  public static final String SPEC = """
      name: fixture-s5
      tasks:
        - {name: a5, train_lengths: ["2-3"], test_lengths: [3]}
        - s5
      models: [s4d]
      layers: [1, 2]
      widths: [8]
      train_lengths: ["2-4"]
      test_lengths: [2, 4]
      seeds: [1]
      train: {steps: 10, batch: 4, lr: 0.002, options: {eval_samples: 8, warmup: 1}}
      """;

  /** {@code results table} of the fixture (best seed, sequence accuracy), worked out by hand. */
  public static final String TABLE = """
      | task | model | layers | n=2 | n=3 | n=4 | mean |
      |---|---|---|---|---|---|---|
      | a5 | s4d | 1 |  | 0.50 |  | 0.50 |
      | a5 | s4d | 2 |  | 1.00 |  | 1.00 |
      | s5 | s4d | 1 | 0.50 |  | 0.25 | 0.38 |
      | s5 | s4d | 2 | 0.75 |  | 0.00 | 0.38 |
      """;

  private static final String SWEEP = """
      {
        "format" : 2,
        "specHash" : "HASH",
        "spec" : {
          "name" : "fixture-s5",
          "tasks" : [ {
            "name" : "a5",
            "options" : { },
            "trainLengths" : [ "2..3" ],
            "testLengths" : [ 3 ]
          }, {
            "name" : "s5",
            "options" : { },
            "trainLengths" : null,
            "testLengths" : null
          } ],
          "models" : [ {
            "name" : "s4d",
            "model" : "s4d",
            "options" : { }
          } ],
          "layers" : [ 1, 2 ],
          "widths" : [ 8 ],
          "trainLengths" : [ "2..4" ],
          "testLengths" : [ 2, 4 ],
          "seeds" : [ 1 ],
          "train" : {
            "steps" : 10,
            "batch" : 4,
            "lr" : 0.002,
            "options" : {
              "eval_samples" : 8,
              "warmup" : 1
            }
          }
        }
      }
      """;

  /** One run: task, layers, train range, test lengths, then its result. */
  private static final String RUN = """
      {"id":"ID","sweep":"fixture-s5","specHash":"HASH","spec":{"task":"TASK","taskOptions":{},\
      "model":"s4d","label":"s4d","modelOptions":{"d_model":8,"d_state":64,"layers":LAYERS},\
      "trainLengths":"TRAIN","testLengths":TESTS,"steps":10,"batch":4,"lr":0.002,\
      "trainOptions":{"eval_samples":8,"warmup":1},"seed":1},"result":RESULT,\
      "provenance":{"commit":"cc7866ae9a6cdb387aa8d6d2f1777467b4e21af1","dirty":false,\
      "version":"development","jdk":"25.0.3+9-LTS","simd":true,"threads":1,\
      "command":["sweep","fixture.yaml","--out","results/fixture-s5"]}}
      """;

  private static final List<String[]> RUNS = List.of(
      new String[] {"a5", "1", "2..3", "[3]", """
          {"metrics":[{"length":3,"tokenAccuracy":0.75,"sequenceAccuracy":0.5,"loss":0.7,\
          "sequences":8,"unlabelled":0}],"trainSeconds":1.25,"trainLoss":0.5}"""},
      new String[] {"a5", "2", "2..3", "[3]", """
          {"metrics":[{"length":3,"tokenAccuracy":1.0,"sequenceAccuracy":1.0,"loss":0.01}],\
          "trainSeconds":2.5,"trainLoss":0.01}"""},
      new String[] {"s5", "1", "2..4", "[2,4]", """
          {"metrics":[{"length":2,"tokenAccuracy":0.625,"sequenceAccuracy":0.5,"loss":0.9,\
          "sequences":8,"unlabelled":0},{"length":4,"tokenAccuracy":0.5,"sequenceAccuracy":0.25,\
          "loss":1.5,"sequences":8,"unlabelled":0}],"trainSeconds":3.0,"trainLoss":1.1}"""},
      new String[] {"s5", "2", "2..4", "[2,4]", """
          {"metrics":[{"length":2,"tokenAccuracy":0.875,"sequenceAccuracy":0.75,"loss":"NaN",\
          "sequences":8,"unlabelled":0},{"length":4,"tokenAccuracy":0.25,"sequenceAccuracy":0.0,\
          "loss":"NaN","sequences":8,"unlabelled":0}],"trainSeconds":4.0,"trainLoss":"NaN"}"""});

  private Format2Fixture() {}

  /** Writes the folder into {@code dir} and returns the run ids (format 2), in file order. */
  public static List<String> write(Path dir) throws IOException {
    ObjectNode sweep = (ObjectNode) Canonical.MAPPER.readTree(SWEEP);
    String hash = Canonical.hash(sweep.get("spec"), SweepSpec.HASH_DIGITS);
    Files.createDirectories(dir.resolve(ResultsDir.RUNS));
    Files.writeString(dir.resolve(ResultsDir.SWEEP_FILE), SWEEP.replace("HASH", hash));
    List<String> ids = new ArrayList<>();
    for (String[] r : RUNS) {
      String text = RUN.replace("TASK", r[0]).replace("LAYERS", r[1]).replace("TRAIN", r[2])
          .replace("TESTS", r[3]).replace("RESULT", r[4]).replace("HASH", hash);
      JsonNode spec = Canonical.MAPPER.readTree(text).get("spec");
      String id = Canonical.hash(spec, RunId.HEX_DIGITS);
      Files.writeString(dir.resolve(ResultsDir.RUNS).resolve(id + ".json"),
          text.replace("ID", id));
      ids.add(id);
    }
    return ids.stream().sorted().toList();
  }
}
