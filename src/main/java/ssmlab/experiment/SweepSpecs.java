package ssmlab.experiment;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads sweep specs from {@code .yaml}/{@code .yml} or {@code .json} files. */
public final class SweepSpecs {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();
  private static final ObjectMapper JSON = Canonical.MAPPER.rebuild()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();
  /** Binds the tree: a number with a fraction is no integer (seeds: [1.5] is not seed 1). */
  private static final ObjectMapper BIND = Canonical.MAPPER.rebuild()
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private SweepSpecs() {}

  /** Reads and checks the spec in {@code file}; bad content is an IllegalArgumentException. */
  public static SweepSpec read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      mapper = YAML;
    } else if (name.endsWith(".json")) {
      mapper = JSON;
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
    JsonNode tree;
    try {
      tree = mapper.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(where + ": expected a mapping at the top");
    }
    oneSpelling(tree, SweepSpec.class, where + ": ");
    JsonNode tasks = tree.path("tasks");
    for (int i = 0; i < tasks.size(); i++) {
      oneSpelling(tasks.get(i), SweepSpec.TaskEntry.class, where + ": tasks[" + i + "]: ");
    }
    try {
      return BIND.treeToValue(tree, SweepSpec.class);
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException(where + ": " + mismatch(e, tree), e);
    } catch (JacksonException e) {
      Throwable cause = e.getCause();
      String why = cause instanceof IllegalArgumentException ? cause.getMessage()
          : e.getOriginalMessage();
      throw new IllegalArgumentException(where + ": " + why, e);
    }
  }

  /**
   * Renames a key spelled as its alias ({@code trainLengths}) to its name ({@code
   * train_lengths}), so that errors point at the value; refuses a key given in both spellings,
   * which binding would resolve silently, as it would a repeated key.
   */
  private static void oneSpelling(JsonNode node, Class<? extends Record> type, String where) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      JsonProperty name = c.getAccessor().getAnnotation(JsonProperty.class);
      JsonAlias aliases = c.getAccessor().getAnnotation(JsonAlias.class);
      if (name == null || aliases == null) {
        continue;
      }
      List<String> given = Stream.concat(Stream.of(name.value()), Arrays.stream(aliases.value()))
          .filter(object::has).toList();
      if (given.size() > 1) {
        throw new IllegalArgumentException(where + "duplicate key: " + String.join(" and ",
            given.stream().map(k -> "'" + k + "'").toList()) + " are one key; give it once");
      }
      if (given.size() == 1 && !given.getFirst().equals(name.value())) {
        object.set(name.value(), object.remove(given.getFirst()));
      }
    }
  }

  /** "'seeds[0]' must be an integer, not 1.5", in the spec's words rather than Java's. */
  private static String mismatch(MismatchedInputException e, JsonNode tree) {
    var at = new StringBuilder();
    var pointer = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        at.append('[').append(ref.getIndex()).append(']');
        pointer.append('/').append(ref.getIndex());
      } else if (ref.getPropertyName() != null) {
        at.append(at.isEmpty() ? "" : ".").append(ref.getPropertyName());
        pointer.append('/').append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
      }
    }
    if (e.getTargetType() == null || e instanceof PropertyBindingException) {
      return e.getOriginalMessage();
    }
    JsonNode bad = tree.at(pointer.toString());
    return "'" + at + "' must be " + typeInWords(e.getTargetType()) + ", not "
        + (bad.isMissingNode() ? "that" : bad.toString());
  }

  private static String typeInWords(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    return type == String.class ? "a string" : "a " + type.getSimpleName();
  }
}
