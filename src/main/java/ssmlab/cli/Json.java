package ssmlab.cli;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper the command line writes with: compact, one object per line. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
