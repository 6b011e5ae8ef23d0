package ssmlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads sweep specs from {@code .yaml}/{@code .yml} or {@code .json} files. */
public final class SweepSpecs {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SweepSpecs() {}

  /** Reads and checks the spec in {@code file}; bad content is an IllegalArgumentException. */
  public static SweepSpec read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      mapper = YAML;
    } else if (name.endsWith(".json")) {
      mapper = Canonical.MAPPER;
    } else {
      throw new IllegalArgumentException("sweep spec " + file
          + ": expected a .yaml, .yml or .json file");
    }
    return parse(mapper, Files.readString(file), file.toString());
  }

  /** Parses spec text in YAML (JSON is YAML too, so this reads both). */
  public static SweepSpec parseYaml(String text) {
    return parse(YAML, text, "sweep spec");
  }

  private static SweepSpec parse(ObjectMapper mapper, String text, String where) {
    try {
      JsonNode tree = mapper.readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException(where + ": expected a mapping at the top");
      }
      return Canonical.MAPPER.treeToValue(tree, SweepSpec.class);
    } catch (JacksonException e) {
      Throwable cause = e.getCause();
      String why = cause instanceof IllegalArgumentException ? cause.getMessage()
          : e.getOriginalMessage();
      throw new IllegalArgumentException(where + ": " + why, e);
    }
  }
}
