package ssmlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes result rows as CSV (RFC 4180): a header of the JSON keys, then one line per row; option
 * maps as canonical JSON text in one quoted cell, missing values empty.
 */
final class Csv {
  private Csv() {}

  static String write(List<ResultRow> rows) {
    var sb = new StringBuilder();
    List<String> columns = columns();
    sb.append(String.join(",", columns)).append('\n');
    for (ResultRow row : rows) {
      ObjectNode node = Canonical.MAPPER.valueToTree(row);
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(cell(node.get(column)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  static List<String> columns() {
    ResultRow blank = new ResultRow("", "", "", "", Map.of(), "", "", Map.of(), null, null, 1, 1,
        1, 0, 1, 1, Map.of(), 0, 0, 0, 0, 0, 0, "", "", true, 1, null, null, null);
    ObjectNode node = Canonical.MAPPER.valueToTree(blank);
    return List.copyOf(node.propertyNames());
  }

  private static String cell(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    String text = value.isContainer() ? Canonical.json(value) : value.asString();
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
